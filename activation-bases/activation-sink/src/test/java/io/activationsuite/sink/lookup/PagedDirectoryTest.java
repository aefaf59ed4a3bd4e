package io.activationsuite.sink.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A directory read page by page once per session, with one call per value beyond its bound. */
class PagedDirectoryTest {
  private final List<String> cursors = new ArrayList<>();
  private final List<Set<String>> singles = new ArrayList<>();

  private PagedDirectory directory(int maxPages) {
    List<Map<String, String>> pages = List.of(Map.of("ann@corp.test", "1", "bob@corp.test", "2"),
        Map.of("cy@corp.test", "3"), Map.of("Dee@Corp.test", "4"));
    return new PagedDirectory(cursor -> {
      cursors.add(String.valueOf(cursor));
      int index = cursor == null ? 0 : Integer.parseInt(cursor);
      return new PagedDirectory.Page(pages.get(index), index + 1 < pages.size() ? Integer.toString(index + 1) : null);
    }, maxPages, values -> {
      singles.add(Set.copyOf(values));
      return values.contains("dee@corp.test") ? Map.of("dee@corp.test", "4") : Map.of();
    });
  }

  @Test
  void givenThreePages_whenResolvedTwice_thenEveryPageIsReadOnceAndUnknownValuesCostNoCall() throws Exception {
    PagedDirectory directory = directory(10);

    Map<String, String> first = directory.resolve(Set.of("ANN@corp.test", "dee@corp.test", "zed@corp.test"));
    Map<String, String> second = directory.resolve(Set.of("cy@corp.test", "nobody@corp.test"));

    assertThat(first).containsExactlyInAnyOrderEntriesOf(Map.of("ANN@corp.test", "1", "dee@corp.test", "4"));
    assertThat(second).containsExactlyEntriesOf(Map.of("cy@corp.test", "3"));
    assertThat(cursors).containsExactly("null", "1", "2");
    assertThat(singles).isEmpty();
  }

  @Test
  void givenADirectoryLargerThanTheBound_whenAValueIsNotInThePagesRead_thenItIsAskedOnItsOwn() throws Exception {
    PagedDirectory directory = directory(2);

    Map<String, String> ids = directory.resolve(Set.of("bob@corp.test", "dee@corp.test"));

    assertThat(ids).containsExactlyInAnyOrderEntriesOf(Map.of("bob@corp.test", "2", "dee@corp.test", "4"));
    assertThat(directory.pagesRead()).isEqualTo(2);
    assertThat(singles).containsExactly(Set.of("dee@corp.test"));
  }
}

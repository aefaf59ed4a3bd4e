package io.activationsuite.sink.lookup;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@link LookupSource} for an API that lists its whole directory page by page (HubSpot owners) but has no
 * call that resolves several values at once: the first resolve reads the pages once, at most
 * {@code maxPages}, and keeps every entry for the session, so each later value is answered without a call.
 * A directory with more pages than that is not kept whole: values missing from the pages read are asked
 * one call each through {@code single}. Keys are compared case-insensitively (emails). Thread-safe.
 */
public final class PagedDirectory implements LookupSource {

  /** One page of the directory: its entries (key -> id) and the cursor of the next page, null at the end. */
  public record Page(Map<String, String> entries, String next) {}

  /** Reads one page; {@code cursor} is null for the first. */
  @FunctionalInterface
  public interface Pages {
    Page read(String cursor) throws Exception;
  }

  private final Pages pages;
  private final int maxPages;
  private final LookupSource single;
  private Map<String, String> entries;
  private boolean complete;
  private int pagesRead;

  /**
   * A directory read through {@code pages}, at most {@code maxPages} pages, with {@code single} for the
   * values a larger directory leaves unknown.
   */
  public PagedDirectory(Pages pages, int maxPages, LookupSource single) {
    this.pages = pages;
    this.maxPages = maxPages;
    this.single = single;
  }

  @Override
  public Map<String, String> resolve(Set<String> values) throws Exception {
    Map<String, String> directory = load();
    Map<String, String> ids = new HashMap<>();
    Set<String> unknown = new java.util.LinkedHashSet<>();
    for (String value : values) {
      String id = directory.get(value.toLowerCase(Locale.ROOT));
      if (id != null) {
        ids.put(value, id);
      } else if (!isComplete()) {
        unknown.add(value);
      }
    }
    if (!unknown.isEmpty()) {
      ids.putAll(single.resolve(unknown));
    }
    return ids;
  }

  /** Pages read so far (for tests). */
  public synchronized int pagesRead() {
    return pagesRead;
  }

  private synchronized boolean isComplete() {
    return complete;
  }

  private synchronized Map<String, String> load() throws Exception {
    if (entries != null) {
      return entries;
    }
    Map<String, String> read = new LinkedHashMap<>();
    String cursor = null;
    do {
      Page page = pages.read(cursor);
      pagesRead++;
      page.entries().forEach((key, id) -> read.putIfAbsent(key.toLowerCase(Locale.ROOT), id));
      cursor = page.next();
    } while (cursor != null && pagesRead < maxPages);
    complete = cursor == null;
    entries = Map.copyOf(read);
    return entries;
  }
}

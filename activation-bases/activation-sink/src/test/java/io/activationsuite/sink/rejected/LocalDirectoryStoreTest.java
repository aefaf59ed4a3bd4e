package io.activationsuite.sink.rejected;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryStoreTest {

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void givenLocalStorage_whenFlushed_thenSameLayoutAsS3UnderTheDirectory(@TempDir Path dir) throws IOException {
    FileLayout gzip = new FileLayout(OutputFormat.JSONL, Compression.GZIP, FileLayout.DEFAULT_PATH_FORMAT,
        FileLayout.DEFAULT_FILE_NAME_FORMAT);
    RejectedRecord record = TestRecords.sample("crm", "users", 1);
    try (RejectedRecordStore store = RejectedRecordStores.open(new ObjectStorageConfig.Local(dir, gzip), "77",
        BufferLimits.DEFAULT, TestRecords.CLOCK)) {
      assertThat(store.location()).isEqualTo(dir.resolve("77") + "/");
      store.write(record);
      assertThat(files(dir)).isEmpty();
      store.flush();
      store.flush();
    }
    Path expected = dir.resolve("77/crm/users/2025_01_02_" + TestRecords.OPENED_AT.toEpochMilli() + "_0.jsonl.gz");
    assertThat(files(dir)).containsExactly(expected);
    assertThat(PartReader.read(expected.toString(), Files.readAllBytes(expected))).containsExactly(record);
  }

  @Test
  void givenHostileStreamNames_whenFlushed_thenFilesStayInsideTheDirectory(@TempDir Path dir) throws IOException {
    Path root = dir.resolve("root");
    try (RejectedRecordStore store = RejectedRecordStores.open(
        new ObjectStorageConfig.Local(root, FileLayout.defaults()), "1", BufferLimits.DEFAULT, TestRecords.CLOCK)) {
      store.write(TestRecords.sample("..", "../../escape", 1));
      store.write(TestRecords.sample("a/b", "c\\d", 2));
    }
    List<Path> files = files(dir);
    assertThat(files).hasSize(2).allSatisfy(p -> assertThat(p.startsWith(root)).isTrue());
    assertThat(files).anySatisfy(p -> assertThat(root.relativize(p).toString()).startsWith("1/__/.._.._escape/"))
        .anySatisfy(p -> assertThat(root.relativize(p).toString()).startsWith("1/a_b/c_d/"));
  }

  @Test
  void givenCustomTemplates_whenFlushed_thenNamesFollowThem(@TempDir Path dir) throws IOException {
    FileLayout layout = new FileLayout(OutputFormat.CSV, Compression.NONE, "${STREAM_NAME}/{year}/{month}/",
        "part-{part_number}-{sync_id}{format_extension}");
    try (RejectedRecordStore store = RejectedRecordStores.open(new ObjectStorageConfig.Local(dir, layout), "5",
        BufferLimits.DEFAULT, TestRecords.CLOCK)) {
      assertThat(store.location()).isEqualTo(dir + "/");
      store.write(TestRecords.sample("crm", "users", 1));
      store.flush();
      store.write(TestRecords.sample("crm", "users", 2));
    }
    assertThat(files(dir)).extracting(p -> dir.relativize(p).toString())
        .containsExactly("users/2025/01/part-0-5.csv", "users/2025/01/part-1-5.csv");
  }
}

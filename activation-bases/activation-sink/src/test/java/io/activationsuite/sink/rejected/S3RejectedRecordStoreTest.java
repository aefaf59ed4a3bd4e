package io.activationsuite.sink.rejected;

import io.activationsuite.sink.api.RejectionReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class S3RejectedRecordStoreTest {
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  private static S3ProxyFixture s3;
  private String bucket;

  @BeforeAll
  static void startServer() throws Exception {
    s3 = S3ProxyFixture.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    s3.close();
  }

  @BeforeEach
  void newBucket() {
    bucket = "rejected-" + BUCKETS.incrementAndGet();
    s3.createBucket(bucket);
  }

  private FileRejectedRecordStore open(FileLayout layout, BufferLimits limits,
      S3ProxyFixture.RequestCounter counter) {
    return (FileRejectedRecordStore) RejectedRecordStores.open(s3.config(bucket, "dlq/prefix/", layout), "123",
        limits, TestRecords.CLOCK, counter == null ? List.of() : List.of(counter));
  }

  private List<RejectedRecord> readAll(List<String> keys) throws IOException {
    List<RejectedRecord> records = new ArrayList<>();
    for (String key : keys) {
      records.addAll(PartReader.read(key, s3.read(bucket, key)));
    }
    return records;
  }

  @Test
  void givenRecords_whenFlushed_thenOnePartPerStreamUnderSyncFolderAndContentRoundTrips() throws IOException {
    RejectedRecord first = TestRecords.sample("crm", "users", 1);
    RejectedRecord second = TestRecords.sample("crm", "users", 2);
    try (RejectedRecordStore store = open(FileLayout.defaults(), BufferLimits.DEFAULT, null)) {
      store.write(first);
      store.write(second);
      assertThat(s3.keys(bucket)).isEmpty();
      store.flush();

      assertThat(s3.keys(bucket)).containsExactly(
          "dlq/prefix/123/crm/users/2025_01_02_" + TestRecords.OPENED_AT.toEpochMilli() + "_0.jsonl");
      assertThat(readAll(s3.keys(bucket))).containsExactly(first, second);
      assertThat(store.location()).isEqualTo("s3://" + bucket + "/dlq/prefix/123/");
      assertThat(store.retainsRecords()).isTrue();
    }
  }

  @Test
  void givenGzip_whenFlushed_thenPartIsGzipJsonlThatRoundTrips() throws IOException {
    FileLayout gzip = new FileLayout(OutputFormat.JSONL, Compression.GZIP, FileLayout.DEFAULT_PATH_FORMAT,
        FileLayout.DEFAULT_FILE_NAME_FORMAT);
    List<RejectedRecord> written = new ArrayList<>();
    try (RejectedRecordStore store = open(gzip, BufferLimits.DEFAULT, null)) {
      for (int i = 0; i < 50; i++) {
        written.add(TestRecords.sample("crm", "users", i));
        store.write(written.get(i));
      }
      store.flush();
    }
    List<String> keys = s3.keys(bucket);
    assertThat(keys).singleElement().asString().endsWith("_0.jsonl.gz");
    byte[] raw = s3.read(bucket, keys.get(0));
    assertThat(raw[0] & 0xff).isEqualTo(0x1f);
    assertThat(raw[1] & 0xff).isEqualTo(0x8b);
    assertThat(readAll(keys)).containsExactlyElementsOf(written);
  }

  @Test
  void givenCsv_whenFlushed_thenCsvWithHeaderRoundTripsIncludingQuotesAndNewlines() throws IOException {
    FileLayout csv = new FileLayout(OutputFormat.CSV, Compression.NONE, FileLayout.DEFAULT_PATH_FORMAT,
        FileLayout.DEFAULT_FILE_NAME_FORMAT);
    RejectedRecord bare = RejectedRecord.builder(null, "events", RejectionReason.MALFORMED_RECORD)
        .rejectedAt(TestRecords.OPENED_AT).message("").build();
    try (RejectedRecordStore store = open(csv, BufferLimits.DEFAULT, null)) {
      store.write(TestRecords.sample("crm", "users", 7));
      store.write(bare);
    }
    List<String> keys = s3.keys(bucket);
    assertThat(keys).hasSize(2).allSatisfy(k -> assertThat(k).endsWith(".csv"));
    assertThat(readAll(keys)).containsExactlyInAnyOrder(TestRecords.sample("crm", "users", 7), bare);
  }

  @Test
  void givenNothingNew_whenFlushed_thenNoRequestIsSent() {
    S3ProxyFixture.RequestCounter counter = new S3ProxyFixture.RequestCounter();
    try (RejectedRecordStore store = open(FileLayout.defaults(), BufferLimits.DEFAULT, counter)) {
      store.flush();
      assertThat(counter.count()).isZero();
      store.write(TestRecords.sample("crm", "users", 1));
      store.flush();
      assertThat(counter.count()).isEqualTo(1);
      store.flush();
      store.flush();
      assertThat(counter.count()).isEqualTo(1);
      store.write(TestRecords.sample("crm", "users", 2));
      store.flush();
      assertThat(counter.count()).isEqualTo(2);
    }
    assertThat(s3.keys(bucket)).hasSize(2);
  }

  @Test
  void givenSeveralStreams_whenFlushed_thenEachStreamHasItsOwnFolderAndNullNamespaceIsDropped()
      throws IOException {
    try (RejectedRecordStore store = open(FileLayout.defaults(), BufferLimits.DEFAULT, null)) {
      store.write(TestRecords.sample("crm", "users", 1));
      store.write(TestRecords.sample("crm", "accounts", 2));
      store.write(TestRecords.sample(null, "events", 3));
      store.write(TestRecords.sample("crm", "users", 4));
      store.flush();
    }
    List<String> keys = s3.keys(bucket);
    assertThat(keys).hasSize(3);
    assertThat(keys).anySatisfy(k -> assertThat(k).startsWith("dlq/prefix/123/crm/users/"))
        .anySatisfy(k -> assertThat(k).startsWith("dlq/prefix/123/crm/accounts/"))
        .anySatisfy(k -> assertThat(k).startsWith("dlq/prefix/123/events/"));
    assertThat(readAll(keys)).extracting(RejectedRecord::stream)
        .containsExactlyInAnyOrder("users", "users", "accounts", "events");
  }

  @Test
  void givenConcurrentWriters_whenAllWritten_thenEveryRecordIsStoredExactlyOnce() throws Exception {
    int threads = 4;
    int perThread = 400;
    BufferLimits small = new BufferLimits(16 * 1024, 48 * 1024);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try (RejectedRecordStore store = open(FileLayout.defaults(), small, null)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * perThread;
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            store.write(TestRecords.sample("crm", (offset + i) % 2 == 0 ? "even" : "odd", offset + i));
            if (i % 100 == 0) {
              store.flush();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(30, TimeUnit.SECONDS);
      }
      store.flush();
    } finally {
      pool.shutdownNow();
    }
    List<RejectedRecord> stored = readAll(s3.keys(bucket));
    Set<Integer> ids = new HashSet<>();
    for (RejectedRecord record : stored) {
      int id = record.record().get("id").asInt();
      assertThat(record.stream()).isEqualTo(id % 2 == 0 ? "even" : "odd");
      ids.add(id);
    }
    assertThat(stored).hasSize(threads * perThread);
    assertThat(ids).hasSize(threads * perThread);
  }

  @Test
  void givenLargeVolume_whenWritten_thenPartsSpillBeforeFlushAndMemoryStaysBounded() throws IOException {
    BufferLimits limits = new BufferLimits(32 * 1024, 64 * 1024);
    int count = 4000;
    FileRejectedRecordStore store = open(FileLayout.defaults(), limits, null);
    try (store) {
      for (int i = 0; i < count; i++) {
        store.write(TestRecords.sample("crm", "s" + (i % 3), i));
      }
      long spilled = store.partsWritten();
      assertThat(spilled).isGreaterThan(20);
      assertThat(s3.keys(bucket)).hasSize((int) spilled);
      store.flush();
    }
    assertThat(store.peakBufferedBytes()).isLessThan(limits.maxBufferedBytes() + 4 * 1024);
    List<String> keys = s3.keys(bucket);
    assertThat(keys).hasSize((int) store.partsWritten());
    assertThat(readAll(keys)).hasSize(count);
  }

  @Test
  void givenMissingBucket_whenFlushed_thenConfigErrorNamesBucketAndPartIsRetriedAfterFix() throws IOException {
    String missing = "missing-" + BUCKETS.incrementAndGet();
    RejectedRecordStore store = RejectedRecordStores.open(s3.config(missing, "p", FileLayout.defaults()), "9",
        BufferLimits.DEFAULT, TestRecords.CLOCK);
    store.write(TestRecords.sample("crm", "users", 1));
    assertThatThrownBy(store::flush).isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining("object_storage_config.s3_bucket_name").hasMessageContaining(missing);

    s3.createBucket(missing);
    store.flush();
    store.close();
    bucket = missing;
    assertThat(readAll(s3.keys(missing))).containsExactly(TestRecords.sample("crm", "users", 1));
  }

  @Test
  void givenWrongSecret_whenFlushed_thenConfigErrorNamesFieldWithoutSecret() {
    String wrongSecret = "wrong-Secret-Value-123456";
    ObjectStorageConfig.S3 config = new ObjectStorageConfig.S3(bucket, "us-east-1", s3.endpoint(), "p",
        S3ProxyFixture.ACCESS_KEY, wrongSecret, null, FileLayout.defaults());
    try (RejectedRecordStore store = RejectedRecordStores.open(config, "9")) {
      store.write(TestRecords.sample("crm", "users", 1));
      assertThatThrownBy(store::flush).isInstanceOf(ConfigErrorException.class)
          .hasMessageContaining("secret_access_key")
          .satisfies(e -> assertNoSecret(e, wrongSecret, S3ProxyFixture.ACCESS_KEY));
    } catch (ConfigErrorException expectedOnClose) {
      assertNoSecret(expectedOnClose, wrongSecret, S3ProxyFixture.ACCESS_KEY);
    }
  }

  @Test
  void givenUnreachableEndpoint_whenFlushed_thenTransientError() throws IOException {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    ObjectStorageConfig.S3 config = new ObjectStorageConfig.S3(bucket, "us-east-1", closed, "p",
        S3ProxyFixture.ACCESS_KEY, S3ProxyFixture.SECRET_KEY, null, FileLayout.defaults());
    RejectedRecordStore store = RejectedRecordStores.open(config, "9");
    store.write(TestRecords.sample("crm", "users", 1));
    assertThatThrownBy(store::flush).isInstanceOf(TransientErrorException.class)
        .hasMessageContaining("object_storage_config.s3_endpoint")
        .satisfies(e -> assertNoSecret(e, S3ProxyFixture.SECRET_KEY, S3ProxyFixture.ACCESS_KEY));
  }

  @Test
  void givenClosedStore_whenWritten_thenIllegalState() {
    RejectedRecordStore store = open(FileLayout.defaults(), BufferLimits.DEFAULT, null);
    store.close();
    store.close();
    assertThatThrownBy(() -> store.write(TestRecords.sample("crm", "users", 1)))
        .isInstanceOf(IllegalStateException.class);
  }

  static void assertNoSecret(Throwable error, String... secrets) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      for (String secret : secrets) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
        assertThat(t.toString()).doesNotContain(secret);
      }
    }
  }
}

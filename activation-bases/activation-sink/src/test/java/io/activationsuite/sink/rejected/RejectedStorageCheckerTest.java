package io.activationsuite.sink.rejected;

import static io.activationsuite.sink.rejected.S3RejectedRecordStoreTest.assertNoSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectedStorageCheckerTest {
  private static S3ProxyFixture s3;
  private final RejectedStorageChecker checker = new RejectedStorageChecker();

  @BeforeAll
  static void startServer() throws Exception {
    s3 = S3ProxyFixture.start();
    s3.createBucket("checked");
  }

  @AfterAll
  static void stopServer() throws Exception {
    s3.close();
  }

  @Test
  void givenWorkingBucket_whenChecked_thenSucceedsAndLeavesNoObject() {
    S3ProxyFixture.RequestCounter counter = new S3ProxyFixture.RequestCounter();
    new RejectedStorageChecker(List.of(counter)).check(s3.config("checked", "some/path", FileLayout.defaults()));
    assertThat(counter.count()).isEqualTo(3);
    assertThat(s3.keys("checked")).isEmpty();
  }

  @Test
  void givenNone_whenChecked_thenSucceedsWithoutAnything() {
    assertThatCode(() -> checker.check(new ObjectStorageConfig.None())).doesNotThrowAnyException();
  }

  @Test
  void givenMissingBucket_whenChecked_thenConfigErrorNamesBucket() {
    assertThatThrownBy(() -> checker.check(s3.config("no-such-bucket", "p", FileLayout.defaults())))
        .isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining("'no-such-bucket'").hasMessageContaining("does not exist")
        .hasMessageContaining("object_storage_config.s3_bucket_name");
  }

  @Test
  void givenUnknownAccessKey_whenChecked_thenConfigErrorNamesAccessKeyWithoutSecrets() {
    String accessKey = "AKIDUNKNOWNKEY000001";
    ObjectStorageConfig.S3 config = new ObjectStorageConfig.S3("checked", "us-east-1", s3.endpoint(), "p",
        accessKey, S3ProxyFixture.SECRET_KEY, null, FileLayout.defaults());
    assertThatThrownBy(() -> checker.check(config)).isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining("object_storage_config.access_key_id")
        .satisfies(e -> assertNoSecret(e, accessKey, S3ProxyFixture.SECRET_KEY));
  }

  @Test
  void givenWrongSecret_whenChecked_thenConfigErrorNamesSecretFieldWithoutValue() {
    String secret = "definitely-Wrong-Secret-987";
    ObjectStorageConfig.S3 config = new ObjectStorageConfig.S3("checked", "us-east-1", s3.endpoint(), "p",
        S3ProxyFixture.ACCESS_KEY, secret, null, FileLayout.defaults());
    assertThatThrownBy(() -> checker.check(config)).isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining("object_storage_config.secret_access_key")
        .satisfies(e -> assertNoSecret(e, secret, S3ProxyFixture.ACCESS_KEY));
  }

  @Test
  void givenUnreachableEndpoint_whenChecked_thenErrorSaysEndpointUnreachable() throws IOException {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    ObjectStorageConfig.S3 config = new ObjectStorageConfig.S3("checked", "us-east-1", closed, "p",
        S3ProxyFixture.ACCESS_KEY, S3ProxyFixture.SECRET_KEY, null, FileLayout.defaults());
    assertThatThrownBy(() -> checker.check(config)).isInstanceOf(TransientErrorException.class)
        .hasMessageContaining("Could not reach object_storage_config.s3_endpoint " + closed);
  }

  @Test
  void givenLocalDirectory_whenChecked_thenSucceedsAndLeavesNoFile(@TempDir Path dir) throws IOException {
    Path root = dir.resolve("rejected");
    checker.check(new ObjectStorageConfig.Local(root, FileLayout.defaults()));
    try (var files = Files.list(root)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void givenLocalDirectoryThatIsAFile_whenChecked_thenConfigErrorNamesField(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> checker.check(new ObjectStorageConfig.Local(file, FileLayout.defaults())))
        .isInstanceOf(ConfigErrorException.class)
        .hasMessageContaining("object_storage_config.local_directory");
  }
}

package io.activationsuite.acceptance.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activationsuite.testkit.s3.S3ProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An S3-compatible bucket the connector stores its rejected records in (JSONL, uncompressed), so a test can
 * read back each rejected record's reason. S3 rather than a local directory: the connector reaches it over
 * loopback in jar and Docker mode alike.
 */
public final class RejectedRecordsBucket implements AutoCloseable {

  private static final String BUCKET = "rejected-records";
  private static final String BUCKET_PATH = "activation";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final S3ProxyServer s3;

  private RejectedRecordsBucket(S3ProxyServer s3) {
    this.s3 = s3;
  }

  /** Starts an S3 server holding an empty bucket. */
  public static RejectedRecordsBucket start() {
    S3ProxyServer s3 = S3ProxyServer.start();
    s3.createBucket(BUCKET);
    return new RejectedRecordsBucket(s3);
  }

  /** The connector's {@code object_storage_config} that stores rejected records in this bucket. */
  public ObjectNode storage() {
    ObjectNode storage = JsonNodeFactory.instance.objectNode().put("storage_type", "S3")
        .put("access_key_id", S3ProxyServer.ACCESS_KEY_ID)
        .put("secret_access_key", S3ProxyServer.SECRET_ACCESS_KEY)
        .put("s3_bucket_name", BUCKET)
        .put("s3_bucket_region", S3ProxyServer.REGION)
        .put("s3_endpoint", s3.endpoint().toString())
        .put("bucket_path", BUCKET_PATH);
    storage.putObject("format").put("format_type", "JSONL").put("flattening", "No flattening");
    storage.putObject("compression").put("compression_type", "No Compression");
    return storage;
  }

  /** The bucket's secret: it must appear nowhere in the connector's output. */
  public String secret() {
    return S3ProxyServer.SECRET_ACCESS_KEY;
  }

  /** Every rejected record stored for the sync {@code syncId} (the documented JSONL objects), in file order. */
  public List<JsonNode> rejected(long syncId) {
    List<JsonNode> records = new ArrayList<>();
    for (String key : s3.keys(BUCKET, BUCKET_PATH + "/" + syncId + "/")) {
      String text = new String(s3.read(BUCKET, key), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          records.add(parse(line));
        }
      }
    }
    return records;
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Empties the bucket. */
  public void clear() {
    s3.clear(BUCKET);
  }

  @Override
  public void close() {
    s3.close();
  }
}

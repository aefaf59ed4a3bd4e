package io.activationsuite.sink.rejected;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where rejected records go, parsed from the connector config's {@code object_storage_config} (see
 * {@link ObjectStorageSpec} for the spec fragment): nothing ({@link None}), an S3 bucket ({@link S3}) or, for
 * local runs, a directory ({@link Local}).
 */
public sealed interface ObjectStorageConfig permits ObjectStorageConfig.None, ObjectStorageConfig.S3,
    ObjectStorageConfig.Local {

  /** The name of the connector config property, fixed by the Airbyte platform. */
  String PROPERTY = "object_storage_config";

  /**
   * Parses {@code object_storage_config} from a connector config (absent or null means {@link None}).
   *
   * @throws io.activationsuite.protocol.errors.ConfigErrorException naming the faulty field
   */
  static ObjectStorageConfig fromConnectorConfig(JsonNode connectorConfig) {
    return ObjectStorageConfigParser.parse(connectorConfig == null ? null : connectorConfig.get(PROPERTY));
  }

  /** {@code storage_type: None}: rejected records are counted but not kept. */
  record None() implements ObjectStorageConfig {
  }

  /**
   * {@code storage_type: S3}.
   *
   * @param bucketName bucket
   * @param region AWS region; empty when not given (then us-east-1 with cross-region access)
   * @param endpoint custom endpoint of an S3-compatible server (path-style access), {@code null} for AWS
   * @param bucketPath key prefix inside the bucket, may be empty
   * @param accessKeyId static access key, {@code null} for the default AWS credential chain
   * @param secretAccessKey static secret, {@code null} for the default AWS credential chain
   * @param roleArn role to assume with STS, {@code null} for none
   * @param layout file naming and encoding
   */
  record S3(String bucketName, String region, URI endpoint, String bucketPath, String accessKeyId,
      String secretAccessKey, String roleArn, FileLayout layout) implements ObjectStorageConfig {

    /** Validates mandatory fields. */
    public S3 {
      Objects.requireNonNull(bucketName, "bucketName");
      Objects.requireNonNull(layout, "layout");
      region = region == null ? "" : region;
      bucketPath = bucketPath == null ? "" : bucketPath;
    }

    /** Whether static keys were given (otherwise the default AWS credential chain is used). */
    public boolean hasStaticCredentials() {
      return accessKeyId != null;
    }

    /** Never prints the credentials. */
    @Override
    public String toString() {
      return "S3[bucketName=" + bucketName + ", region=" + region + ", endpoint=" + endpoint + ", bucketPath="
          + bucketPath + ", credentials=" + (hasStaticCredentials() ? "static(redacted)" : "default chain")
          + ", roleArn=" + roleArn + ", layout=" + layout + "]";
    }
  }

  /**
   * {@code storage_type: Local}: a directory on the machine running the connector, for local runs and demos.
   *
   * @param directory root directory (created if missing)
   * @param layout file naming and encoding
   */
  record Local(Path directory, FileLayout layout) implements ObjectStorageConfig {

    /** Validates mandatory fields. */
    public Local {
      Objects.requireNonNull(directory, "directory");
      Objects.requireNonNull(layout, "layout");
    }
  }
}

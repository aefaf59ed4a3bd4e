package io.activationsuite.sink.rejected;

import io.activationsuite.protocol.errors.SystemErrorException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The rejected-records part of a connector's {@code check}: proves the configured storage can take writes by
 * writing {@code <bucket_path>/_check_test}, listing it and deleting it. Failures are thrown as connector
 * exceptions whose message says what is wrong (bucket missing, access denied, endpoint unreachable) and which
 * field to fix; the connector reports that message in its CONNECTION_STATUS.
 */
public final class RejectedStorageChecker {
  /** Name of the probe object, under the bucket path. */
  public static final String CHECK_OBJECT = "_check_test";
  private static final byte[] CONTENT = "{\"data\":1}".getBytes(StandardCharsets.UTF_8);

  private final List<ExecutionInterceptor> s3Interceptors;

  /** A checker using plain S3 clients. */
  public RejectedStorageChecker() {
    this(List.of());
  }

  RejectedStorageChecker(List<ExecutionInterceptor> s3Interceptors) {
    this.s3Interceptors = List.copyOf(s3Interceptors);
  }

  /**
   * Checks the storage; returns normally when it works (and at once for {@code None}).
   *
   * @throws io.activationsuite.protocol.errors.ConnectorException with a user-facing message otherwise
   */
  public void check(ObjectStorageConfig config) {
    Objects.requireNonNull(config, "config");
    if (config instanceof ObjectStorageConfig.None) {
      return;
    }
    ObjectTargets.Opened opened = ObjectTargets.open(config, s3Interceptors);
    try (ObjectTarget target = opened.target()) {
      String key = FileRejectedRecordStore.joinKey(opened.rootPrefix(), CHECK_OBJECT);
      target.put(key, CONTENT, "application/json");
      if (!target.list(key).contains(key)) {
        throw new SystemErrorException("The rejected-records check object " + target.describe(key)
            + " was written but is not listed; the storage is not consistent.");
      }
      target.delete(key);
    }
  }
}

package io.activationsuite.sink.rejected;

import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Opens the {@link ObjectTarget} and key prefix a storage config points at; shared by the store and the checker. */
final class ObjectTargets {

  private ObjectTargets() {
  }

  /** A target with the key prefix under which everything is written. */
  record Opened(ObjectTarget target, String rootPrefix) {
  }

  static Opened open(ObjectStorageConfig config, List<ExecutionInterceptor> s3Interceptors) {
    return switch (config) {
      case ObjectStorageConfig.S3 s3 -> new Opened(new S3ObjectTarget(S3Clients.build(s3, s3Interceptors), s3),
          FileRejectedRecordStore.normalizePrefix(s3.bucketPath()));
      case ObjectStorageConfig.Local local -> new Opened(new LocalDirectoryTarget(local.directory()), "");
      case ObjectStorageConfig.None none -> throw new IllegalArgumentException("No target for storage None");
    };
  }
}

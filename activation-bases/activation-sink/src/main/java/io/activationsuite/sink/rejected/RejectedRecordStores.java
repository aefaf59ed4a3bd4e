package io.activationsuite.sink.rejected;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Builds the {@link RejectedRecordStore} for a connector config and a sync: the discarding store for
 * {@code None}, a file store over S3 or a local directory otherwise. The sync id is the catalog's
 * {@code sync_id} (the platform's job id), which the default path puts first so the platform's link to
 * {@code s3://bucket/bucket_path/<job id>/} finds the files.
 */
public final class RejectedRecordStores {

  private RejectedRecordStores() {
  }

  /** Parses {@code object_storage_config} from the connector config and opens the store. */
  public static RejectedRecordStore open(JsonNode connectorConfig, long syncId) {
    return open(ObjectStorageConfig.fromConnectorConfig(connectorConfig), Long.toString(syncId));
  }

  /** Opens the store with default buffer limits and the system clock. */
  public static RejectedRecordStore open(ObjectStorageConfig config, String syncId) {
    return open(config, syncId, BufferLimits.DEFAULT, Clock.systemUTC());
  }

  /**
   * Opens the store.
   *
   * @param limits memory bounds of the buffers
   * @param clock source of the sync start time used in file names
   */
  public static RejectedRecordStore open(ObjectStorageConfig config, String syncId, BufferLimits limits,
      Clock clock) {
    return open(config, syncId, limits, clock, List.of());
  }

  static RejectedRecordStore open(ObjectStorageConfig config, String syncId, BufferLimits limits, Clock clock,
      List<ExecutionInterceptor> s3Interceptors) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(syncId, "syncId");
    FileLayout layout = switch (config) {
      case ObjectStorageConfig.None none -> null;
      case ObjectStorageConfig.S3 s3 -> s3.layout();
      case ObjectStorageConfig.Local local -> local.layout();
    };
    if (layout == null) {
      return new DiscardingRejectedRecordStore();
    }
    ObjectTargets.Opened opened = ObjectTargets.open(config, s3Interceptors);
    try {
      return new FileRejectedRecordStore(opened.target(), opened.rootPrefix(), layout, syncId, limits, clock);
    } catch (RuntimeException e) {
      opened.target().close();
      throw e;
    }
  }
}

package io.activationsuite.sink.rejected;

import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3 bucket (AWS or S3-compatible) as an {@link ObjectTarget}: one PutObject per part, which S3 makes
 * durable and atomic before answering. SDK failures become connector failures via {@link S3ErrorTranslator}.
 */
final class S3ObjectTarget implements ObjectTarget {
  private final S3Clients.Handle handle;
  private final String bucket;
  private final S3ErrorTranslator errors;

  S3ObjectTarget(S3Clients.Handle handle, ObjectStorageConfig.S3 config) {
    this.handle = handle;
    this.bucket = config.bucketName();
    this.errors = new S3ErrorTranslator(config);
  }

  @Override
  public void put(String key, byte[] content, String contentType) {
    try {
      handle.client().putObject(r -> r.bucket(bucket).key(key).contentType(contentType)
          .contentLength((long) content.length), RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw errors.translate(e, "write rejected records", "s3:PutObject");
    }
  }

  @Override
  public List<String> list(String prefix) {
    try {
      ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
      return handle.client().listObjectsV2Paginator(request).contents().stream().map(S3Object::key).toList();
    } catch (SdkException e) {
      throw errors.translate(e, "list rejected records", "s3:ListBucket");
    }
  }

  @Override
  public void delete(String key) {
    try {
      handle.client().deleteObject(r -> r.bucket(bucket).key(key));
    } catch (SdkException e) {
      throw errors.translate(e, "delete the check object", "s3:DeleteObject");
    }
  }

  @Override
  public String describe(String keyPrefix) {
    return "s3://" + bucket + "/" + keyPrefix;
  }

  @Override
  public void close() {
    handle.close();
  }
}

package io.activationsuite.sink.rejected;

import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
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
    } catch (SdkClientException e) {
      throw diagnose(e);
    } catch (SdkException e) {
      throw errors.translate(e, "write rejected records", "s3:PutObject");
    }
  }

  /**
   * A server that refuses an upload (missing bucket, bad signature) may answer before reading the body and
   * close the connection, which the client only sees as an I/O error. A one-key listing, which has no body,
   * then tells a refusal (config error) from a real network failure (transient).
   */
  private RuntimeException diagnose(SdkClientException uploadFailure) {
    try {
      handle.client().listObjectsV2(r -> r.bucket(bucket).maxKeys(1));
    } catch (AwsServiceException refusal) {
      return errors.translate(refusal, "write rejected records", "s3:PutObject and s3:ListBucket");
    } catch (SdkException ignored) {
      // unreachable as well: report the upload failure itself
    }
    return errors.translate(uploadFailure, "write rejected records", "s3:PutObject");
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

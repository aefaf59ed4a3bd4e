package io.activationsuite.sink.rejected;

import io.activationsuite.protocol.errors.ConfigErrorException;
import io.activationsuite.protocol.errors.ConnectorException;
import io.activationsuite.protocol.errors.SystemErrorException;
import io.activationsuite.protocol.errors.TransientErrorException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Turns AWS SDK failures into connector failures a user can act on: bad bucket, region, credentials or
 * permissions are config errors naming the {@code object_storage_config} field; network trouble, throttling and
 * 5xx are transient. Messages name fields, never their secret values, and the SDK exception is not attached as
 * the cause (its text can echo request details); only its error code and status are kept.
 */
final class S3ErrorTranslator {
  private static final String P = ObjectStorageConfig.PROPERTY + ".";

  private final ObjectStorageConfig.S3 config;

  S3ErrorTranslator(ObjectStorageConfig.S3 config) {
    this.config = config;
  }

  /**
   * Translates a failure.
   *
   * @param action what we were doing, e.g. "write a part of rejected records"
   * @param permission the IAM permission that action needs, e.g. {@code s3:PutObject}
   */
  ConnectorException translate(SdkException e, String action, String permission) {
    String where = "bucket '" + config.bucketName() + "'" + (config.endpoint() == null ? ""
        : " at " + config.endpoint());
    if (e instanceof StsException sts) {
      return new ConfigErrorException("Could not assume " + P + "role_arn '" + config.roleArn() + "' ("
          + code(sts) + ", HTTP " + sts.statusCode() + "): check the role's trust policy and the source"
          + " credentials.");
    }
    if (e instanceof AwsServiceException service) {
      return translateService(service, action, permission, where);
    }
    if (e instanceof SdkClientException && e.getMessage() != null
        && e.getMessage().contains("Unable to load credentials")) {
      return new ConfigErrorException("No AWS credentials to " + action + ": set " + P + "access_key_id and "
          + P + "secret_access_key, or provide credentials to the default AWS provider chain.");
    }
    String endpoint = config.endpoint() != null ? P + "s3_endpoint " + config.endpoint()
        : "the S3 endpoint of region " + regionText();
    return new TransientErrorException("Could not reach " + endpoint + " to " + action + " in " + where
        + " (" + e.getClass().getSimpleName() + "). Check the endpoint and the network; the sync can be"
        + " retried.");
  }

  private ConnectorException translateService(AwsServiceException e, String action, String permission,
      String where) {
    String code = code(e);
    int status = e.statusCode();
    String detail = " (" + code + ", HTTP " + status + ")";
    switch (code) {
      case "NoSuchBucket":
        return new ConfigErrorException("The " + where + " does not exist" + detail + ": check " + P
            + "s3_bucket_name and " + P + "s3_bucket_region.");
      case "InvalidAccessKeyId":
        return new ConfigErrorException("The S3 access key is not known to the server" + detail + ": check "
            + P + "access_key_id.");
      case "SignatureDoesNotMatch":
        return new ConfigErrorException("The S3 server rejected the request signature" + detail + ": check "
            + P + "secret_access_key.");
      case "InvalidToken", "ExpiredToken", "InvalidClientTokenId":
        return new ConfigErrorException("The AWS credentials are invalid or expired" + detail + ": check "
            + P + "access_key_id / " + P + "secret_access_key or the default credential chain.");
      case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException":
        return new ConfigErrorException("The " + where + " is not in region " + regionText() + detail
            + ": check " + P + "s3_bucket_region.");
      case "InvalidBucketName":
        return new ConfigErrorException("The bucket name is invalid" + detail + ": check " + P
            + "s3_bucket_name.");
      case "AccessDenied", "AllAccessDisabled", "AccountProblem":
        return new ConfigErrorException("Access denied to " + action + " in " + where + detail + ": the"
            + " credentials need " + permission + " on " + P + "s3_bucket_name/" + P + "bucket_path.");
      default:
        break;
    }
    if (status == 429 || status >= 500 || code.equals("SlowDown") || code.equals("RequestTimeout")) {
      return new TransientErrorException("S3 could not " + action + " in " + where + detail
          + "; the sync can be retried.");
    }
    if (status == 403) {
      return new ConfigErrorException("Access denied to " + action + " in " + where + detail + ": check the"
          + " credentials and that they grant " + permission + ".");
    }
    if (status == 301) {
      return new ConfigErrorException("The " + where + " is in another region" + detail + ": check " + P
          + "s3_bucket_region.");
    }
    return new SystemErrorException("S3 refused to " + action + " in " + where + detail + ".");
  }

  private String regionText() {
    return config.region().isEmpty() ? S3Clients.FALLBACK_REGION.id() + " (default)" : config.region();
  }

  private static String code(AwsServiceException e) {
    if (e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null) {
      return e.awsErrorDetails().errorCode();
    }
    return e.statusCode() == 404 ? "NotFound" : "HTTP" + e.statusCode();
  }
}

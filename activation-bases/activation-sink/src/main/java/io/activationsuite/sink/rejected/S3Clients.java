package io.activationsuite.sink.rejected;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Builds the S3 client for an {@link ObjectStorageConfig.S3}: JDK HTTP client (no netty, no Apache), static keys
 * or the default AWS credential chain, optional STS role assumption, and path-style access when a custom endpoint
 * points at an S3-compatible server.
 *
 * <p>Role assumption uses the static keys (or the default chain) as the source identity; an external id is read
 * from the {@code AWS_ASSUME_ROLE_EXTERNAL_ID} environment variable when set.
 */
final class S3Clients {
  /** Region used when none is configured; cross-region access then follows the bucket's real region. */
  static final Region FALLBACK_REGION = Region.US_EAST_1;
  static final String EXTERNAL_ID_ENV = "AWS_ASSUME_ROLE_EXTERNAL_ID";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

  private S3Clients() {
  }

  /** A client and whatever else must be closed with it. */
  record Handle(S3Client client, List<AutoCloseable> resources) implements AutoCloseable {
    @Override
    public void close() {
      client.close();
      for (AutoCloseable resource : resources) {
        try {
          resource.close();
        } catch (Exception e) {
          // closing a credentials provider or STS client is best effort
        }
      }
    }
  }

  static Handle build(ObjectStorageConfig.S3 config, List<ExecutionInterceptor> interceptors) {
    List<AutoCloseable> resources = new ArrayList<>();
    boolean regionGiven = !config.region().isEmpty();
    Region region = regionGiven ? Region.of(config.region()) : FALLBACK_REGION;
    AwsCredentialsProvider credentials = credentials(config, region, resources);
    S3ClientBuilder builder = S3Client.builder()
        .httpClient(httpClient())
        .region(region)
        .credentialsProvider(credentials)
        .overrideConfiguration(o -> {
          o.addExecutionInterceptor(new NoExpectContinue());
          interceptors.forEach(o::addExecutionInterceptor);
        });
    if (config.endpoint() != null) {
      builder.endpointOverride(config.endpoint())
          .forcePathStyle(true)
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    } else if (!regionGiven) {
      builder.crossRegionAccessEnabled(true);
    }
    return new Handle(builder.build(), resources);
  }

  private static AwsCredentialsProvider credentials(ObjectStorageConfig.S3 config, Region region,
      List<AutoCloseable> resources) {
    AwsCredentialsProvider base = config.hasStaticCredentials()
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKeyId(),
            config.secretAccessKey()))
        : DefaultCredentialsProvider.builder().build();
    if (config.roleArn() == null) {
      return base;
    }
    StsClient sts = StsClient.builder().httpClient(httpClient()).region(region).credentialsProvider(base).build();
    String externalId = System.getenv(EXTERNAL_ID_ENV);
    StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(r -> {
          r.roleArn(config.roleArn()).roleSessionName("activation-suite-rejected-records");
          if (externalId != null && !externalId.isBlank()) {
            r.externalId(externalId);
          }
        })
        .build();
    resources.add(provider);
    resources.add(sts);
    return provider;
  }

  /**
   * Drops {@code Expect: 100-continue}: with the JDK URL connection, a server that refuses an upload before
   * reading it (bad signature, missing bucket) can otherwise leave the request hanging until an idle timeout.
   * Parts are small enough to send at once; a refusal is still read as a proper S3 error.
   */
  static final class NoExpectContinue implements ExecutionInterceptor {
    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
      SdkHttpRequest request = context.httpRequest();
      return request.firstMatchingHeader("Expect").isPresent()
          ? request.toBuilder().removeHeader("Expect").build() : request;
    }
  }

  private static SdkHttpClient httpClient() {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(CONNECT_TIMEOUT)
        .socketTimeout(SOCKET_TIMEOUT)
        .build();
  }
}

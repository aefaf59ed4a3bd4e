package io.activationsuite.sink.rejected;

import io.activationsuite.testkit.s3.S3ProxyServer;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** The testkit's real S3-compatible server (S3Proxy on loopback), with what the store tests need on top. */
final class S3ProxyFixture implements AutoCloseable {
  static final String ACCESS_KEY = S3ProxyServer.ACCESS_KEY_ID;
  static final String SECRET_KEY = S3ProxyServer.SECRET_ACCESS_KEY;

  private final S3ProxyServer server;

  private S3ProxyFixture(S3ProxyServer server) {
    this.server = server;
  }

  static S3ProxyFixture start() {
    return new S3ProxyFixture(S3ProxyServer.start());
  }

  URI endpoint() {
    return server.endpoint();
  }

  void createBucket(String bucket) {
    server.createBucket(bucket);
  }

  /** Every key in the bucket, sorted. */
  List<String> keys(String bucket) {
    return server.keys(bucket, "").stream().sorted().toList();
  }

  byte[] read(String bucket, String key) {
    return server.read(bucket, key);
  }

  /** An S3 storage config for this server. */
  ObjectStorageConfig.S3 config(String bucket, String bucketPath, FileLayout layout) {
    return new ObjectStorageConfig.S3(bucket, S3ProxyServer.REGION, endpoint(), bucketPath, ACCESS_KEY, SECRET_KEY,
        null, layout);
  }

  @Override
  public void close() {
    server.close();
  }

  /** Counts HTTP requests (attempts) an S3 client sends. */
  static final class RequestCounter implements ExecutionInterceptor {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      count.incrementAndGet();
    }

    int count() {
      return count.get();
    }
  }
}

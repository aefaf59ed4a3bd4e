package io.activationsuite.sink.rejected;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** A real S3-compatible server (S3Proxy over jclouds' in-memory blob store) on a free loopback port. */
final class S3ProxyFixture implements AutoCloseable {
  static final String ACCESS_KEY = "AKIDTESTACCESSKEY01";
  static final String SECRET_KEY = "s3cr3t-Value-That-Must-Never-Leak";

  private final BlobStoreContext context;
  private final S3Proxy proxy;
  private final URI endpoint;

  private S3ProxyFixture(BlobStoreContext context, S3Proxy proxy) {
    this.context = context;
    this.proxy = proxy;
    this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  static S3ProxyFixture start() throws Exception {
    BlobStoreContext context = ContextBuilder.newBuilder("transient")
        .credentials("identity", "credential")
        .overrides(new Properties())
        .build(BlobStoreContext.class);
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(context.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    proxy.start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!"STARTED".equals(proxy.getState())) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.onSpinWait();
    }
    return new S3ProxyFixture(context, proxy);
  }

  URI endpoint() {
    return endpoint;
  }

  BlobStore blobStore() {
    return context.getBlobStore();
  }

  void createBucket(String bucket) {
    blobStore().createContainerInLocation(null, bucket);
  }

  List<String> keys(String bucket) {
    List<String> keys = new ArrayList<>();
    String marker = null;
    do {
      ListContainerOptions options = ListContainerOptions.Builder.recursive();
      if (marker != null) {
        options.afterMarker(marker);
      }
      var page = blobStore().list(bucket, options);
      for (StorageMetadata metadata : page) {
        keys.add(metadata.getName());
      }
      marker = page.getNextMarker();
    } while (marker != null);
    keys.sort(null);
    return keys;
  }

  byte[] read(String bucket, String key) throws IOException {
    Blob blob = blobStore().getBlob(bucket, key);
    try (InputStream in = blob.getPayload().openStream()) {
      return in.readAllBytes();
    }
  }

  /** An S3 storage config for this server. */
  ObjectStorageConfig.S3 config(String bucket, String bucketPath, FileLayout layout) {
    return new ObjectStorageConfig.S3(bucket, "us-east-1", endpoint, bucketPath, ACCESS_KEY, SECRET_KEY, null,
        layout);
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    context.close();
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

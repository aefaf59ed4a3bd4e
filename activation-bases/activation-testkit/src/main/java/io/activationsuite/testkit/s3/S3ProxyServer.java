package io.activationsuite.testkit.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * A real S3-compatible server for tests: S3Proxy over jclouds' in-memory blob store, listening on a
 * free loopback port with AWS v2/v4 signature checks. Connector tests and the acceptance suite point a
 * connector's {@code object_storage_config} ({@code s3_endpoint}) at it and read back what landed,
 * instead of faking S3. Close it to stop the server and drop its data.
 */
public final class S3ProxyServer implements AutoCloseable {

  /** The access key id the server accepts. */
  public static final String ACCESS_KEY_ID = "AKIDACCEPTANCE000001";

  /** The secret access key the server accepts (tests assert it never appears in connector output). */
  public static final String SECRET_ACCESS_KEY = "s3-secret-Acceptance-Never-Printed-7f3c";

  /** The region the server claims (any value is accepted; the connector must send one). */
  public static final String REGION = "us-east-1";

  private static final long START_TIMEOUT_SECONDS = 20;

  private final BlobStoreContext context;
  private final S3Proxy proxy;
  private final URI endpoint;

  private S3ProxyServer(BlobStoreContext context, S3Proxy proxy) {
    this.context = context;
    this.proxy = proxy;
    this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /**
   * Starts a server on a free loopback port and waits until it accepts requests.
   *
   * @throws IllegalStateException when it does not start within 20 seconds
   */
  public static S3ProxyServer start() {
    BlobStoreContext context = ContextBuilder.newBuilder("transient")
        .credentials("identity", "credential")
        .overrides(new Properties())
        .build(BlobStoreContext.class);
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(context.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
        .build();
    try {
      proxy.start();
      awaitStarted(proxy);
    } catch (Exception e) {
      context.close();
      throw new IllegalStateException("S3Proxy did not start: " + e.getMessage(), e);
    }
    return new S3ProxyServer(context, proxy);
  }

  private static void awaitStarted(S3Proxy proxy) throws TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("state " + proxy.getState() + " after " + START_TIMEOUT_SECONDS + " s");
      }
      Thread.onSpinWait();
    }
  }

  /** The server's URL, e.g. {@code http://127.0.0.1:41234} (path-style access). */
  public URI endpoint() {
    return endpoint;
  }

  /** Creates {@code bucket} (no-op when it exists). */
  public void createBucket(String bucket) {
    blobStore().createContainerInLocation(null, bucket);
  }

  /** Every object key in {@code bucket} that starts with {@code prefix}, sorted. */
  public List<String> keys(String bucket, String prefix) {
    List<String> keys = new ArrayList<>();
    String marker = null;
    do {
      ListContainerOptions options = ListContainerOptions.Builder.recursive();
      if (marker != null) {
        options.afterMarker(marker);
      }
      PageSet<? extends StorageMetadata> page = blobStore().list(bucket, options);
      for (StorageMetadata metadata : page) {
        if (metadata.getName().startsWith(prefix)) {
          keys.add(metadata.getName());
        }
      }
      marker = page.getNextMarker();
    } while (marker != null);
    keys.sort(null);
    return keys;
  }

  /** The content of an object. */
  public byte[] read(String bucket, String key) {
    Blob blob = blobStore().getBlob(bucket, key);
    if (blob == null) {
      throw new IllegalArgumentException("no object " + key + " in bucket " + bucket);
    }
    try (InputStream in = blob.getPayload().openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes every object of {@code bucket}. */
  public void clear(String bucket) {
    blobStore().clearContainer(bucket);
  }

  private BlobStore blobStore() {
    return context.getBlobStore();
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop: " + e.getMessage(), e);
    } finally {
      context.close();
    }
  }
}

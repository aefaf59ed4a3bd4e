package io.activationsuite.sink.http;

import okhttp3.Interceptor;

/**
 * Tells whether an attempt got as far as sending its request, and when. OkHttp runs network interceptors
 * only once a connection is established (DNS, TCP and TLS done), right before the request is written, so a
 * failure before {@link #INTERCEPTOR} saw the request certainly did not reach the server, and one after it
 * may have; and that moment is when the request's rate-limit grant starts to count.
 */
final class SendTracker {

  /** Marks the tracker tagged on the request as sent; installed as the last network interceptor. */
  static final Interceptor INTERCEPTOR = chain -> {
    SendTracker tracker = chain.request().tag(SendTracker.class);
    if (tracker != null) {
      tracker.sent = true;
      tracker.onSend.run();
    }
    return chain.proceed(chain.request());
  };

  private final Runnable onSend;
  private volatile boolean sent;

  /** A tracker that runs {@code onSend} each time its request is about to be written. */
  SendTracker(Runnable onSend) {
    this.onSend = onSend;
  }

  /** Whether the request was (at least partly) written to a connection. */
  boolean sent() {
    return sent;
  }
}

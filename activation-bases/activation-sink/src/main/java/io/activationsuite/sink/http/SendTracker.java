package io.activationsuite.sink.http;

import okhttp3.Interceptor;

/**
 * Tells whether an attempt got as far as sending its request. OkHttp runs network interceptors only once
 * a connection is established (DNS, TCP and TLS done), right before the request is written, so a failure
 * before {@link #INTERCEPTOR} saw the request certainly did not reach the server, and one after it may have.
 */
final class SendTracker {

  /** Marks the tracker tagged on the request as sent; installed as the last network interceptor. */
  static final Interceptor INTERCEPTOR = chain -> {
    SendTracker tracker = chain.request().tag(SendTracker.class);
    if (tracker != null) {
      tracker.sent = true;
    }
    return chain.proceed(chain.request());
  };

  private volatile boolean sent;

  /** Whether the request was (at least partly) written to a connection. */
  boolean sent() {
    return sent;
  }
}

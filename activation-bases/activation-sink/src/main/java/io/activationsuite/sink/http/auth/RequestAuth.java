package io.activationsuite.sink.http.auth;

import okhttp3.Request;

/**
 * Adds credentials to outgoing requests, and renews them when the API refuses them. Implementations
 * must be thread-safe: one instance serves every thread of a sync.
 */
public interface RequestAuth {

  /** {@code request} with credentials added. May block to obtain a token. */
  Request authorize(Request request) throws InterruptedException;

  /**
   * Called when the API answered 401 to {@code sent} (the request as authorised). Returns true when
   * fresh credentials are available so the request should be retried once; false when nothing can
   * be renewed (static credentials).
   */
  default boolean renewAfterUnauthorized(Request sent) throws InterruptedException {
    return false;
  }

  /** No credentials (public endpoints, or auth carried in the URL by the connector). */
  static RequestAuth none() {
    return request -> request;
  }
}

package io.activationsuite.sink.http;

import java.util.Locale;
import java.util.Objects;
import okhttp3.Request;

/**
 * Whether a request may be sent again after it may have reached the API. {@link ApiClient} resends an
 * {@link #IDEMPOTENT} request after a timeout, a reset or a gateway error; a {@link #NOT_IDEMPOTENT} one
 * is resent only when it certainly was not sent (connection refused, unknown host) or the API said it did
 * not process it (408, 429, 503), and otherwise ends in a
 * {@link io.activationsuite.sink.api.DeliveryUncertainException}.
 *
 * <p>Mark a request with {@link #mark} or pass the value to {@link ApiClient#execute(Request, Idempotency)}.
 * Unmarked requests follow their HTTP method (RFC 9110: GET, HEAD, OPTIONS, PUT and DELETE are idempotent;
 * POST and PATCH are not), so a connector marks its POST upserts, updates, deletes by key and reads as
 * {@link #IDEMPOTENT}, and a POST that creates, logs an event or posts a message stays not idempotent unless
 * the API de-duplicates it (an idempotency key).
 */
public enum Idempotency {
  /** Applying it twice is the same as once: upsert, update or delete by key, a read, or de-duplicated by the API. */
  IDEMPOTENT,
  /** Applying it twice writes twice: create/insert, an event, a message. */
  NOT_IDEMPOTENT;

  /** {@code request} carrying this marking. */
  public Request mark(Request request) {
    return request.newBuilder().tag(Idempotency.class, this).build();
  }

  /** The request's marking, or the default of its HTTP method. */
  public static Idempotency of(Request request) {
    Idempotency marked = request.tag(Idempotency.class);
    return marked != null ? marked : ofMethod(request.method());
  }

  /** The RFC 9110 default of an HTTP method. */
  public static Idempotency ofMethod(String method) {
    return switch (Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT)) {
      case "GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE" -> IDEMPOTENT;
      default -> NOT_IDEMPOTENT;
    };
  }
}

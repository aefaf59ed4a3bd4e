package io.activationsuite.sink.http;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one {@link ApiClient}, cheap to update from many threads; read through {@link #snapshot()}. */
public final class ApiMetrics {

  private final LongAdder calls = new LongAdder();
  private final LongAdder attempts = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder throttled = new LongAdder();
  private final LongAdder serverErrors = new LongAdder();
  private final LongAdder ioErrors = new LongAdder();
  private final LongAdder authRenewals = new LongAdder();
  private final LongAdder uncertain = new LongAdder();
  private final LongAdder permitWaitNanos = new LongAdder();
  private final LongAdder backoffNanos = new LongAdder();

  void call() {
    calls.increment();
  }

  void attempt(Duration permitWait) {
    attempts.increment();
    permitWaitNanos.add(permitWait.toNanos());
  }

  void retry() {
    retries.increment();
  }

  void throttled() {
    throttled.increment();
  }

  void serverError() {
    serverErrors.increment();
  }

  void ioError() {
    ioErrors.increment();
  }

  void authRenewal() {
    authRenewals.increment();
  }

  void uncertain() {
    uncertain.increment();
  }

  void backoff(Duration delay) {
    backoffNanos.add(delay.toNanos());
  }

  /** A consistent-enough copy of the counters. */
  public Snapshot snapshot() {
    return new Snapshot(calls.sum(), attempts.sum(), retries.sum(), throttled.sum(), serverErrors.sum(),
        ioErrors.sum(), authRenewals.sum(), Duration.ofNanos(permitWaitNanos.sum()),
        Duration.ofNanos(backoffNanos.sum()), uncertain.sum());
  }

  /**
   * Counter values.
   *
   * @param calls {@code execute} calls
   * @param attempts HTTP requests sent
   * @param retries attempts that were retries
   * @param throttled 429 (and other throttle) responses
   * @param serverErrors retriable 5xx/408 responses
   * @param ioErrors attempts that failed without a response
   * @param authRenewals credential renewals after 401
   * @param permitWait summed time waiting for rate-limit permits
   * @param backoff summed backoff time (excluding limiter pauses)
   * @param uncertain non-idempotent requests given up as possibly applied (not resent)
   */
  public record Snapshot(long calls, long attempts, long retries, long throttled, long serverErrors,
      long ioErrors, long authRenewals, Duration permitWait, Duration backoff, long uncertain) {
  }
}

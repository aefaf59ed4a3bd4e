package io.activationsuite.sandbox;

/**
 * One-shot faults waiting to hit the next requests, e.g. "the next 3 requests get 503". Counters
 * count down as requests arrive; they are applied in the order timeout, reset, error, throttle.
 *
 * @param failNext requests still to answer with {@code failStatus}
 * @param failStatus status for {@code failNext} (default 503)
 * @param throttleNext requests still to answer with the vendor's rate-limit response
 * @param throttleUntil ISO-8601 instant (emulator clock) until which every request is throttled, or null
 * @param throttleForMillis on PUT only: throttle for this long from now (sets {@code throttleUntil})
 * @param resetNext requests still to drop without an answer
 * @param timeoutNext requests still to hold until the timeout hold elapses
 * @param expireTokensAfter API requests still to serve before every access token issued so far expires (an
 *     access token running out mid-sync); null or 0 when none is armed
 */
public record PendingFaults(
    Integer failNext, Integer failStatus, Integer throttleNext, String throttleUntil, Long throttleForMillis,
    Integer resetNext, Integer timeoutNext, Integer expireTokensAfter) {
}

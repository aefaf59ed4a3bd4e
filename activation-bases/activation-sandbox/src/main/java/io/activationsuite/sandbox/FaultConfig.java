package io.activationsuite.sandbox;

/**
 * The standing fault settings of one emulator (everything except one-shot counters, see
 * {@link PendingFaults}). Null fields mean "not overridden": the emulator's realistic default applies.
 * Serialised as-is by {@code GET/PUT /__sandbox/faults}.
 *
 * @param seed re-seeds the random source that draws error ratios and latency (null keeps the current one)
 * @param latency delay added to every API response (null: none)
 * @param rateLimitBudget requests allowed per rate-limit interval, replacing the vendor tier's figure
 * @param rateLimitIntervalMillis length of the rate-limit window, replacing the vendor's
 * @param dailyLimit requests allowed per day, replacing the vendor tier's figure
 * @param serverErrorRatio share of requests answered with {@code serverErrorStatus}, 0..1
 * @param serverErrorStatus status of injected server errors (default 503)
 * @param connectionResetRatio share of requests whose connection is dropped without an answer, 0..1
 * @param timeoutRatio share of requests held without answer until {@code timeoutHoldMillis}, 0..1
 * @param timeoutHoldMillis how long a "timeout" request is held before its connection is dropped
 *     (default 30 s, capped at 5 minutes so held requests never pile up forever)
 * @param tokenLifetimeSeconds lifetime of newly issued access tokens, replacing the vendor default
 */
public record FaultConfig(
    Long seed, LatencySpec latency, Integer rateLimitBudget, Long rateLimitIntervalMillis, Long dailyLimit,
    Double serverErrorRatio, Integer serverErrorStatus, Double connectionResetRatio, Double timeoutRatio,
    Long timeoutHoldMillis, Long tokenLifetimeSeconds) {

  /** Default hold of a simulated timeout. */
  public static final long DEFAULT_TIMEOUT_HOLD_MILLIS = 30_000;
  /** Upper bound on a simulated timeout hold. */
  public static final long MAX_TIMEOUT_HOLD_MILLIS = 300_000;

  /** Validates ratios, budgets and the error status. */
  public FaultConfig {
    requireRatio("serverErrorRatio", serverErrorRatio);
    requireRatio("connectionResetRatio", connectionResetRatio);
    requireRatio("timeoutRatio", timeoutRatio);
    double total = orZero(serverErrorRatio) + orZero(connectionResetRatio) + orZero(timeoutRatio);
    if (total > 1.0 + 1e-9) {
      throw new IllegalArgumentException("error ratios add up to more than 1: " + total);
    }
    if (serverErrorStatus != null && (serverErrorStatus < 500 || serverErrorStatus > 599)) {
      throw new IllegalArgumentException("serverErrorStatus must be 5xx, not " + serverErrorStatus);
    }
    requirePositive("rateLimitBudget", rateLimitBudget == null ? null : rateLimitBudget.longValue());
    requirePositive("rateLimitIntervalMillis", rateLimitIntervalMillis);
    requirePositive("dailyLimit", dailyLimit);
    requirePositive("tokenLifetimeSeconds", tokenLifetimeSeconds);
    if (timeoutHoldMillis != null && (timeoutHoldMillis < 0 || timeoutHoldMillis > MAX_TIMEOUT_HOLD_MILLIS)) {
      throw new IllegalArgumentException("timeoutHoldMillis must be within 0.." + MAX_TIMEOUT_HOLD_MILLIS);
    }
  }

  /** No faults, no overrides. */
  public static FaultConfig none() {
    return new FaultConfig(null, null, null, null, null, null, null, null, null, null, null);
  }

  /** A copy with a different latency. */
  public FaultConfig withLatency(LatencySpec value) {
    return new FaultConfig(seed, value, rateLimitBudget, rateLimitIntervalMillis, dailyLimit, serverErrorRatio,
        serverErrorStatus, connectionResetRatio, timeoutRatio, timeoutHoldMillis, tokenLifetimeSeconds);
  }

  /** A copy with a different per-interval budget (and optionally interval; null keeps the vendor's). */
  public FaultConfig withRateLimit(Integer budget, Long intervalMillis) {
    return new FaultConfig(seed, latency, budget, intervalMillis, dailyLimit, serverErrorRatio,
        serverErrorStatus, connectionResetRatio, timeoutRatio, timeoutHoldMillis, tokenLifetimeSeconds);
  }

  /** A copy with a different daily budget. */
  public FaultConfig withDailyLimit(Long value) {
    return new FaultConfig(seed, latency, rateLimitBudget, rateLimitIntervalMillis, value, serverErrorRatio,
        serverErrorStatus, connectionResetRatio, timeoutRatio, timeoutHoldMillis, tokenLifetimeSeconds);
  }

  /** A copy with different error ratios (server error with its status, dropped connection, timeout). */
  public FaultConfig withErrorRatios(Double serverError, Integer status, Double reset, Double timeout) {
    return new FaultConfig(seed, latency, rateLimitBudget, rateLimitIntervalMillis, dailyLimit, serverError,
        status, reset, timeout, timeoutHoldMillis, tokenLifetimeSeconds);
  }

  /** A copy with a different timeout hold. */
  public FaultConfig withTimeoutHoldMillis(Long value) {
    return new FaultConfig(seed, latency, rateLimitBudget, rateLimitIntervalMillis, dailyLimit, serverErrorRatio,
        serverErrorStatus, connectionResetRatio, timeoutRatio, value, tokenLifetimeSeconds);
  }

  /** A copy with a different access-token lifetime. */
  public FaultConfig withTokenLifetimeSeconds(Long value) {
    return new FaultConfig(seed, latency, rateLimitBudget, rateLimitIntervalMillis, dailyLimit, serverErrorRatio,
        serverErrorStatus, connectionResetRatio, timeoutRatio, timeoutHoldMillis, value);
  }

  /** A copy that re-seeds the random source when applied. */
  public FaultConfig withSeed(Long value) {
    return new FaultConfig(value, latency, rateLimitBudget, rateLimitIntervalMillis, dailyLimit, serverErrorRatio,
        serverErrorStatus, connectionResetRatio, timeoutRatio, timeoutHoldMillis, tokenLifetimeSeconds);
  }

  /** The status of injected server errors. */
  public int effectiveServerErrorStatus() {
    return serverErrorStatus == null ? 503 : serverErrorStatus;
  }

  /** The hold of a simulated timeout. */
  public long effectiveTimeoutHoldMillis() {
    return timeoutHoldMillis == null ? DEFAULT_TIMEOUT_HOLD_MILLIS : timeoutHoldMillis;
  }

  static double orZero(Double value) {
    return value == null ? 0.0 : value;
  }

  private static void requireRatio(String name, Double value) {
    if (value != null && (value.isNaN() || value < 0 || value > 1)) {
      throw new IllegalArgumentException(name + " must be within 0..1");
    }
  }

  private static void requirePositive(String name, Long value) {
    if (value != null && value <= 0) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}

package io.activationsuite.sink.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.activationsuite.sink.api.FieldMapping.NullPolicy;
import io.activationsuite.sink.config.ConfigReader;
import java.time.Duration;

/**
 * The engine's tuning, read from the shared advanced config properties ({@link AdvancedOptions}), plus
 * internal knobs tests and benchmarks may change.
 *
 * @param concurrency write requests in flight at once
 * @param linger how long a partial batch waits for more records (bulk writers wait ten times longer)
 * @param rejectedThresholdPercent fail the sync above this rejected share; null: never
 * @param thresholdMinimumSample records that must have ended before the threshold is checked
 * @param activationNullPolicy what nulls do for streams without field mappings
 * @param bufferBytes bound of the bytes of buffered plus in-flight records
 * @param maxAttempts attempts of a record the API asks to retry, before RETRIES_EXHAUSTED
 * @param retryBackoff delay before the first retry of such a record (doubled each time, at most 30 s)
 */
public record EngineOptions(
    int concurrency,
    Duration linger,
    Double rejectedThresholdPercent,
    long thresholdMinimumSample,
    NullPolicy activationNullPolicy,
    long bufferBytes,
    int maxAttempts,
    Duration retryBackoff) {

  public static final int DEFAULT_CONCURRENCY = 8;
  public static final long DEFAULT_LINGER_MS = 500;
  public static final long THRESHOLD_MINIMUM_SAMPLE = 100;
  public static final long MAX_DEFAULT_BUFFER = 256L << 20;
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  public EngineOptions {
    if (concurrency < 1 || bufferBytes < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("concurrency, buffer and attempts must be positive");
    }
  }

  /** The options of a (schema-valid) connector config. */
  public static EngineOptions fromConfig(JsonNode config) {
    AdvancedOptions advanced = ConfigReader.read(config, AdvancedOptions.class);
    return new EngineOptions(
        advanced.concurrency(),
        Duration.ofMillis(advanced.batchLingerMs()),
        advanced.rejectedRecordsThresholdPercent(),
        THRESHOLD_MINIMUM_SAMPLE,
        advanced.nullValues(),
        advanced.bufferMemoryMb() != null ? (long) advanced.bufferMemoryMb() << 20 : defaultBufferBytes(),
        DEFAULT_MAX_ATTEMPTS,
        Duration.ofMillis(500));
  }

  /** The defaults, as for an empty config. */
  public static EngineOptions defaults() {
    return fromConfig(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
  }

  /** A quarter of the maximum heap, at most 256 MB. */
  public static long defaultBufferBytes() {
    return Math.min(MAX_DEFAULT_BUFFER, Runtime.getRuntime().maxMemory() / 4);
  }

  public EngineOptions withConcurrency(int value) {
    return new EngineOptions(value, linger, rejectedThresholdPercent, thresholdMinimumSample,
        activationNullPolicy, bufferBytes, maxAttempts, retryBackoff);
  }

  public EngineOptions withLinger(Duration value) {
    return new EngineOptions(concurrency, value, rejectedThresholdPercent, thresholdMinimumSample,
        activationNullPolicy, bufferBytes, maxAttempts, retryBackoff);
  }

  public EngineOptions withBufferBytes(long value) {
    return new EngineOptions(concurrency, linger, rejectedThresholdPercent, thresholdMinimumSample,
        activationNullPolicy, value, maxAttempts, retryBackoff);
  }

  public EngineOptions withRetries(int attempts, Duration backoff) {
    return new EngineOptions(concurrency, linger, rejectedThresholdPercent, thresholdMinimumSample,
        activationNullPolicy, bufferBytes, attempts, backoff);
  }

  public EngineOptions withThreshold(Double percent, long minimumSample) {
    return new EngineOptions(concurrency, linger, percent, minimumSample,
        activationNullPolicy, bufferBytes, maxAttempts, retryBackoff);
  }
}

package io.activationsuite.sandbox;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How to run one emulator: where to listen, the seed of every random choice, the clock, the initial
 * fault settings and vendor-specific properties (e.g. {@code tier=professional} for HubSpot). Immutable;
 * use the {@code with...} methods to derive variants.
 *
 * @param host address to bind (loopback by default)
 * @param port port to bind, 0 for a free one
 * @param seed seed of the random sources (fault ratios, latency, generated ids)
 * @param clock clock used for rate-limit windows, token expiry and timestamps
 * @param faults fault settings applied at start and restored by reset
 * @param properties vendor-specific settings, documented by each emulator
 */
public record SandboxOptions(
    String host, int port, long seed, Clock clock, FaultConfig faults, Map<String, String> properties) {

  /** Default seed, so two runs without explicit seed behave the same. */
  public static final long DEFAULT_SEED = 42L;

  /** Validates and copies. */
  public SandboxOptions {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be within 0..65535");
    }
    host = host == null ? "127.0.0.1" : host;
    clock = clock == null ? Clock.systemUTC() : clock;
    faults = faults == null ? FaultConfig.none() : faults;
    properties = Map.copyOf(properties == null ? Map.of() : properties);
  }

  /** Loopback, free port, seed 42, system clock, no faults. */
  public static SandboxOptions defaults() {
    return new SandboxOptions("127.0.0.1", 0, DEFAULT_SEED, Clock.systemUTC(), FaultConfig.none(), Map.of());
  }

  /** A copy listening on a fixed port. */
  public SandboxOptions withPort(int value) {
    return new SandboxOptions(host, value, seed, clock, faults, properties);
  }

  /** A copy with another seed. */
  public SandboxOptions withSeed(long value) {
    return new SandboxOptions(host, port, value, clock, faults, properties);
  }

  /** A copy with another clock (e.g. {@link ManualClock}). */
  public SandboxOptions withClock(Clock value) {
    return new SandboxOptions(host, port, seed, value, faults, properties);
  }

  /** A copy with other initial faults (e.g. 190 requests per 10 s and 100 ms latency for a benchmark). */
  public SandboxOptions withFaults(FaultConfig value) {
    return new SandboxOptions(host, port, seed, clock, value, properties);
  }

  /** A copy with one more vendor property. */
  public SandboxOptions withProperty(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(properties);
    copy.put(key, value);
    return new SandboxOptions(host, port, seed, clock, faults, copy);
  }

  /** A vendor property, if set. */
  public Optional<String> property(String key) {
    return Optional.ofNullable(properties.get(key));
  }
}

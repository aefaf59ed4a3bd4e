package io.activationsuite.sandbox;

import java.util.Random;

/**
 * How long an emulator waits before answering, drawn per request from a seeded distribution so a
 * benchmark can model a real API's round-trip time (for example 100 ms fixed, or normal around
 * 120 ms clamped to 60..400 ms).
 *
 * @param distribution {@code fixed}, {@code uniform} or {@code normal}
 * @param millis the fixed delay (fixed)
 * @param minMillis lower bound (uniform, and the clamp for normal)
 * @param maxMillis upper bound (uniform, and the clamp for normal)
 * @param meanMillis mean (normal)
 * @param stddevMillis standard deviation (normal)
 */
public record LatencySpec(
    String distribution, Long millis, Long minMillis, Long maxMillis, Long meanMillis, Long stddevMillis) {

  /** Validates the parameters of the chosen distribution. */
  public LatencySpec {
    if (distribution == null) {
      distribution = "fixed";
    }
    switch (distribution) {
      case "fixed" -> requireNonNegative("millis", millis);
      case "uniform" -> {
        requireNonNegative("minMillis", minMillis);
        requireNonNegative("maxMillis", maxMillis);
        if (maxMillis < minMillis) {
          throw new IllegalArgumentException("latency maxMillis must be >= minMillis");
        }
      }
      case "normal" -> {
        requireNonNegative("meanMillis", meanMillis);
        requireNonNegative("stddevMillis", stddevMillis);
      }
      default -> throw new IllegalArgumentException(
          "latency distribution must be fixed, uniform or normal, not " + distribution);
    }
  }

  /** A constant delay. */
  public static LatencySpec fixed(long millis) {
    return new LatencySpec("fixed", millis, null, null, null, null);
  }

  /** A delay uniformly drawn from {@code [minMillis, maxMillis]}. */
  public static LatencySpec uniform(long minMillis, long maxMillis) {
    return new LatencySpec("uniform", null, minMillis, maxMillis, null, null);
  }

  /** A normally distributed delay, clamped to {@code [minMillis, maxMillis]}. */
  public static LatencySpec normal(long meanMillis, long stddevMillis, long minMillis, long maxMillis) {
    return new LatencySpec("normal", null, minMillis, maxMillis, meanMillis, stddevMillis);
  }

  /**
   * Parses the command-line form: {@code 100}, {@code fixed:100}, {@code uniform:50-150} or
   * {@code normal:120,30} (optionally {@code normal:120,30,60-400}).
   */
  public static LatencySpec parse(String text) {
    String s = text.trim();
    try {
      if (!s.contains(":")) {
        return fixed(Long.parseLong(s));
      }
      String kind = s.substring(0, s.indexOf(':'));
      String args = s.substring(s.indexOf(':') + 1);
      return switch (kind) {
        case "fixed" -> fixed(Long.parseLong(args));
        case "uniform" -> {
          String[] range = args.split("-");
          yield uniform(Long.parseLong(range[0]), Long.parseLong(range[1]));
        }
        case "normal" -> {
          String[] parts = args.split(",");
          long mean = Long.parseLong(parts[0]);
          long sd = Long.parseLong(parts[1]);
          if (parts.length > 2) {
            String[] range = parts[2].split("-");
            yield normal(mean, sd, Long.parseLong(range[0]), Long.parseLong(range[1]));
          }
          yield normal(mean, sd, 0, mean + 6 * sd);
        }
        default -> throw new IllegalArgumentException("unknown latency distribution " + kind);
      };
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          "latency must look like 100, fixed:100, uniform:50-150 or normal:120,30[,60-400]: " + text, e);
    }
  }

  /** Draws one delay in milliseconds. */
  public long draw(Random random) {
    return switch (distribution) {
      case "uniform" -> minMillis + (long) (random.nextDouble() * (maxMillis - minMillis + 1));
      case "normal" -> {
        long value = Math.round(meanMillis + random.nextGaussian() * stddevMillis);
        long low = minMillis == null ? 0 : minMillis;
        long high = maxMillis == null ? Long.MAX_VALUE : maxMillis;
        yield Math.max(low, Math.min(high, value));
      }
      default -> millis;
    };
  }

  private static void requireNonNegative(String name, Long value) {
    if (value == null || value < 0) {
      throw new IllegalArgumentException("latency " + name + " must be a non-negative number");
    }
  }
}

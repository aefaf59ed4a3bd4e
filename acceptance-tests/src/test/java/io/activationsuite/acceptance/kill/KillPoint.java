package io.activationsuite.acceptance.kill;

import java.util.Locale;
import java.util.Random;

/**
 * When a kill trial sends SIGKILL to the connector. Drawn from a seeded {@link Random}: a printed seed
 * reproduces every point (times and request counts are fractions of an uncut calibration run, so they
 * scale with the machine). Each kind aims at a different moment of a sync.
 */
public sealed interface KillPoint {

  /** One line for the report; {@code calibration} turns fractions into milliseconds and requests. */
  String describe(Calibration calibration);

  /** A share of the uncut run's wall time after the process started (start-up, batching, waiting). */
  record AfterDelay(double fraction) implements KillPoint {
    @Override
    public String describe(Calibration calibration) {
      return String.format(Locale.ROOT, "after %.0f%% of the run (%d ms)", fraction * 100,
          calibration.millisAt(fraction));
    }
  }

  /**
   * Once the input up to record {@code offset} was fed (stdin then held open, as a slow source does) and
   * {@code delayMillis} more passed.
   */
  record AtRecord(int offset, long delayMillis) implements KillPoint {
    @Override
    public String describe(Calibration calibration) {
      return "input held at record " + offset + ", +" + delayMillis + " ms";
    }
  }

  /**
   * Input held at record {@code offset}; killed as soon as the connector echoed a STATE of this run (what
   * the suite's CI kill test does: a sync certainly in progress, some progress certainly made).
   */
  record HeldAfterState(int offset) implements KillPoint {
    @Override
    public String describe(Calibration calibration) {
      return "input held at record " + offset + ", after the first echoed STATE";
    }
  }

  /**
   * Right after the sandbox answered a share of the uncut run's write requests: the API applied the last
   * one, the connector has not yet echoed the STATE it completes.
   */
  record AfterWriteAnswer(double fraction) implements KillPoint {
    @Override
    public String describe(Calibration calibration) {
      return "after write answer #" + calibration.requestsAt(fraction);
    }
  }

  /** {@code delayMillis} after the sandbox first shows an async job in flight (Bulk or Zendesk jobs). */
  record DuringJob(long delayMillis) implements KillPoint {
    @Override
    public String describe(Calibration calibration) {
      return "during an async job, +" + delayMillis + " ms";
    }
  }

  /** A random point for a run of {@code records} input records; {@code jobs} adds kills during jobs. */
  static KillPoint draw(Random random, int records, boolean jobs) {
    int kinds = jobs ? 5 : 4;
    return switch (random.nextInt(kinds)) {
      case 0 -> new AfterDelay(0.05 + 0.9 * random.nextDouble());
      case 1 -> new AtRecord(1 + random.nextInt(Math.max(1, records - 1)), random.nextInt(300));
      case 2 -> new AfterWriteAnswer(random.nextDouble());
      case 3 -> new HeldAfterState(1 + random.nextInt(Math.max(1, records - 1)));
      default -> new DuringJob(random.nextInt(400));
    };
  }

  /**
   * What an uncut run of the same case took: the scale for fractional kill points.
   *
   * @param millis wall time from launch to exit
   * @param writeRequests write requests the sandbox answered
   */
  record Calibration(long millis, int writeRequests) {

    /** Milliseconds after launch for {@code fraction} of the run. */
    public long millisAt(double fraction) {
      return Math.max(1, Math.round(millis * fraction));
    }

    /** The write answer (1-based) that {@code fraction} of the run's requests reaches. */
    public int requestsAt(double fraction) {
      return Math.max(1, (int) Math.ceil(writeRequests * fraction));
    }
  }
}

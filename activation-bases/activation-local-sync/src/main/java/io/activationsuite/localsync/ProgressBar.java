package io.activationsuite.localsync;

import java.io.PrintStream;

/** A one-line progress bar on stderr for long runs; silent when stderr is not a terminal. */
public final class ProgressBar {
  private static final int WIDTH = 30;
  private static final long MIN_INTERVAL_NANOS = 200_000_000L;
  private final PrintStream out;
  private final boolean enabled;
  private final String label;
  private long lastDraw;

  public ProgressBar(PrintStream out, boolean enabled, String label) {
    this.out = out;
    this.enabled = enabled;
    this.label = label;
  }

  /** Redraws at most five times a second. {@code total} may be unknown (-1). */
  public synchronized void update(long sent, long done, long total, double recordsPerSecond) {
    long now = System.nanoTime();
    if (!enabled || now - lastDraw < MIN_INTERVAL_NANOS) {
      return;
    }
    lastDraw = now;
    double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 0;
    int filled = (int) Math.round(fraction * WIDTH);
    out.printf("\r%-24s [%s%s] %,d/%s records  %,.0f rec/s ", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
        done, total > 0 ? String.format("%,d", total) : String.format("%,d sent", sent), recordsPerSecond);
    out.flush();
  }

  public synchronized void finish() {
    if (enabled && lastDraw != 0) {
      out.print("\r" + " ".repeat(100) + "\r");
      out.flush();
    }
  }
}

package io.activationsuite.localsync;

import java.io.PrintStream;

/**
 * A one-line progress bar on stderr for a stream: records ended (acknowledged or rejected) out of the
 * known total (the rows the diff selected), the rate, and at the end a last full line that stays.
 * Silent when stderr is not a terminal; within {@link Terminal#WIDTH} columns.
 */
public final class ProgressBar {
  private static final int BAR = 30;
  private static final long MIN_INTERVAL_NANOS = 200_000_000L;
  private final PrintStream out;
  private final boolean enabled;
  private final Terminal terminal;
  private final String label;
  private final long total;
  private final long start = System.nanoTime();
  private long lastDraw;
  private long done;
  private boolean finished;

  public ProgressBar(PrintStream out, boolean enabled, Terminal terminal, String label, long total) {
    this.out = out;
    this.enabled = enabled;
    this.terminal = terminal;
    this.label = Terminal.fit(label, 20);
    this.total = total;
  }

  /** Records ended so far; redraws at most five times a second. */
  public synchronized void update(long ended) {
    done = ended;
    long now = System.nanoTime();
    if (!enabled || finished || now - lastDraw < MIN_INTERVAL_NANOS) {
      return;
    }
    lastDraw = now;
    out.print("\r" + line(now));
    out.flush();
  }

  /** Draws the final state on its own line, which stays. */
  public synchronized void finish() {
    if (!enabled || finished) {
      return;
    }
    finished = true;
    out.println("\r" + line(System.nanoTime()));
    out.flush();
  }

  /** The bar as text (without colour codes when the terminal has none). */
  synchronized String line(long now) {
    double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 1.0;
    int filled = (int) Math.round(fraction * BAR);
    double seconds = Math.max((now - start) / 1e9, 1e-9);
    String bar = terminal.green("#".repeat(filled)) + terminal.dim(".".repeat(BAR - filled));
    String counts = String.format("%,d/%,d", done, total);
    String rate = String.format("%,.0f rec/s", done / seconds);
    return String.format("  %-20s [%s] %3.0f%% %-19s %s", label, bar, fraction * 100, counts, rate);
  }
}

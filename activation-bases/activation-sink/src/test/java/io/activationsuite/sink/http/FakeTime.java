package io.activationsuite.sink.http;

import io.activationsuite.sink.http.time.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Virtual time for single-threaded tests: sleeping jumps the clock forward and counts a wake-up. */
public final class FakeTime extends Clock implements Waiter {

  private final AtomicReference<Instant> now;
  private final AtomicInteger wakeUps = new AtomicInteger();

  public FakeTime(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  @Override
  public void sleepUntil(Instant deadline) throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException();
    }
    if (deadline.isAfter(now.get())) {
      wakeUps.incrementAndGet();
      now.accumulateAndGet(deadline, (a, b) -> a.isAfter(b) ? a : b);
    }
  }

  public void advance(Duration duration) {
    now.updateAndGet(t -> t.plus(duration));
  }

  /** How many times a sleeper actually had to wait. */
  public int wakeUps() {
    return wakeUps.get();
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }
}

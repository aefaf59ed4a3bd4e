package io.activationsuite.sink.http;

import io.activationsuite.sink.http.time.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Virtual time for multi-threaded tests: sleepers block until the test moves the clock past their deadline, and
 * the test can wait until a given number of sleeps has begun - synchronisation without real sleeps.
 */
public final class ManualTime extends Clock implements Waiter {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private Instant now;
  private int sleepsBegun;

  public ManualTime(Instant start) {
    this.now = start;
  }

  @Override
  public void sleepUntil(Instant deadline) throws InterruptedException {
    lock.lock();
    try {
      sleepsBegun++;
      changed.signalAll();
      while (now.isBefore(deadline)) {
        changed.await();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Moves the clock to {@code instant} (never backwards) and wakes the sleepers whose deadline passed. */
  public void advanceTo(Instant instant) {
    lock.lock();
    try {
      if (instant.isAfter(now)) {
        now = instant;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits (bounded) until {@code count} sleeps have begun since this clock was created. */
  public void awaitSleepsBegun(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (sleepsBegun < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("expected " + count + " sleeps to begin, saw " + sleepsBegun);
        }
        changed.await(left, TimeUnit.NANOSECONDS);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Instant instant() {
    lock.lock();
    try {
      return now;
    } finally {
      lock.unlock();
    }
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

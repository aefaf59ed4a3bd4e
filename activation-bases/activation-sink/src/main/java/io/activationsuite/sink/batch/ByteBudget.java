package io.activationsuite.sink.batch;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounds the memory of a sync: every buffered or in-flight record holds its bytes until it ends, and
 * taking more than what is left blocks (this is what slows stdin reading down to the destination's pace).
 * A single record larger than the whole budget takes the whole budget, so it can still pass alone.
 */
public final class ByteBudget {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition released = lock.newCondition();
  private final long capacity;
  private long used;
  private long peak;
  private boolean aborted;

  public ByteBudget(long capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  /** What a record of {@code bytes} actually takes from this budget. */
  public long charge(long bytes) {
    return Math.max(1, Math.min(bytes, capacity));
  }

  /** Takes {@code charge} bytes at once if they are free. */
  public boolean tryAcquire(long charge) {
    lock.lock();
    try {
      if (aborted || used + charge > capacity) {
        return false;
      }
      take(charge);
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until {@code charge} bytes are free and takes them; false when the budget was aborted. */
  public boolean acquire(long charge) throws InterruptedException {
    lock.lock();
    try {
      while (!aborted && used + charge > capacity) {
        released.await();
      }
      if (aborted) {
        return false;
      }
      take(charge);
      return true;
    } finally {
      lock.unlock();
    }
  }

  public void release(long charge) {
    lock.lock();
    try {
      used -= charge;
      released.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes every waiter and refuses further acquisitions (the sync is stopping). */
  public void abort() {
    lock.lock();
    try {
      aborted = true;
      released.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public long capacity() {
    return capacity;
  }

  public long used() {
    lock.lock();
    try {
      return used;
    } finally {
      lock.unlock();
    }
  }

  /** The most bytes ever held at once. */
  public long peak() {
    lock.lock();
    try {
      return peak;
    } finally {
      lock.unlock();
    }
  }

  private void take(long charge) {
    used += charge;
    if (used > peak) {
      peak = used;
    }
  }
}

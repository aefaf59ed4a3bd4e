package io.activationsuite.sink.http.ratelimit;

import java.util.Arrays;

/** Sorted ring buffer of grant times (epoch nanos) for one rolling window. Not thread-safe. */
final class GrantLog {

  private long[] times = new long[64];
  private int head;
  private int size;

  int size() {
    return size;
  }

  long get(int index) {
    return times[(head + index) % times.length];
  }

  long last() {
    return get(size - 1);
  }

  /** Appends a time not earlier than the last one. */
  void add(long time) {
    if (size == times.length) {
      long[] grown = new long[times.length * 2];
      for (int i = 0; i < size; i++) {
        grown[i] = get(i);
      }
      times = grown;
      head = 0;
    }
    times[(head + size) % times.length] = time;
    size++;
  }

  /** Inserts a time keeping the order (used for phantom grants learned from the server). */
  void insert(long time) {
    add(time);
    int i = size - 1;
    while (i > 0 && get(i - 1) > time) {
      set(i, get(i - 1));
      i--;
    }
    set(i, time);
  }

  /** Drops entries at or before {@code cutoff}. */
  void dropUpTo(long cutoff) {
    while (size > 0 && times[head] <= cutoff) {
      head = (head + 1) % times.length;
      size--;
    }
  }

  /** Removes the last entry equal to {@code time}; returns whether one was found. */
  boolean remove(long time) {
    for (int i = size - 1; i >= 0; i--) {
      if (get(i) == time) {
        for (int j = i; j < size - 1; j++) {
          set(j, get(j + 1));
        }
        size--;
        return true;
      }
    }
    return false;
  }

  /** How many entries are strictly after {@code time}. */
  int countAfter(long time) {
    int count = 0;
    for (int i = size - 1; i >= 0 && get(i) > time; i--) {
      count++;
    }
    return count;
  }

  private void set(int index, long value) {
    times[(head + index) % times.length] = value;
  }

  @Override
  public String toString() {
    long[] copy = new long[size];
    for (int i = 0; i < size; i++) {
      copy[i] = get(i);
    }
    return Arrays.toString(copy);
  }
}

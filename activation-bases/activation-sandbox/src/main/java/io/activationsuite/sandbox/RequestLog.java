package io.activationsuite.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * Thread-safe, bounded journal of the requests an emulator served, so tests can assert what a
 * connector sent (how many batch calls, which retries) without a proxy. Oldest entries are dropped
 * beyond {@link #CAPACITY}.
 */
public final class RequestLog {

  /** Entries kept before the oldest are discarded. */
  public static final int CAPACITY = 50_000;

  private final Deque<RequestLogEntry> entries = new ArrayDeque<>();
  private volatile boolean keepBodies;

  /**
   * Whether entries keep the request's JSON or CSV body (off by default: bodies cost memory and CPU in
   * benchmarks); stays as set across {@link #clear()}.
   */
  public void keepBodies(boolean value) {
    keepBodies = value;
  }

  /** Whether entries keep their bodies. */
  public boolean keepsBodies() {
    return keepBodies;
  }

  /** Appends an entry. */
  public synchronized void add(RequestLogEntry entry) {
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(entry);
  }

  /** A snapshot in arrival order. */
  public synchronized List<RequestLogEntry> entries() {
    return new ArrayList<>(entries);
  }

  /** Entries matching a predicate, in arrival order. */
  public synchronized List<RequestLogEntry> matching(Predicate<RequestLogEntry> filter) {
    return entries.stream().filter(filter).toList();
  }

  /** How many entries have a path starting with the prefix and the given method. */
  public synchronized long count(String method, String pathPrefix) {
    return entries.stream().filter(e -> e.method().equals(method) && e.path().startsWith(pathPrefix)).count();
  }

  /** Forgets all entries. */
  public synchronized void clear() {
    entries.clear();
  }
}

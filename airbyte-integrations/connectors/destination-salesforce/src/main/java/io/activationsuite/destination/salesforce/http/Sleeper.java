package io.activationsuite.destination.salesforce.http;

import java.time.Duration;

/** Waits between retries and bulk job polls; tests pass one that records waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  /** The real one. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration);

  /** Waits for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;
}

package io.activationsuite.protocol.checkpoint;

/**
 * Called before a STATE covering rejected records is echoed: it must make those rejected records
 * durable (e.g. flush the rejected-records store), or throw to hold the STATE back.
 */
@FunctionalInterface
public interface DurabilityBarrier {
  /** Makes everything written so far durable; returns only when it is. */
  void makeDurable() throws Exception;

  /** A barrier with nothing to flush. */
  DurabilityBarrier NONE = () -> { };
}

package io.activationsuite.protocol.runner;

import io.activationsuite.protocol.checkpoint.StateScope;
import io.activationsuite.protocol.model.AirbyteStreamStatusTraceMessage;
import io.activationsuite.protocol.model.StreamDescriptor;

/**
 * One sync's write, fed by the runner from stdin. Every record given to {@link #accept} or
 * {@link #reject} must end its ticket exactly once; states are released by the runner as tickets end.
 */
public interface WriteSession extends AutoCloseable {

  /** Takes a record. May block while the destination is slower than stdin (that is the backpressure). */
  void accept(InboundRecord record) throws Exception;

  /** Takes a line that could not be read as a record: reject it with its reason and end its ticket. */
  void reject(UnreadableRecord record) throws Exception;

  /** A STATE arrived and waits for the records before it: a hint to flush partial batches soon. */
  default void onState(StateScope scope) throws Exception {}

  /** The source reported a stream status (COMPLETE, INCOMPLETE...). */
  default void onStreamStatus(StreamDescriptor stream, AirbyteStreamStatusTraceMessage.Status status)
      throws Exception {}

  /** End of input: send everything still buffered and return once every accepted record has ended. */
  void drain() throws Exception;

  /**
   * Releases resources. After a failure (no {@link #drain()}), stops sending new work, lets requests
   * already in flight finish (so their records still end) and returns.
   */
  @Override
  void close() throws Exception;
}

package io.activationsuite.protocol.checkpoint;

import io.activationsuite.protocol.model.StreamDescriptor;

/** What a STATE checkpoints: one stream (STREAM states) or the whole sync (GLOBAL and LEGACY states). */
public record StateScope(StreamDescriptor stream) {
  /** The scope of GLOBAL and LEGACY states. */
  public static final StateScope GLOBAL = new StateScope(null);

  public static StateScope of(StreamDescriptor stream) {
    return new StateScope(stream);
  }

  public boolean isGlobal() {
    return stream == null;
  }

  @Override
  public String toString() {
    return isGlobal() ? "global" : "stream " + stream;
  }
}

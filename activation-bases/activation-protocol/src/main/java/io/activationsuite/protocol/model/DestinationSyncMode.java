package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The protocol's destination sync modes, including the data-activation ones (update, soft_delete). */
public enum DestinationSyncMode {
  APPEND("append"),
  OVERWRITE("overwrite"),
  APPEND_DEDUP("append_dedup"),
  UPDATE("update"),
  SOFT_DELETE("soft_delete");

  private final String wireName;

  DestinationSyncMode(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Parses the wire name; unknown values are an {@link IllegalArgumentException}. */
  @JsonCreator
  public static DestinationSyncMode fromWire(String value) {
    for (DestinationSyncMode mode : values()) {
      if (mode.wireName.equals(value)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("Unknown destination_sync_mode: " + value);
  }
}

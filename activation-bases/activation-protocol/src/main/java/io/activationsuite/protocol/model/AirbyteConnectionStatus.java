package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The output of {@code check}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AirbyteConnectionStatus(Status status, String message) {

  /** Outcome of a check. */
  public enum Status {
    SUCCEEDED,
    FAILED
  }

  public static AirbyteConnectionStatus succeeded() {
    return new AirbyteConnectionStatus(Status.SUCCEEDED, null);
  }

  public static AirbyteConnectionStatus failed(String message) {
    return new AirbyteConnectionStatus(Status.FAILED, message);
  }
}

package io.activationsuite.protocol.model;

/** STATE message kinds; an absent type means LEGACY. */
public enum AirbyteStateType {
  GLOBAL,
  STREAM,
  LEGACY
}

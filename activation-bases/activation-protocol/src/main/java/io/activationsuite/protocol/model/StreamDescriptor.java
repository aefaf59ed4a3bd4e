package io.activationsuite.protocol.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Names a stream (namespace may be null); the key of per-stream checkpoint scopes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamDescriptor(String name, String namespace) {

  public static StreamDescriptor of(String namespace, String name) {
    return new StreamDescriptor(name, namespace);
  }

  /** {@code namespace.name}, or just {@code name}: for messages and logs. */
  @Override
  public String toString() {
    return namespace == null || namespace.isEmpty() ? name : namespace + "." + name;
  }
}

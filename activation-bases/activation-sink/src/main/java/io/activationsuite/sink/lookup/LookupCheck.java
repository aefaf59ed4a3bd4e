package io.activationsuite.sink.lookup;

/**
 * What {@code check} asks of a lookup that mappings use, before any sync: whether the credentials may
 * make its calls (a scope, a permission). Answers null when they may, otherwise what is missing and how
 * to grant it, in words an admin can act on.
 */
@FunctionalInterface
public interface LookupCheck {

  /** A lookup that needs nothing beyond the connector's own check. */
  LookupCheck NONE = () -> null;

  /** Null when the lookup can run, otherwise the problem and its fix. */
  String problem() throws Exception;
}

package io.activationsuite.acceptance.connectors;

import java.util.List;

/**
 * The stream names acceptance tests use. Most connectors take any stream, but a connector configured per
 * stream (Slack: one message template per source stream) can only write streams its config names, so its
 * descriptor's valid config covers exactly these: a new test picks its stream names from here.
 */
public final class SuiteStreams {

  /** The single stream of most write tests. */
  public static final String USERS = "users";
  /** First of two interleaved streams. */
  public static final String A = "a";
  /** Second of two interleaved streams. */
  public static final String B = "b";
  /** A stream that carries no records. */
  public static final String EMPTY = "empty";
  /** The stream of per-target tests. */
  public static final String ROWS = "rows";
  /** Spare names for tests that need more streams. */
  public static final List<String> SPARE = List.of("s1", "s2", "s3");
  /** Every name above. */
  public static final List<String> ALL = List.of(USERS, A, B, EMPTY, ROWS, "s1", "s2", "s3");

  private SuiteStreams() {
  }
}

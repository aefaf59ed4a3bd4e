package io.activationsuite.localsync.launch;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps the last lines of a text stream within a character budget, so a connector that logs without
 * end cannot exhaust memory while its latest output stays available for error reports.
 */
final class BoundedTextBuffer {

  private final int maxChars;
  private final Deque<String> lines = new ArrayDeque<>();
  private int chars;
  private long droppedLines;

  BoundedTextBuffer(int maxChars) {
    if (maxChars <= 0) {
      throw new IllegalArgumentException("maxChars must be positive");
    }
    this.maxChars = maxChars;
  }

  synchronized void add(String line) {
    String kept = line.length() > maxChars ? line.substring(line.length() - maxChars) : line;
    lines.addLast(kept);
    chars += kept.length();
    while (chars > maxChars) {
      chars -= lines.removeFirst().length();
      droppedLines++;
    }
  }

  /** The kept lines joined by newlines, preceded by a note when older lines were dropped. */
  synchronized String text() {
    StringBuilder text = new StringBuilder();
    if (droppedLines > 0) {
      text.append("[").append(droppedLines).append(" earlier line(s) dropped]\n");
    }
    return text.append(String.join("\n", lines)).toString();
  }
}

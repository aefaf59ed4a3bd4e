package io.activationsuite.localsync;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * What the terminal can show: colour only when output goes to an interactive terminal, {@code NO_COLOR}
 * is unset and {@code TERM} is not {@code dumb}; plain text when piped. Lines are kept within
 * {@link #WIDTH} columns.
 */
public final class Terminal {
  /** Columns every printed line fits in. */
  public static final int WIDTH = 100;
  private static final String RESET = "\u001b[0m";
  private final boolean colour;
  private final boolean interactive;

  private Terminal(boolean colour, boolean interactive) {
    this.colour = colour;
    this.interactive = interactive;
  }

  /** Detects the terminal of this process. */
  public static Terminal detect() {
    boolean interactive = consoleIsTerminal();
    String term = System.getenv("TERM");
    boolean colour = interactive && System.getenv("NO_COLOR") == null && (term == null || !term.equals("dumb"));
    return new Terminal(colour, interactive);
  }

  /** No colour, not interactive (tests, pipes). */
  public static Terminal plain() {
    return new Terminal(false, false);
  }

  /** With these settings (tests). */
  public static Terminal of(boolean colour, boolean interactive) {
    return new Terminal(colour, interactive);
  }

  public boolean interactive() {
    return interactive;
  }

  public boolean colour() {
    return colour;
  }

  public String green(String text) {
    return paint("32", text);
  }

  public String red(String text) {
    return paint("31", text);
  }

  public String yellow(String text) {
    return paint("33", text);
  }

  public String bold(String text) {
    return paint("1", text);
  }

  public String dim(String text) {
    return paint("2", text);
  }

  /** Shortens {@code text} to {@code width} characters with an ellipsis. */
  public static String fit(String text, int width) {
    String oneLine = text.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() <= width ? oneLine : oneLine.substring(0, Math.max(0, width - 3)) + "...";
  }

  /**
   * Breaks {@code text} into lines of at most {@code width} columns at spaces (a longer word is cut),
   * every line after the first starting with {@code indent}: messages are shown whole, never cut off.
   */
  public static java.util.List<String> wrap(String text, int width, String indent) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    String flat = text.replace('\n', ' ').replace('\r', ' ');
    String leading = flat.substring(0, flat.length() - flat.stripLeading().length());
    StringBuilder line = new StringBuilder(leading);
    boolean empty = true;
    for (String word : flat.strip().split(" +")) {
      if (!empty && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(indent);
        empty = true;
      }
      line.append(empty ? "" : " ").append(word);
      empty = false;
      while (line.length() > width) {
        lines.add(line.substring(0, width));
        line.replace(0, width, indent);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  private String paint(String code, String text) {
    return colour ? "\u001b[" + code + "m" + text + RESET : text;
  }

  /** {@code System.console().isTerminal()} where the JDK has it (22+), else whether there is a console. */
  private static boolean consoleIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}

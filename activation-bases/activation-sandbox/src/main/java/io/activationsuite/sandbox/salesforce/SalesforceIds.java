package io.activationsuite.sandbox.salesforce;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Generates and checks Salesforce-style record ids: 15 case-sensitive characters (3-character key
 * prefix, instance, sequence) plus the 3-character case-insensitivity checksum that makes the 18-character
 * form the API returns.
 */
public final class SalesforceIds {
  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
  private static final Pattern SHAPE = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-5]{3})?");
  private static final String INSTANCE = "8s";

  private final AtomicLong sequence = new AtomicLong();

  /** Next 18-character id for the given key prefix. */
  public String next(String keyPrefix) {
    long value = sequence.incrementAndGet();
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      digits.append(BASE62.charAt((int) (value % 62)));
      value /= 62;
    }
    return to18(keyPrefix + INSTANCE + digits.reverse());
  }

  /** Whether {@code id} has the 15- or 18-character id shape (with a correct checksum when 18). */
  public static boolean isWellFormed(String id) {
    if (id == null || !SHAPE.matcher(id).matches()) {
      return false;
    }
    return id.length() == 15 || to18(id.substring(0, 15)).equals(id);
  }

  /** The canonical 18-character form of a well-formed 15- or 18-character id. */
  public static String canonical(String id) {
    return to18(id.substring(0, 15));
  }

  /** Appends the checksum to a 15-character id. */
  public static String to18(String id15) {
    if (id15.length() != 15) {
      throw new IllegalArgumentException("id must have 15 characters");
    }
    StringBuilder out = new StringBuilder(id15);
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = id15.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      out.append(CHECKSUM_ALPHABET.charAt(bits));
    }
    return out.toString();
  }
}

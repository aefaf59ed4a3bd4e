package io.activationsuite.sandbox.braze;

import java.util.Arrays;

/**
 * Shares one instance among equal short text values the store keeps (a country, a segment, a plan: the values
 * that repeat across profiles), so a workspace of many profiles holds each such value once rather than once
 * per profile. Lossy and bounded: a fixed table where a newer value takes the slot of an older one with the
 * same hash, so unique values cost nothing to keep out. Strings are immutable, so sharing changes no answer.
 * Not thread-safe: guarded by the {@link UserStore} lock.
 */
final class TextPool {

  /** Longer values are rarely repeated (emails, names with ids) and are kept as they come. */
  static final int MAX_LENGTH = 32;
  private static final int SLOTS = 4096;

  private final String[] slots = new String[SLOTS];
  /** The hash of each slot's value, so a miss is decided without reading the pooled string. */
  private final int[] hashes = new int[SLOTS];

  /** The pooled instance equal to {@code text}, which becomes the pooled one when none is. */
  String share(String text) {
    if (text.length() > MAX_LENGTH) {
      return text;
    }
    int hash = text.hashCode();
    int slot = hash & (SLOTS - 1);
    String pooled = slots[slot];
    if (pooled != null && hashes[slot] == hash && text.equals(pooled)) {
      return pooled;
    }
    slots[slot] = text;
    hashes[slot] = hash;
    return text;
  }

  /** Forgets every value. */
  void clear() {
    Arrays.fill(slots, null);
    Arrays.fill(hashes, 0);
  }
}

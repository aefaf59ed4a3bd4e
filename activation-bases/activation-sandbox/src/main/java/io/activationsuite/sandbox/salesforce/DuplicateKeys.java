package io.activationsuite.sandbox.salesforce;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds upsert key values that occur more than once in one request or Bulk chunk; Salesforce rejects all
 * of those records with {@code DUPLICATE_VALUE: Duplicate external id specified}.
 */
public final class DuplicateKeys {
  private DuplicateKeys() {
  }

  /** Lower-cased key values appearing at least twice (nulls ignored). */
  public static Set<String> find(List<?> keyValues) {
    Map<String, Integer> counts = new HashMap<>();
    for (Object v : keyValues) {
      if (v != null) {
        counts.merge(normalize(v), 1, Integer::sum);
      }
    }
    Set<String> duplicates = new HashSet<>();
    counts.forEach((k, n) -> {
      if (n > 1) {
        duplicates.add(k);
      }
    });
    return duplicates;
  }

  /** The comparison form of a key value. */
  public static String normalize(Object value) {
    return value.toString().toLowerCase(Locale.ROOT);
  }

  /** The error every record with a duplicated key gets. */
  public static SaveError error(Object value) {
    return SaveError.of(StatusCode.DUPLICATE_VALUE, "Duplicate external id specified: " + value);
  }
}

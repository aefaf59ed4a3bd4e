package io.activationsuite.protocol.secrets;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Process-wide set of secret values (config fields marked {@code airbyte_secret}, tokens obtained at
 * run time) and the one place that blanks them out of any text the connector writes.
 */
public final class SecretRedactor {
  /** What a secret is replaced with. */
  public static final String MASK = "**********";

  private static final int MIN_SECRET_LENGTH = 4;
  private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();

  private SecretRedactor() {}

  /** Registers a value to be redacted from now on; values too short to be secrets are ignored. */
  public static void register(String secret) {
    if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
      SECRETS.add(secret);
    }
  }

  /** Returns {@code text} with every registered secret replaced by {@link #MASK}. */
  public static String redact(String text) {
    if (text == null || text.isEmpty() || SECRETS.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret : SECRETS) {
      if (result.contains(secret)) {
        result = result.replace(secret, MASK);
      }
    }
    return result;
  }

  /** For tests: forget every registered secret. */
  public static void clearForTests() {
    SECRETS.clear();
  }
}

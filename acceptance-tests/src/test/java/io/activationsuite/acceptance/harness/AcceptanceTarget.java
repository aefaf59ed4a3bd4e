package io.activationsuite.acceptance.harness;

import java.util.Locale;

/**
 * What the suite runs: each connector's Docker image (what the platform runs) or its runnable jar as a
 * plain process (for contributors without Docker). {@code -Dacceptance.target=docker|jar|auto}; auto
 * picks Docker when an engine answers Testcontainers' probe.
 */
public enum AcceptanceTarget {
  DOCKER,
  JAR;

  private static volatile AcceptanceTarget resolved;

  /** The target of this test JVM, resolved once. */
  public static AcceptanceTarget current() {
    AcceptanceTarget target = resolved;
    if (target == null) {
      synchronized (AcceptanceTarget.class) {
        target = resolved;
        if (target == null) {
          target = resolve(System.getProperty("acceptance.target", "auto"));
          resolved = target;
          System.err.println("acceptance: running connectors as " + target.name().toLowerCase(Locale.ROOT));
        }
      }
    }
    return target;
  }

  static AcceptanceTarget resolve(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "docker" -> DOCKER;
      case "jar" -> JAR;
      case "auto", "" -> DockerEngine.available() ? DOCKER : JAR;
      default -> throw new IllegalArgumentException(
          "acceptance.target must be docker, jar or auto, got: " + value);
    };
  }
}

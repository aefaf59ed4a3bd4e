package io.activationsuite.localsync.launch;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run: the command, the config and catalog documents (JSON text) and extra environment
 * variables. Validates that the command gets exactly the documents it needs.
 *
 * @param command the protocol command
 * @param configJson the connector configuration, required by every command but {@code spec}
 * @param catalogJson the configured catalog, required by {@code write} only
 * @param environment variables set for the connector (their values are never put on a command line)
 */
public record ConnectorInvocation(
    ConnectorCommand command,
    Optional<String> configJson,
    Optional<String> catalogJson,
    Map<String, String> environment) {

  /** Checks the documents against the command and copies the environment. */
  public ConnectorInvocation {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(configJson, "configJson");
    Objects.requireNonNull(catalogJson, "catalogJson");
    environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    if (command.takesConfig() != configJson.isPresent()) {
      throw new IllegalArgumentException(command.argument()
          + (command.takesConfig() ? " needs a config" : " takes no config"));
    }
    if (command.takesCatalog() != catalogJson.isPresent()) {
      throw new IllegalArgumentException(command.argument()
          + (command.takesCatalog() ? " needs a catalog" : " takes no catalog"));
    }
    for (String name : environment.keySet()) {
      if (name.isEmpty() || name.contains("=") || name.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("invalid environment variable name: " + name);
      }
    }
  }

  /** {@code spec}. */
  public static ConnectorInvocation spec() {
    return new ConnectorInvocation(ConnectorCommand.SPEC, Optional.empty(), Optional.empty(), Map.of());
  }

  /** {@code check --config}. */
  public static ConnectorInvocation check(String configJson) {
    return new ConnectorInvocation(ConnectorCommand.CHECK, Optional.of(configJson), Optional.empty(), Map.of());
  }

  /** {@code discover --config}. */
  public static ConnectorInvocation discover(String configJson) {
    return new ConnectorInvocation(ConnectorCommand.DISCOVER, Optional.of(configJson), Optional.empty(), Map.of());
  }

  /** {@code write --config --catalog}, messages on stdin. */
  public static ConnectorInvocation write(String configJson, String catalogJson) {
    return new ConnectorInvocation(
        ConnectorCommand.WRITE, Optional.of(configJson), Optional.of(catalogJson), Map.of());
  }

  /** The same invocation with these environment variables added (replacing equal names). */
  public ConnectorInvocation withEnvironment(Map<String, String> variables) {
    var merged = new java.util.HashMap<>(environment);
    merged.putAll(variables);
    return new ConnectorInvocation(command, configJson, catalogJson, merged);
  }

  /** Hides the documents and the environment values: they hold secrets. */
  @Override
  public String toString() {
    return "ConnectorInvocation[" + command.argument() + ", environment=" + environment.keySet() + "]";
  }
}

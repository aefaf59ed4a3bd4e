package io.activationsuite.localsync.launch;

/**
 * The four destination commands of the Airbyte protocol and the files each one takes, so launchers
 * build a correct command line whatever the caller passes.
 */
public enum ConnectorCommand {
  SPEC("spec", false, false),
  CHECK("check", true, false),
  DISCOVER("discover", true, false),
  WRITE("write", true, true);

  private final String argument;
  private final boolean takesConfig;
  private final boolean takesCatalog;

  ConnectorCommand(String argument, boolean takesConfig, boolean takesCatalog) {
    this.argument = argument;
    this.takesConfig = takesConfig;
    this.takesCatalog = takesCatalog;
  }

  /** The command-line word, e.g. {@code write}. */
  public String argument() {
    return argument;
  }

  /** Whether the command requires {@code --config <file>}. */
  public boolean takesConfig() {
    return takesConfig;
  }

  /** Whether the command requires {@code --catalog <file>}. */
  public boolean takesCatalog() {
    return takesCatalog;
  }

  /** Whether the connector reads messages from stdin (only {@code write} does). */
  public boolean readsStdin() {
    return this == WRITE;
  }
}

package io.activationsuite.sandbox;

/**
 * Creates an emulator by name, discovered with {@link java.util.ServiceLoader} so the CLI and the JUnit
 * extension can start any emulator on the class path.
 */
public interface EmulatorFactory {

  /** The emulator name, e.g. {@code hubspot}. */
  String name();

  /** A new emulator configured from the options' vendor properties. */
  Emulator create(SandboxOptions options);
}

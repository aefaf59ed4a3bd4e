package io.activationsuite.sandbox.slack;

import io.activationsuite.sandbox.Emulator;
import io.activationsuite.sandbox.EmulatorFactory;
import io.activationsuite.sandbox.SandboxOptions;

/**
 * Registers the Slack emulator under the name {@code slack}; vendor properties are read by
 * {@link SlackSettings#fromProperties}.
 */
public final class SlackEmulatorFactory implements EmulatorFactory {

  @Override
  public String name() {
    return SlackEmulator.NAME;
  }

  @Override
  public Emulator create(SandboxOptions options) {
    return new SlackEmulator(SlackSettings.fromProperties(options.properties()));
  }
}

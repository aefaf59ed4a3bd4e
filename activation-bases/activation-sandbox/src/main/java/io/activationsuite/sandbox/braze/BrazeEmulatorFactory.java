package io.activationsuite.sandbox.braze;

import io.activationsuite.sandbox.Emulator;
import io.activationsuite.sandbox.EmulatorFactory;
import io.activationsuite.sandbox.SandboxOptions;

/**
 * Registers the Braze emulator under the name {@code braze}; vendor properties are read by
 * {@link BrazeSettings#fromProperties}.
 */
public final class BrazeEmulatorFactory implements EmulatorFactory {

  @Override
  public String name() {
    return BrazeEmulator.NAME;
  }

  @Override
  public Emulator create(SandboxOptions options) {
    return new BrazeEmulator(BrazeSettings.fromProperties(options.properties()));
  }
}

package io.activationsuite.sandbox.hubspot;

import io.activationsuite.sandbox.Emulator;
import io.activationsuite.sandbox.EmulatorFactory;
import io.activationsuite.sandbox.SandboxOptions;

/**
 * Registers the HubSpot emulator under the name {@code hubspot}; vendor properties are read by
 * {@link HubSpotSettings#fromProperties}.
 */
public final class HubSpotEmulatorFactory implements EmulatorFactory {

  @Override
  public String name() {
    return HubSpotEmulator.NAME;
  }

  @Override
  public Emulator create(SandboxOptions options) {
    return new HubSpotEmulator(HubSpotSettings.fromProperties(options.properties()));
  }
}

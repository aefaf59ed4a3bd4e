package io.activationsuite.sandbox.zendesk;

import io.activationsuite.sandbox.Emulator;
import io.activationsuite.sandbox.EmulatorFactory;
import io.activationsuite.sandbox.SandboxOptions;

/**
 * Registers the Zendesk emulator under the name {@code zendesk}; vendor properties are read by
 * {@link ZendeskSettings#fromProperties}.
 */
public final class ZendeskEmulatorFactory implements EmulatorFactory {

  @Override
  public String name() {
    return ZendeskEmulator.NAME;
  }

  @Override
  public Emulator create(SandboxOptions options) {
    return new ZendeskEmulator(ZendeskSettings.fromProperties(options.properties()));
  }
}

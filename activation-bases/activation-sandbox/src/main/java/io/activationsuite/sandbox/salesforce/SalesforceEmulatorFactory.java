package io.activationsuite.sandbox.salesforce;

import io.activationsuite.sandbox.Emulator;
import io.activationsuite.sandbox.EmulatorFactory;
import io.activationsuite.sandbox.SandboxOptions;

/** Registers the Salesforce emulator under the name {@code salesforce} for the CLI and the JUnit extension. */
public final class SalesforceEmulatorFactory implements EmulatorFactory {
  @Override
  public String name() {
    return SalesforceEmulator.NAME;
  }

  @Override
  public Emulator create(SandboxOptions options) {
    return new SalesforceEmulator(SalesforceSettings.from(options.properties()));
  }
}

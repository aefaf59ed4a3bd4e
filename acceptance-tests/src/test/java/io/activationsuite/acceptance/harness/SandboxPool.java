package io.activationsuite.acceptance.harness;

import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.Sandbox;
import io.activationsuite.sandbox.SandboxOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sandbox per emulator for a test class: started on first use, reset (records, faults, request log)
 * between tests, closed after the class. Keeps the suite fast: an emulator starts once per class, not
 * once per test.
 */
public final class SandboxPool implements AutoCloseable {

  private final Map<String, Sandbox> sandboxes = new LinkedHashMap<>();

  /** The running emulator called {@code name}, started with default options if needed. */
  public synchronized EmulatorServer server(String name) {
    return sandboxes.computeIfAbsent(name, n -> Sandbox.start(SandboxOptions.defaults(), n)).server(name);
  }

  /** The running emulator of {@code connector}, started with its {@code sandboxOptions()} if needed. */
  public synchronized EmulatorServer server(ConnectorDescriptor connector) {
    String name = connector.emulator();
    return sandboxes.computeIfAbsent(name, n -> Sandbox.start(connector.sandboxOptions(), n)).server(name);
  }

  /** Resets every started emulator to its initial state. */
  public synchronized void resetAll() {
    sandboxes.values().forEach(Sandbox::reset);
  }

  @Override
  public synchronized void close() {
    sandboxes.values().forEach(Sandbox::close);
    sandboxes.clear();
  }
}

package io.activationsuite.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A set of running emulators started together (one server and port each), as the CLI, the JUnit
 * extension and the acceptance suite use them. Closing it stops them all.
 */
public final class Sandbox implements AutoCloseable {

  private final Map<String, EmulatorServer> servers;

  private Sandbox(Map<String, EmulatorServer> servers) {
    this.servers = Collections.unmodifiableMap(servers);
  }

  /**
   * Starts the named emulators, each with its own options. If one fails to start, those already
   * started are stopped before the failure propagates.
   */
  public static Sandbox start(Map<String, SandboxOptions> emulators) {
    Map<String, EmulatorServer> started = new LinkedHashMap<>();
    try {
      emulators.forEach((name, options) -> started.put(name, EmulatorServer.start(name, options)));
    } catch (RuntimeException e) {
      started.values().forEach(EmulatorServer::close);
      throw e;
    }
    return new Sandbox(started);
  }

  /** Starts the named emulators with the same options (each on a free port). */
  public static Sandbox start(SandboxOptions options, String... names) {
    Map<String, SandboxOptions> byName = new LinkedHashMap<>();
    for (String name : names) {
      byName.put(name, options);
    }
    return start(byName);
  }

  /** The running emulator with that name. */
  public EmulatorServer server(String name) {
    EmulatorServer server = servers.get(name);
    if (server == null) {
      throw new NoSuchElementException("emulator '" + name + "' is not running; running: " + servers.keySet());
    }
    return server;
  }

  /** All running emulators in start order. */
  public List<EmulatorServer> servers() {
    return new ArrayList<>(servers.values());
  }

  /** Resets every emulator. */
  public void reset() {
    servers.values().forEach(EmulatorServer::reset);
  }

  @Override
  public void close() {
    servers.values().forEach(EmulatorServer::close);
  }
}

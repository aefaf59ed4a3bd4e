package io.activationsuite.sandbox;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Registry of the emulators on the class path ({@link EmulatorFactory} services), by name.
 */
public final class Emulators {

  private Emulators() {
  }

  /** All known emulator factories keyed by name. */
  public static Map<String, EmulatorFactory> available() {
    Map<String, EmulatorFactory> factories = new TreeMap<>();
    for (EmulatorFactory factory : ServiceLoader.load(EmulatorFactory.class, Emulators.class.getClassLoader())) {
      factories.put(factory.name(), factory);
    }
    return factories;
  }

  /**
   * Creates the named emulator.
   *
   * @throws IllegalArgumentException when no emulator has that name
   */
  public static Emulator create(String name, SandboxOptions options) {
    EmulatorFactory factory = available().get(name);
    if (factory == null) {
      throw new IllegalArgumentException("unknown emulator '" + name + "'; available: " + available().keySet());
    }
    return factory.create(options);
  }
}

package io.activationsuite.sandbox.junit;

import io.activationsuite.sandbox.Emulator;
import io.activationsuite.sandbox.EmulatorServer;
import io.activationsuite.sandbox.ManualClock;
import io.activationsuite.sandbox.Sandbox;
import io.activationsuite.sandbox.SandboxOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension behind {@link SandboxTest}: starts the requested emulators once per test class,
 * resets them before each test and resolves them as test or constructor parameters. Nested test
 * classes share the enclosing class's emulators.
 */
public final class SandboxExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
    ParameterResolver {

  /** Instant a {@link SandboxTest#manualClock()} clock starts at. */
  public static final Instant MANUAL_CLOCK_START = Instant.parse("2026-01-15T10:00:00Z");

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SandboxExtension.class);
  private static final String SANDBOX = "sandbox";
  private static final String CLOCK = "clock";
  private static final String OWNER = "owner";

  @Override
  public void beforeAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (store.get(SANDBOX, Sandbox.class) != null) {
      return;
    }
    SandboxTest config = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), SandboxTest.class)
        .orElseThrow(() -> new ExtensionConfigurationException(
            "SandboxExtension needs @SandboxTest on " + context.getRequiredTestClass().getName()));
    Clock clock = config.manualClock() ? new ManualClock(MANUAL_CLOCK_START) : Clock.systemUTC();
    Map<String, SandboxOptions> emulators = new LinkedHashMap<>();
    for (String name : config.value()) {
      SandboxOptions options = SandboxOptions.defaults().withSeed(config.seed()).withClock(clock);
      for (String property : config.properties()) {
        int eq = property.indexOf('=');
        String prefix = name + ".";
        if (eq > 0 && property.startsWith(prefix)) {
          options = options.withProperty(property.substring(prefix.length(), eq), property.substring(eq + 1));
        }
      }
      emulators.put(name, options);
    }
    store.put(SANDBOX, Sandbox.start(emulators));
    store.put(CLOCK, clock);
    store.put(OWNER, context.getUniqueId());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    sandbox(context).reset();
    Clock clock = context.getStore(NAMESPACE).get(CLOCK, Clock.class);
    if (clock instanceof ManualClock manual) {
      manual.set(MANUAL_CLOCK_START);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (context.getUniqueId().equals(store.get(OWNER, String.class))) {
      Sandbox sandbox = store.remove(SANDBOX, Sandbox.class);
      store.remove(OWNER);
      store.remove(CLOCK);
      if (sandbox != null) {
        sandbox.close();
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == EmulatorServer.class || type == Sandbox.class || type == ManualClock.class
        || (Emulator.class.isAssignableFrom(type) && type != Emulator.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    Sandbox sandbox = sandbox(context);
    if (type == Sandbox.class) {
      return sandbox;
    }
    if (type == ManualClock.class) {
      Clock clock = context.getStore(NAMESPACE).get(CLOCK, Clock.class);
      if (clock instanceof ManualClock manual) {
        return manual;
      }
      throw new ParameterResolutionException("ManualClock needs @SandboxTest(manualClock = true)");
    }
    if (type == EmulatorServer.class) {
      Optional<SandboxEmulator> named = parameter.findAnnotation(SandboxEmulator.class);
      if (named.isPresent()) {
        return sandbox.server(named.get().value());
      }
      List<EmulatorServer> servers = sandbox.servers();
      if (servers.size() != 1) {
        throw new ParameterResolutionException(
            "several emulators run; annotate the EmulatorServer parameter with @SandboxEmulator(\"name\")");
      }
      return servers.get(0);
    }
    return sandbox.servers().stream()
        .map(EmulatorServer::emulator)
        .filter(type::isInstance)
        .findFirst()
        .orElseThrow(() -> new ParameterResolutionException("no running emulator is a " + type.getName()));
  }

  private static Sandbox sandbox(ExtensionContext context) {
    Sandbox sandbox = context.getStore(NAMESPACE).get(SANDBOX, Sandbox.class);
    if (sandbox == null) {
      throw new ExtensionConfigurationException("the sandbox is not running; is @SandboxTest on the class?");
    }
    return sandbox;
  }
}

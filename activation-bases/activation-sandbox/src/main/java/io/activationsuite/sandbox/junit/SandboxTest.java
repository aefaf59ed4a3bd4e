package io.activationsuite.sandbox.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against local emulators: they start once for the class, are reset before each
 * test, and are injected as parameters ({@link io.activationsuite.sandbox.EmulatorServer},
 * {@link io.activationsuite.sandbox.Sandbox}, the concrete emulator type, or
 * {@link io.activationsuite.sandbox.ManualClock}).
 *
 * <pre>{@code
 * @SandboxTest("hubspot")
 * class HubSpotWriterTest {
 *   @Test
 *   void retriesAfter503(EmulatorServer hubspot) {
 *     hubspot.faults().failNext(2);
 *     ...
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SandboxExtension.class)
public @interface SandboxTest {

  /** Names of the emulators to start, e.g. {@code {"hubspot", "salesforce"}}. */
  String[] value();

  /** Seed of every random choice (fault ratios, latency, ids). */
  long seed() default 42L;

  /** When true the emulators run on a {@link io.activationsuite.sandbox.ManualClock} tests can advance. */
  boolean manualClock() default false;

  /**
   * Vendor properties as {@code emulator.key=value}, e.g. {@code "hubspot.tier=starter"}; they reach the
   * named emulator as {@code key=value}.
   */
  String[] properties() default {};
}

package io.activationsuite.sandbox.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names which emulator an {@link io.activationsuite.sandbox.EmulatorServer} parameter receives when a
 * {@link SandboxTest} starts more than one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface SandboxEmulator {

  /** The emulator name, e.g. {@code salesforce}. */
  String value();
}

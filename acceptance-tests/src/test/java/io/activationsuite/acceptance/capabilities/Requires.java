package io.activationsuite.acceptance.capabilities;

import io.activationsuite.acceptance.connectors.Capability;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The capabilities a connector-parameterised test needs (on the method, or on the class for all its tests):
 * every one of {@link #value()} and at least one of {@link #anyOf()}. For a connector lacking them the test is
 * reported as not applicable with the reason ({@link CapabilityExtension}); it is never silently dropped.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@ExtendWith(CapabilityExtension.class)
public @interface Requires {

  /** Capabilities the connector must have, all of them. */
  Capability[] value() default {};

  /** Capabilities of which the connector must have at least one (empty: no such condition). */
  Capability[] anyOf() default {};
}

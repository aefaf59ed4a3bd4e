package io.activationsuite.sink.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the spec says about a config record as a JSON object: its title (the label of a {@code oneOf}
 * branch), description, and whether it states {@code additionalProperties}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SpecObject {
  /** {@code title}. */
  String title() default "";

  /** {@code description}. */
  String description() default "";

  /** {@code additionalProperties}. */
  Additional additionalProperties() default Additional.UNSTATED;

  /**
   * The discriminator of a {@code oneOf} branch also states the value as its {@code default} (on the
   * sealed interface; Airbyte's form then preselects it).
   */
  boolean discriminatorDefault() default false;

  /** Whether and how {@code additionalProperties} is stated. */
  enum Additional {
    /** Not stated (JSON Schema then allows them). */
    UNSTATED,
    /** {@code "additionalProperties": true}. */
    ALLOWED,
    /** {@code "additionalProperties": false}: a typo in a property name is a config error. */
    FORBIDDEN
  }
}

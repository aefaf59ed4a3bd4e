package io.activationsuite.sink.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the spec says about one config property (a record component), beyond its name and Java type: the
 * JSON Schema keywords a form needs and the Airbyte UI keywords. Every attribute left at its default is
 * left out of the spec. The property's name and required flag come from Jackson's {@code @JsonProperty}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.PARAMETER})
public @interface SpecField {
  /** Marks an absent {@link #defaultValue()}. */
  String NO_DEFAULT = "\u0000";

  /** {@code title}. */
  String title() default "";

  /** {@code description}. */
  String description() default "";

  /** Airbyte {@code order} (position among its siblings); negative: none. */
  int order() default -1;

  /** Airbyte {@code group} (top-level properties only); the config record declares it with {@link SpecGroup}. */
  String group() default "";

  /** Airbyte {@code airbyte_secret}: masked in the UI and redacted from every output. */
  boolean secret() default false;

  /** Airbyte {@code airbyte_hidden}: settable through the API and config files, not shown in the form. */
  boolean hidden() default false;

  /** Airbyte {@code always_show}: an optional field shown among the required ones. */
  boolean alwaysShow() default false;

  /** {@code examples}, as strings. */
  String[] examples() default {};

  /**
   * {@code default}: the text of a string or enum property, or the JSON of any other (e.g. {@code "8"},
   * {@code "false"}, {@code "[]"}). The config is read with it when the property is absent.
   */
  String defaultValue() default NO_DEFAULT;

  /** {@code pattern} of a string. */
  String pattern() default "";

  /** {@code minLength} of a string; negative: none. */
  int minLength() default -1;

  /** Inclusive {@code minimum} of a number; {@link Long#MIN_VALUE}: none. */
  long minimum() default Long.MIN_VALUE;

  /** {@code exclusiveMinimum} of a number (it must be greater); {@link Long#MIN_VALUE}: none. */
  long exclusiveMinimum() default Long.MIN_VALUE;

  /** Inclusive {@code maximum} of a number; {@link Long#MAX_VALUE}: none. */
  long maximum() default Long.MAX_VALUE;
}

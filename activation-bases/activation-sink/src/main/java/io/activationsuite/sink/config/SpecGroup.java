package io.activationsuite.sink.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One entry of the spec's Airbyte {@code groups} (a card of the form), declared on the config record. Every
 * {@link SpecField#group()} a property uses must be declared; cards appear in declaration order.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(SpecGroup.List.class)
public @interface SpecGroup {
  /** The {@code id} properties name in {@code group}. */
  String id();

  /** The card's {@code title}; empty: none. */
  String title() default "";

  /** Holds repeated {@link SpecGroup}s. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface List {
    /** The groups, in card order. */
    SpecGroup[] value();
  }
}

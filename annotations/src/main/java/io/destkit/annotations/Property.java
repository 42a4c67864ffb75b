package io.destkit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one configuration property: a record component or a field of a config class. Every attribute is
 * optional; a field without this annotation is a required property named like the field.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Property {
  /** The property's name in the JSON config; defaults to the Java name. */
  String name() default "";

  /** Short label in the UI. */
  String title() default "";

  /** Help text in the UI. */
  String description() default "";

  /**
   * Position among its siblings in the UI, from 0. When no property of an object sets an order, declaration order
   * is used. Two siblings may not share one.
   */
  int order() default -1;

  /** Example values, written as they would appear in the config (numbers as digits). */
  String[] examples() default {};

  /**
   * The value used when the config leaves the property out, written as in JSON without quotes ({@code 5432},
   * {@code true}, {@code public}). A property with a default is never required. Checked at compile time against the
   * type, {@link Range}, {@link Pattern} and enum constants.
   */
  String defaultValue() default "";

  /**
   * Whether the config must set the property. Properties are required unless they have a default or say
   * {@code required = false}; an optional property without default is {@code null} (an empty list for lists), so it
   * must not be a primitive.
   */
  boolean required() default true;

  /** The id of a {@link Group} declared on the {@link ConnectorConfig}; top-level properties only. */
  String group() default "";

  /** Show the property in the UI even when it is optional. */
  boolean alwaysShow() default false;

  /** Edit the value in a multi-line text box (certificates, keys). */
  boolean multiline() default false;
}

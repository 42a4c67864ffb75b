package io.destkit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Constrains a {@code String} property to a regular expression ({@code pattern} in the schema). As in JSON Schema,
 * the value matches when the expression is found anywhere in it: anchor with {@code ^...$} to match the whole value.
 * Keep to the syntax that Java and ECMA-262 share, since the platform's UI checks it too.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Pattern {
  /** The regular expression. */
  String value();

  /** What a matching value looks like, for people ({@code pattern_descriptor} in the schema), e.g. "YYYY-MM-DD". */
  String descriptor() default "";
}

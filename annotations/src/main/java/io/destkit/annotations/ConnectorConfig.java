package io.destkit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the configuration of a destination: a record or a class whose fields become the properties of the
 * connector's spec ({@code connectionSpecification}, JSON Schema draft-07).
 *
 * <p>Supported property types: {@code String}, {@code boolean}, {@code int}, {@code long}, {@code double} (and their
 * boxes), {@code java.math.BigDecimal}, enums, {@code java.util.List} of any supported type, nested records or
 * classes (objects) and sealed interfaces annotated {@link OneOf} (choices). A record is built through its canonical
 * constructor; a class through a non-private no-argument constructor and then non-private fields or setters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ConnectorConfig {
  /** Title of the spec's schema. */
  String title() default "";

  /** Description of the spec's schema. */
  String description() default "";

  /** The groups that properties may name in {@link Property#group()}, in the order the UI shows them. */
  Group[] groups() default {};
}

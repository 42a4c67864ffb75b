package io.destkit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Bounds a numeric property, both ends inclusive ({@code minimum} and {@code maximum} in the schema). */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Range {
  /** The smallest allowed value; unbounded when left out. */
  double min() default Double.NEGATIVE_INFINITY;

  /** The largest allowed value; unbounded when left out. */
  double max() default Double.POSITIVE_INFINITY;
}

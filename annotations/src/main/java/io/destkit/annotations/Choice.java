package io.destkit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One choice of a {@link OneOf} interface: the constant its discriminator property holds, and how the UI shows it. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Choice {
  /** The discriminator's value for this choice; unique among the interface's choices. */
  String value();

  /** The choice's label in the UI; defaults to the value. */
  String title() default "";

  /** Help text for the choice. */
  String description() default "";
}

package io.destkit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A group of top-level properties that the platform's UI shows together; declared in {@link ConnectorConfig#groups()}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Group {
  /** The id properties refer to in {@link Property#group()}. */
  String id();

  /** The heading shown in the UI; defaults to the id. */
  String title() default "";
}

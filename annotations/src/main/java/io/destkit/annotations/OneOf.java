package io.destkit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a sealed interface whose permitted implementations are the choices of a {@code oneOf} property. Each
 * implementation is a record or class annotated {@link Choice}; the config tells which one it holds by the constant
 * value of the {@link #discriminator()} property.
 *
 * <pre>{@code
 * @OneOf(discriminator = "engine")
 * public sealed interface Database permits Sqlite, Postgres {}
 *
 * @Choice(value = "sqlite", title = "SQLite")
 * public record Sqlite(String path) implements Database {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface OneOf {
  /** The name of the property whose constant value tells the choices apart. */
  String discriminator();
}

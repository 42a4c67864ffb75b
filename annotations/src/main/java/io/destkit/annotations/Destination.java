package io.destkit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the class that is an Airbyte destination connector. The processor generates, next to it, a
 * {@code <ClassName>Main} class (the jar's entry point), a reader for the {@link #config() config class} and
 * {@code META-INF/destkit/spec.json}.
 *
 * <p>The class must be a top-level or static nested class with a non-private no-argument constructor. One
 * compilation (one Maven module) holds one destination.
 *
 * <pre>{@code
 * @Destination(name = "destination-warehouse", title = "Warehouse",
 *     documentationUrl = "https://example.com/docs/warehouse", config = WarehouseConfig.class)
 * public class WarehouseDestination {
 *   @Check
 *   void check(WarehouseConfig config) throws Exception { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Destination {
  /** The connector's technical name, e.g. {@code destination-warehouse}: lower case, digits and dashes. */
  String name();

  /** The name people read in the platform's UI. Defaults to the config's title, then to {@link #name()}. */
  String title() default "";

  /** Where the connector's user documentation lives; an absolute http(s) URL. */
  String documentationUrl();

  /** The class annotated {@link ConnectorConfig} that holds this connector's configuration. */
  Class<?> config();
}

package io.destkit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the class that is an Airbyte destination connector. The processor generates, next to it, a
 * {@code <ClassName>Main} class (the jar's entry point), a reader for the {@link #config() config class}, and in
 * {@code META-INF/destkit/}: {@code spec.json}, the image's {@code Dockerfile}, the platform's {@code metadata.yaml}
 * and a Markdown {@code reference.md} of the connector.
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

  /**
   * The Docker image repository the connector is published as, without tag, e.g. {@code acme/destination-warehouse}
   * or {@code registry.example.com:5000/data/destination-warehouse}. Defaults to {@code destkit/<name>}. It names the
   * image in the Dockerfile's {@code io.airbyte.name} label and in {@code metadata.yaml}, and derives the connector's
   * {@code definitionId} there: keep it stable once users have installed the connector.
   */
  String dockerRepository() default "";

  /** The connector's license as {@code metadata.yaml} declares it: an SPDX identifier such as {@code Apache-2.0}. */
  String license() default "MIT";
}

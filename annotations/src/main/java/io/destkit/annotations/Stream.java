package io.destkit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a stream the connector knows at build time, on its {@link Destination} class. From the stream's JSON schema
 * file the processor generates a record class named {@link #type()} in the connector's package (nested objects become
 * classes prefixed with it), and a codec that fills it straight from the input. A records method then takes the typed
 * records:
 *
 * <pre>{@code
 * @Stream(name = "employees", type = "Employee")
 * public class HrDestination {
 *   @OnRecords(stream = "employees")
 *   void employees(List<Employee> batch) { ... }
 * }
 * }</pre>
 *
 * <p>A data activation destination declares its objects this way: each stream is an object of its DESTINATION_CATALOG
 * ({@code discover}), in the modes of the records methods that take it, with its schema and {@link #matchingKeys()}.
 * The catalog names the object in {@code destination_object_name}, which routing follows.
 *
 * <p>At write start the catalog's schema of the stream is checked against this one: a required field missing or a
 * field of an incompatible type is a config error; fields only the catalog has reach the record's additional
 * properties.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Streams.class)
public @interface Stream {
  /** The stream's name, as in the catalog. */
  String name();

  /** The simple name of the record class to generate, e.g. {@code Employee}. */
  String type();

  /**
   * The schema file, a class-path resource (e.g. in {@code src/main/resources}); defaults to
   * {@code schemas/<name>.json}, Airbyte's convention. The processor option {@code destkit.schemas} names a folder to
   * look in first.
   */
  String schema() default "";

  /**
   * For a data activation destination: the keys a record of this object can be matched on in the target, for the
   * {@code update} and {@code soft_delete} modes, each a field of the schema (a nested one as {@code "a.b"}). They are
   * the {@code matching_keys} of the object's operations in {@code discover}, and a catalog that matches on another
   * key is refused at write start. Required when a records method takes the stream in {@code UPDATE} or
   * {@code SOFT_DELETE}.
   */
  String[] matchingKeys() default {};
}

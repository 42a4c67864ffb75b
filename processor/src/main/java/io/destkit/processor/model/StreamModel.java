package io.destkit.processor.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code @Stream} declaration of the connector, with its schema file as the reader found it. Its attributes are
 * shown at the annotation, or, when {@code @Stream} is repeated, at its entry in the {@code @Streams} container javac
 * made (javac cannot place a message inside that one).
 *
 * @param schemaPath the class-path resource of its schema, the default ({@code schemas/<name>.json}) applied
 * @param matchingKeys the keys its records are matched on as a destination object, each a field path with dots
 */
public record StreamModel(Attribute<String> name, Attribute<String> type, Attribute<String> schemaPath,
    Attribute<List<String>> matchingKeys, SchemaFile schema) {

  /** Where a problem of its schema file is shown: the {@code schema} value when written, else the stream's name. */
  public Site schemaSite() {
    return schemaPath.written() ? schemaPath.site() : name.site();
  }

  /** The record class its schema makes; null when the schema could not be read into one. */
  public RecordShape shape() {
    return schema instanceof Parsed parsed ? parsed.shape() : null;
  }

  /** What the reader found at {@link #schemaPath}. */
  public sealed interface SchemaFile {}

  /** No place had it; {@code lookedAt} lists each place tried. */
  public record Missing(List<String> lookedAt) implements SchemaFile {}

  /** It is not JSON; {@code detail} says where and why. */
  public record NotJson(String detail) implements SchemaFile {}

  /**
   * It is JSON.
   *
   * @param json the schema (null for an empty file)
   * @param shape the record classes it makes, or null when it is not an object or making them failed
   * @param shapeFailure why making them failed, or null
   */
  public record Parsed(JsonNode json, RecordShape shape, RuntimeException shapeFailure) implements SchemaFile {
    /** The names the schema lists under {@code required}. */
    public List<String> required() {
      List<String> names = new ArrayList<>();
      if (json != null) {
        json.path("required").forEach(name -> names.add(name.asText()));
      }
      return List.copyOf(names);
    }
  }

  /**
   * The record classes a schema makes, as jsonschema2pojo will generate them.
   *
   * @param root the root class with its fields, nested classes below it
   * @param normalized the schema rewritten for jsonschema2pojo, as JSON text
   * @param renamed per generated class: the plain keys given to jsonschema2pojo and the JSON names they stand for
   * @param propertyOrder per generated class: its properties' JSON names in schema order
   * @param collisions properties that would become the same Java field, one sentence each
   */
  public record RecordShape(TypedShape.TypedObject root, String normalized, Map<String, Map<String, String>> renamed,
      Map<String, List<String>> propertyOrder, List<String> collisions) {}
}

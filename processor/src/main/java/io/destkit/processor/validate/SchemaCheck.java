package io.destkit.processor.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.processor.model.JsonPaths;
import java.util.Map;
import java.util.Set;

/**
 * Checks a typed stream's schema file before classes are generated from it: the catalog reader at run time is lenient
 * (whatever it cannot read is kept as JSON), but a schema in the author's own build that names a type JSON Schema
 * does not have, or puts something other than a schema where one belongs, is a mistake to report with its JSON path.
 */
final class SchemaCheck {
  /** JSON Schema's type names. */
  static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "object", "array", "null");

  /** Where a schema is wrong and how. */
  record Finding(String path, String problem) {}

  private SchemaCheck() {}

  /** The first mistake in {@code schema}, depth first in document order; null when there is none. */
  static Finding check(JsonNode schema) {
    return check(schema, "$");
  }

  private static Finding check(JsonNode schema, String path) {
    if (schema.isBoolean()) {
      return null;
    }
    if (!schema.isObject()) {
      return new Finding(path, "a schema must be a JSON object, not " + kind(schema));
    }
    JsonNode type = schema.get("type");
    if (type != null) {
      Finding finding = checkType(type, path + ".type");
      if (finding != null) {
        return finding;
      }
    }
    JsonNode properties = schema.get("properties");
    if (properties != null) {
      if (!properties.isObject()) {
        return new Finding(path + ".properties", "\"properties\" must be an object of schemas, not " + kind(properties));
      }
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        Finding finding = check(property.getValue(), path + ".properties" + JsonPaths.member(property.getKey()));
        if (finding != null) {
          return finding;
        }
      }
    }
    JsonNode items = schema.get("items");
    if (items != null) {
      Finding finding = items.isArray() ? checkAll(items, path + ".items") : check(items, path + ".items");
      if (finding != null) {
        return finding;
      }
    }
    for (String keyword : new String[] {"oneOf", "anyOf", "allOf"}) {
      JsonNode options = schema.get(keyword);
      if (options != null) {
        if (!options.isArray()) {
          return new Finding(path + "." + keyword, "\"" + keyword + "\" must be an array of schemas, not " + kind(options));
        }
        Finding finding = checkAll(options, path + "." + keyword);
        if (finding != null) {
          return finding;
        }
      }
    }
    return null;
  }

  private static Finding checkAll(JsonNode schemas, String path) {
    for (int i = 0; i < schemas.size(); i++) {
      Finding finding = check(schemas.get(i), path + "[" + i + "]");
      if (finding != null) {
        return finding;
      }
    }
    return null;
  }

  private static Finding checkType(JsonNode type, String path) {
    if (type.isTextual()) {
      return TYPES.contains(type.textValue()) ? null : unknownType(type.textValue(), path);
    }
    if (!type.isArray() || type.isEmpty()) {
      return new Finding(path, "\"type\" must be a type name or a non-empty array of them, not " + kind(type));
    }
    for (int i = 0; i < type.size(); i++) {
      JsonNode name = type.get(i);
      if (!name.isTextual()) {
        return new Finding(path + "[" + i + "]", "a type name must be a string, not " + kind(name));
      }
      if (!TYPES.contains(name.textValue())) {
        return unknownType(name.textValue(), path + "[" + i + "]");
      }
    }
    return null;
  }

  private static Finding unknownType(String name, String path) {
    return new Finding(path, "type '" + name + "' does not exist in JSON Schema; use one of array, boolean, integer, "
        + "null, number, object, string");
  }

  /** The JSON path of where a parser stopped, e.g. {@code $.properties.name}, for errors in files that are not JSON. */
  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "the string " + node;
      case NUMBER -> "the number " + node;
      case BOOLEAN -> node.asText();
      case NULL, MISSING -> "null";
      case BINARY, POJO -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}

package io.destkit.runtime.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a catalog stream's {@code json_schema} into an {@link AirbyteType}. Never throws: whatever it cannot read
 * is {@link AirbyteType#UNKNOWN}, kept as JSON, so an odd schema never fails a sync.
 *
 * <p>The rules, following Airbyte's "Data Types in Records" page and its destination CDK:
 * <ul>
 *   <li>v1 style: {@code $ref} to {@code WellKnownTypes.json#/definitions/<Name>} (also written without the
 *       {@code /} after {@code #}) for String, BinaryData, Boolean, Date, TimestampWithTimezone,
 *       TimestampWithoutTimezone, TimeWithTimezone, TimeWithoutTimezone, Number, Integer. Another {@code $ref} is
 *       ignored and the rest of the schema is read.</li>
 *   <li>{@code airbyte_type} wins over {@code format}: {@code timestamp_with_timezone},
 *       {@code timestamp_without_timezone}, {@code time_with_timezone}, {@code time_without_timezone};
 *       {@code integer} and {@code big_integer} mean integer, {@code big_number} means number (also on
 *       {@code "type": "string"}, as old sources sent big values).</li>
 *   <li>{@code format: date-time} without {@code airbyte_type} is a timestamp WITH time zone (Airbyte: "optionally
 *       airbyte_type: timestamp_with_timezone"). {@code format: time} without {@code airbyte_type} is a time WITH
 *       time zone, as in Airbyte's bulk-load CDK ({@code JsonSchemaToAirbyteType}); nothing is lost by it, since a
 *       value without offset still decodes (as UTC). {@code format: date} is a date.</li>
 *   <li>{@code contentEncoding: base64} on a string is binary.</li>
 *   <li>{@code "type": [...]}: {@code "null"} is dropped (every type is nullable), one type left is that type, more
 *       make a union, each option read with the schema's other keywords ({@code format}, {@code items}, ...).</li>
 *   <li>{@code oneOf}/{@code anyOf} (read when there is no {@code type}): a union of the non-null options; a single
 *       option is that option. {@code allOf} is not part of Airbyte's type system: unknown.</li>
 *   <li>Without {@code type}: {@code properties} means an object, {@code items} an array; otherwise unknown
 *       ({@code {}}, {@code true}, {@code false}, a non-object schema, {@code "type": 5}).</li>
 *   <li>Arrays: {@code items} as a schema gives the item type; as a list (tuple) the union of its entries; absent,
 *       unknown items.</li>
 * </ul>
 */
public final class JsonSchemas {
  private static final String WELL_KNOWN_PREFIX = "WellKnownTypes.json#";
  // Deeper schemas are not produced by real sources; the limit only keeps a hostile catalog from overflowing the stack.
  private static final int MAX_DEPTH = 200;

  private JsonSchemas() {}

  /** The type that {@code jsonSchema} (any JSON, possibly null) declares; {@link AirbyteType#UNKNOWN} if none. */
  public static AirbyteType parse(JsonNode jsonSchema) {
    return read(jsonSchema, 0);
  }

  /**
   * The type of a stream's records: its top-level schema is an object; a schema that is not one (or declares no
   * properties) gives a schemaless object.
   */
  public static AirbyteType.ObjectType parseStream(JsonNode jsonSchema) {
    AirbyteType type = parse(jsonSchema);
    return type instanceof AirbyteType.ObjectType ? (AirbyteType.ObjectType) type : AirbyteType.ObjectType.schemaless();
  }

  /** {@link #parseStream(JsonNode)} of a schema given as JSON text, as generated codecs embed it. */
  public static AirbyteType.ObjectType parseStreamJson(String json) {
    try {
      return parseStream(JsonTrees.parse(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON schema: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AirbyteType read(JsonNode schema, int depth) {
    if (schema == null || !schema.isObject() || depth > MAX_DEPTH) {
      return AirbyteType.UNKNOWN;
    }
    AirbyteType wellKnown = wellKnown(schema.get("$ref"));
    if (wellKnown != null) {
      return wellKnown;
    }
    JsonNode type = schema.get("type");
    if (type != null) {
      if (type.isTextual()) {
        AirbyteType named = ofTypeName(type.textValue(), schema, depth);
        return named == null ? AirbyteType.UNKNOWN : named;
      }
      if (type.isArray()) {
        List<AirbyteType> options = new ArrayList<>();
        for (JsonNode name : type) {
          AirbyteType option = name.isTextual() ? ofTypeName(name.textValue(), schema, depth) : null;
          if (option != null) {
            options.add(option);
          }
        }
        return AirbyteType.UnionType.of(options);
      }
      return AirbyteType.UNKNOWN;
    }
    JsonNode options = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
    if (options != null) {
      if (!options.isArray()) {
        return AirbyteType.UNKNOWN;
      }
      List<AirbyteType> types = new ArrayList<>();
      for (JsonNode option : options) {
        if (!isNullOnly(option)) {
          types.add(read(option, depth + 1));
        }
      }
      return AirbyteType.UnionType.of(types);
    }
    if (schema.has("allOf")) {
      return AirbyteType.UNKNOWN;
    }
    if (schema.get("properties") != null && schema.get("properties").isObject()) {
      return object(schema, depth);
    }
    if (schema.has("items")) {
      return array(schema, depth);
    }
    return AirbyteType.UNKNOWN;
  }

  /** The type for one JSON Schema type name, reading the schema's other keywords; null for "null". */
  private static AirbyteType ofTypeName(String name, JsonNode schema, int depth) {
    String airbyteType = text(schema, "airbyte_type");
    switch (name) {
      case "string":
        return string(schema, airbyteType);
      case "boolean":
        return AirbyteType.BOOLEAN;
      case "integer":
        return AirbyteType.INTEGER;
      case "number":
        return "integer".equals(airbyteType) || "big_integer".equals(airbyteType)
            ? AirbyteType.INTEGER : AirbyteType.NUMBER;
      case "array":
        return array(schema, depth);
      case "object":
        return object(schema, depth);
      case "null":
        return null;
      default:
        return AirbyteType.UNKNOWN;
    }
  }

  private static AirbyteType string(JsonNode schema, String airbyteType) {
    if (airbyteType != null) {
      switch (airbyteType) {
        case "timestamp_with_timezone":
          return AirbyteType.TIMESTAMP_WITH_TIMEZONE;
        case "timestamp_without_timezone":
          return AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE;
        case "time_with_timezone":
          return AirbyteType.TIME_WITH_TIMEZONE;
        case "time_without_timezone":
          return AirbyteType.TIME_WITHOUT_TIMEZONE;
        case "integer":
        case "big_integer":
          return AirbyteType.INTEGER;
        case "big_number":
          return AirbyteType.NUMBER;
        default:
          break;
      }
    }
    if ("base64".equals(text(schema, "contentEncoding"))) {
      return AirbyteType.BINARY;
    }
    String format = text(schema, "format");
    if (format == null) {
      return AirbyteType.STRING;
    }
    switch (format) {
      case "date":
        return AirbyteType.DATE;
      case "date-time":
        return AirbyteType.TIMESTAMP_WITH_TIMEZONE;
      case "time":
        return AirbyteType.TIME_WITH_TIMEZONE;
      default:
        return AirbyteType.STRING;
    }
  }

  private static AirbyteType array(JsonNode schema, int depth) {
    JsonNode items = schema.get("items");
    if (items == null || !(items.isObject() || items.isArray())) {
      return new AirbyteType.ArrayType(AirbyteType.UNKNOWN);
    }
    if (items.isObject()) {
      return new AirbyteType.ArrayType(read(items, depth + 1));
    }
    List<AirbyteType> types = new ArrayList<>();
    for (JsonNode item : items) {
      types.add(read(item, depth + 1));
    }
    return new AirbyteType.ArrayType(AirbyteType.UnionType.of(types));
  }

  private static AirbyteType object(JsonNode schema, int depth) {
    JsonNode properties = schema.get("properties");
    if (properties == null || !properties.isObject()) {
      return AirbyteType.ObjectType.schemaless();
    }
    Map<String, AirbyteType> types = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      types.put(property.getKey(), read(property.getValue(), depth + 1));
    }
    return new AirbyteType.ObjectType(types);
  }

  private static AirbyteType wellKnown(JsonNode ref) {
    if (ref == null || !ref.isTextual() || !ref.textValue().startsWith(WELL_KNOWN_PREFIX)) {
      return null;
    }
    String pointer = ref.textValue().substring(WELL_KNOWN_PREFIX.length());
    String name;
    if (pointer.startsWith("/definitions/")) {
      name = pointer.substring("/definitions/".length());
    } else if (pointer.startsWith("definitions/")) {
      name = pointer.substring("definitions/".length());
    } else {
      return null;
    }
    switch (name) {
      case "String":
        return AirbyteType.STRING;
      case "BinaryData":
        return AirbyteType.BINARY;
      case "Boolean":
        return AirbyteType.BOOLEAN;
      case "Date":
        return AirbyteType.DATE;
      case "TimestampWithTimezone":
        return AirbyteType.TIMESTAMP_WITH_TIMEZONE;
      case "TimestampWithoutTimezone":
        return AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE;
      case "TimeWithTimezone":
        return AirbyteType.TIME_WITH_TIMEZONE;
      case "TimeWithoutTimezone":
        return AirbyteType.TIME_WITHOUT_TIMEZONE;
      case "Number":
        return AirbyteType.NUMBER;
      case "Integer":
        return AirbyteType.INTEGER;
      default:
        return null;
    }
  }

  /** Whether a union option allows only null ({@code {"type": "null"}} or {@code {"type": ["null"]}}). */
  private static boolean isNullOnly(JsonNode option) {
    JsonNode type = option == null ? null : option.get("type");
    if (type == null) {
      return false;
    }
    if (type.isTextual()) {
      return "null".equals(type.textValue());
    }
    if (type.isArray() && type.size() > 0) {
      for (JsonNode name : type) {
        if (!"null".equals(name.textValue())) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static String text(JsonNode schema, String key) {
    JsonNode value = schema.get(key);
    return value != null && value.isTextual() ? value.textValue() : null;
  }
}

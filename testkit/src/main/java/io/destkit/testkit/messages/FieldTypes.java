package io.destkit.testkit.messages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON schemas of the Airbyte types, as sources declare them in a stream's {@code json_schema}. The plain methods give
 * the v0 style ({@code type}, {@code format}, {@code airbyte_type}); {@link WellKnown} gives the v1 style
 * ({@code $ref} to {@code WellKnownTypes.json}). Each call returns a new, mutable node.
 */
public final class FieldTypes {
  private FieldTypes() {}

  /** {@code {"type": "string"}}. */
  public static ObjectNode string() {
    return type("string");
  }

  /** {@code {"type": "boolean"}}. */
  public static ObjectNode bool() {
    return type("boolean");
  }

  /** {@code {"type": "integer"}}. */
  public static ObjectNode integer() {
    return type("integer");
  }

  /** {@code {"type": "number"}}. */
  public static ObjectNode number() {
    return type("number");
  }

  /** {@code {"type": "number", "airbyte_type": "integer"}}: how some sources declare whole numbers. */
  public static ObjectNode numberAsInteger() {
    return type("number").put("airbyte_type", "integer");
  }

  /** {@code {"type": "string", "airbyte_type": "big_number"}}: a number sent as text, as old sources did. */
  public static ObjectNode bigNumber() {
    return type("string").put("airbyte_type", "big_number");
  }

  /** {@code {"type": "string", "format": "date"}}. */
  public static ObjectNode date() {
    return type("string").put("format", "date");
  }

  /** {@code {"type": "string", "format": "date-time", "airbyte_type": "timestamp_with_timezone"}}. */
  public static ObjectNode timestampWithTimezone() {
    return type("string").put("format", "date-time").put("airbyte_type", "timestamp_with_timezone");
  }

  /** {@code {"type": "string", "format": "date-time", "airbyte_type": "timestamp_without_timezone"}}. */
  public static ObjectNode timestampWithoutTimezone() {
    return type("string").put("format", "date-time").put("airbyte_type", "timestamp_without_timezone");
  }

  /** {@code {"type": "string", "format": "time", "airbyte_type": "time_with_timezone"}}. */
  public static ObjectNode timeWithTimezone() {
    return type("string").put("format", "time").put("airbyte_type", "time_with_timezone");
  }

  /** {@code {"type": "string", "format": "time", "airbyte_type": "time_without_timezone"}}. */
  public static ObjectNode timeWithoutTimezone() {
    return type("string").put("format", "time").put("airbyte_type", "time_without_timezone");
  }

  /** {@code {"type": "string", "contentEncoding": "base64"}}: bytes, sent as base64. */
  public static ObjectNode binary() {
    return type("string").put("contentEncoding", "base64");
  }

  /** {@code {"type": "array", "items": items}}. */
  public static ObjectNode arrayOf(ObjectNode items) {
    ObjectNode schema = type("array");
    schema.set("items", items);
    return schema;
  }

  /** {@code {"type": "array"}}: an array of anything. */
  public static ObjectNode schemalessArray() {
    return type("array");
  }

  /** {@code {"type": "object", "properties": {...}}}. */
  public static ObjectNode object(Field... properties) {
    ObjectNode schema = type("object");
    ObjectNode props = schema.putObject("properties");
    for (Field property : properties) {
      props.set(property.name(), property.schema());
    }
    return schema;
  }

  /** {@code {"type": "object"}}: an object with any keys. */
  public static ObjectNode schemalessObject() {
    return type("object");
  }

  /** {@code {}}: no type at all, any JSON value. */
  public static ObjectNode anything() {
    return Json.MAPPER.createObjectNode();
  }

  /** {@code schema} with {@code "null"} added to its {@code type}: {@code {"type": ["null", "string"]}}. */
  public static ObjectNode nullable(ObjectNode schema) {
    ObjectNode copy = schema.deepCopy();
    ArrayNode types = Json.MAPPER.createArrayNode().add("null");
    if (copy.path("type").isArray()) {
      copy.get("type").forEach(types::add);
    } else if (copy.path("type").isTextual()) {
      types.add(copy.get("type").textValue());
    }
    copy.set("type", types);
    return copy;
  }

  /** {@code {"type": ["string", "integer", ...]}}: a union written as a list of type names. */
  public static ObjectNode typeUnion(String... typeNames) {
    ObjectNode schema = Json.MAPPER.createObjectNode();
    ArrayNode types = schema.putArray("type");
    for (String name : typeNames) {
      types.add(name);
    }
    return schema;
  }

  /** {@code {"oneOf": [...]}}: a union of schemas. */
  public static ObjectNode oneOf(ObjectNode... options) {
    ObjectNode schema = Json.MAPPER.createObjectNode();
    ArrayNode list = schema.putArray("oneOf");
    for (ObjectNode option : options) {
      list.add(option);
    }
    return schema;
  }

  /** {@code {"anyOf": [...]}}: a union of schemas. */
  public static ObjectNode anyOf(ObjectNode... options) {
    ObjectNode schema = Json.MAPPER.createObjectNode();
    ArrayNode list = schema.putArray("anyOf");
    for (ObjectNode option : options) {
      list.add(option);
    }
    return schema;
  }

  private static ObjectNode type(String name) {
    return Json.MAPPER.createObjectNode().put("type", name);
  }

  /** The v1 types: {@code {"$ref": "WellKnownTypes.json#/definitions/<Name>"}}. */
  public enum WellKnown {
    /** Text. */
    STRING("String"),
    /** {@code true} or {@code false}. */
    BOOLEAN("Boolean"),
    /** A whole number of any size. */
    INTEGER("Integer"),
    /** A decimal number of any size. */
    NUMBER("Number"),
    /** A date, e.g. {@code 2024-02-29}. */
    DATE("Date"),
    /** An instant, e.g. {@code 2024-03-01T09:30:00+02:00}. */
    TIMESTAMP_WITH_TIMEZONE("TimestampWithTimezone"),
    /** A wall-clock date and time, e.g. {@code 2024-03-01T09:30:00}. */
    TIMESTAMP_WITHOUT_TIMEZONE("TimestampWithoutTimezone"),
    /** A time of day with offset, e.g. {@code 10:15:30+05:30}. */
    TIME_WITH_TIMEZONE("TimeWithTimezone"),
    /** A wall-clock time of day, e.g. {@code 23:59:59.999}. */
    TIME_WITHOUT_TIMEZONE("TimeWithoutTimezone"),
    /** Bytes, sent as base64. */
    BINARY_DATA("BinaryData");

    private final String definition;

    WellKnown(String definition) {
      this.definition = definition;
    }

    /** The schema {@code {"$ref": "WellKnownTypes.json#/definitions/<Name>"}}. */
    public ObjectNode ref() {
      return Json.MAPPER.createObjectNode().put("$ref", "WellKnownTypes.json#/definitions/" + definition);
    }
  }
}

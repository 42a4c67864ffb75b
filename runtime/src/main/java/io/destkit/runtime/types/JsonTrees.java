package io.destkit.runtime.types;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Map;

/**
 * JSON trees read and written with Jackson's streaming API alone, and the ISO-8601 text of dates and times: what
 * the runtime and generated codecs call, so that they all read and write alike.
 *
 * <p>No {@code ObjectMapper} is made on a connector's way to its first record: building Jackson's data binding costs
 * a new process about 0.15 s of class loading and set-up (BENCHMARKS.md), more than reading a typical catalog. The
 * trees are the ones {@code ObjectMapper.readTree} gives (an int as {@code IntNode}, a larger one as {@code LongNode}
 * or {@code BigIntegerNode}, a fraction as {@code DoubleNode}, or as {@code DecimalNode} without its trailing zeros
 * when big decimals are asked for); {@code JsonTreesTest} holds them equal.
 */
public final class JsonTrees {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonTrees() {}

  /**
   * The value the parser is on (or, before any token, the next one), as a tree with fractions as decimals; the parser
   * is left on the value's last token. Null at the end of input.
   */
  public static JsonNode read(JsonParser parser) throws IOException {
    return read(parser, true);
  }

  /** As {@link #read(JsonParser)}, with fractions as doubles when {@code bigDecimals} is false. */
  public static JsonNode read(JsonParser parser, boolean bigDecimals) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      token = parser.nextToken();
      if (token == null) {
        return null;
      }
    }
    if (token == JsonToken.FIELD_NAME) {
      // As data binding does: the rest of the object the parser is in, from this field on.
      ObjectNode rest = NODES.objectNode();
      String name = parser.currentName();
      do {
        rest.set(name, value(parser, parser.nextToken(), bigDecimals));
      } while ((name = parser.nextFieldName()) != null);
      return rest;
    }
    return value(parser, token, bigDecimals);
  }

  /** The first value of the JSON text as a tree, fractions as doubles (what follows it is not read); null for none. */
  public static JsonNode parse(String json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return read(parser, false);
    }
  }

  /** The first value of the input as a tree, fractions as doubles (what follows it is not read); null for none. */
  public static JsonNode parse(byte[] json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return read(parser, false);
    }
  }

  /**
   * The parser's one value as a tree, null for no value at all; a {@link JsonParseException} at whatever follows it.
   */
  public static JsonNode whole(JsonParser parser, boolean bigDecimals) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      return null;
    }
    JsonNode node = value(parser, first, bigDecimals);
    JsonToken after = parser.nextToken();
    if (after != null) {
      throw new JsonParseException(parser, "Trailing token (of type " + after + ") found after value",
          parser.currentTokenLocation());
    }
    return node;
  }

  /** A generator of JSON text into {@code out}, UTF-8. */
  public static JsonGenerator generator(OutputStream out) throws IOException {
    return FACTORY.createGenerator(out, JsonEncoding.UTF8);
  }

  private static JsonNode value(JsonParser parser, JsonToken token, boolean bigDecimals) throws IOException {
    return switch (token) {
      case START_OBJECT -> object(parser, bigDecimals);
      case START_ARRAY -> array(parser, bigDecimals);
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> NODES.numberNode(parser.getIntValue());
        case LONG -> NODES.numberNode(parser.getLongValue());
        default -> NODES.numberNode(parser.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> bigDecimals && !parser.isNaN()
          ? decimal(parser.getDecimalValue()) : NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      case VALUE_EMBEDDED_OBJECT -> embedded(parser.getEmbeddedObject());
      case FIELD_NAME, END_OBJECT, END_ARRAY, NOT_AVAILABLE ->
          throw new JsonParseException(parser, "Unexpected token (" + token + ") where a value starts");
    };
  }

  private static ObjectNode object(JsonParser parser, boolean bigDecimals) throws IOException {
    ObjectNode object = NODES.objectNode();
    String name;
    while ((name = parser.nextFieldName()) != null) {
      object.set(name, value(parser, parser.nextToken(), bigDecimals));
    }
    return object;
  }

  private static ArrayNode array(JsonParser parser, boolean bigDecimals) throws IOException {
    ArrayNode array = NODES.arrayNode();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      array.add(value(parser, token, bigDecimals));
    }
    return array;
  }

  /** A decimal as {@code ObjectMapper} keeps it by default: zero as zero, others without trailing zeros. */
  private static JsonNode decimal(BigDecimal value) {
    return NODES.numberNode(value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
  }

  private static JsonNode embedded(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    return value instanceof byte[] bytes ? NODES.binaryNode(bytes) : NODES.pojoNode(value);
  }

  /** Writes a value kept by a record: a tree, or anything Jackson's data binding can write. */
  public static void write(JsonGenerator generator, Object value) throws IOException {
    if (value instanceof JsonNode node) {
      writeTree(generator, node);
    } else {
      Binding.MAPPER.writeValue(generator, value);
    }
  }

  /** Writes a tree as {@code ObjectMapper.writeTree} does with its defaults (a missing node as null). */
  public static void writeTree(JsonGenerator generator, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        generator.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          generator.writeFieldName(field.getKey());
          writeTree(generator, field.getValue());
        }
        generator.writeEndObject();
      }
      case ARRAY -> {
        generator.writeStartArray();
        for (JsonNode element : node) {
          writeTree(generator, element);
        }
        generator.writeEndArray();
      }
      case STRING -> generator.writeString(node.textValue());
      case NUMBER -> {
        switch (node.numberType()) {
          case INT -> generator.writeNumber(node.intValue());
          case LONG -> generator.writeNumber(node.longValue());
          case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
          case FLOAT -> generator.writeNumber(node.floatValue());
          case DOUBLE -> generator.writeNumber(node.doubleValue());
          case BIG_DECIMAL -> generator.writeNumber(node.decimalValue());
        }
      }
      case BOOLEAN -> generator.writeBoolean(node.booleanValue());
      case NULL, MISSING -> generator.writeNull();
      case BINARY -> generator.writeBinary(node.binaryValue());
      case POJO -> write(generator, ((POJONode) node).getPojo());
    }
  }

  /** A date or time as ISO-8601 text, always with seconds. */
  public static String iso(TemporalAccessor value) {
    if (value instanceof OffsetDateTime) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
    } else if (value instanceof LocalDateTime) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value);
    } else if (value instanceof OffsetTime) {
      return DateTimeFormatter.ISO_OFFSET_TIME.format(value);
    } else if (value instanceof LocalTime) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(value);
    } else if (value instanceof LocalDate) {
      return DateTimeFormatter.ISO_LOCAL_DATE.format(value);
    }
    return value.toString();
  }

  /** Jackson's data binding, made only when a record keeps a value that is not a tree. */
  private static final class Binding {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}

package io.destkit.testkit.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * JSON values for test data, written the way a test reads: {@code object("id", 1, "name", "Ada")},
 * {@code array("a", "b")}, {@code parse("{...}")}. Numbers keep their exact text: a {@link BigDecimal} is written
 * digit for digit, and parsed JSON keeps {@code 12.50} as {@code 12.50}.
 */
public final class Json {
  /** Parses and writes JSON with exact numbers (decimals as {@link BigDecimal}, never through {@code double}). */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      // 12.50 stays 12.50: a test sees exactly the number it wrote.
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private Json() {}

  /**
   * An object from alternating keys and values; values may be null, String, Boolean, any Number, JsonNode, byte[]
   * (written as base64), Map or List (converted recursively).
   */
  public static ObjectNode object(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("object(...) takes keys and values in pairs; got " + keysAndValues.length
          + " arguments");
    }
    ObjectNode object = MAPPER.createObjectNode();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (!(keysAndValues[i] instanceof String)) {
        throw new IllegalArgumentException("Argument " + i + " of object(...) must be a String key, not "
            + keysAndValues[i]);
      }
      object.set((String) keysAndValues[i], value(keysAndValues[i + 1]));
    }
    return object;
  }

  /** An array of the values, converted as {@link #object} converts values. */
  public static ArrayNode array(Object... values) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Object value : values) {
      array.add(value(value));
    }
    return array;
  }

  /** The JSON value of a Java value (see {@link #object}). */
  public static JsonNode value(Object value) {
    JsonNodeFactory nodes = MAPPER.getNodeFactory();
    if (value == null) {
      return nodes.nullNode();
    } else if (value instanceof JsonNode json) {
      return json;
    } else if (value instanceof String text) {
      return nodes.textNode(text);
    } else if (value instanceof Boolean bool) {
      return nodes.booleanNode(bool);
    } else if (value instanceof Integer number) {
      return nodes.numberNode(number);
    } else if (value instanceof Long number) {
      return nodes.numberNode(number);
    } else if (value instanceof BigInteger number) {
      return nodes.numberNode(number);
    } else if (value instanceof BigDecimal number) {
      return nodes.numberNode(number);
    } else if (value instanceof Number number) {
      // float, double, short, byte: through their decimal text, as a person would write them
      return nodes.numberNode(new BigDecimal(number.toString()));
    } else if (value instanceof byte[] bytes) {
      return nodes.textNode(Base64.getEncoder().encodeToString(bytes));
    } else if (value instanceof Map<?, ?> map) {
      ObjectNode object = MAPPER.createObjectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        object.set(String.valueOf(entry.getKey()), value(entry.getValue()));
      }
      return object;
    } else if (value instanceof List<?> list) {
      ArrayNode array = MAPPER.createArrayNode();
      for (Object item : list) {
        array.add(value(item));
      }
      return array;
    }
    throw new IllegalArgumentException("No JSON form for a " + value.getClass().getName() + ": " + value);
  }

  /** Parses JSON text, keeping numbers exact. */
  public static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Compact JSON text of {@code json}, numbers exactly as held. */
  public static String write(JsonNode json) {
    try {
      return MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree always has a text form", e);
    }
  }
}

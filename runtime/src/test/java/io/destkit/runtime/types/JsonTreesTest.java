package io.destkit.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trees read and written with the streaming API alone are the ones Jackson's data binding reads and writes, node type
 * for node type (an {@code IntNode} is not equal to a {@code LongNode} of the same value), with fractions as doubles
 * and as decimals.
 */
class JsonTreesTest {
  private static final ObjectMapper DOUBLES = new ObjectMapper();
  private static final ObjectMapper DECIMALS = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final JsonFactory FACTORY = new JsonFactory();

  @ParameterizedTest
  @ValueSource(strings = {
      "{}", "[]", "null", "true", "false", "\"text\"", "\"\\u00e9\\n\\\"\"", "0", "-0", "1", "-1", "2147483647",
      "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-92233720368547758090",
      "0.0", "-0.0", "1.50", "100.00", "1e3", "1E+3", "1.5e-7", "123456789.123456789123", "1e400", "0e10",
      "{\"a\":1,\"b\":[1,2.5,{\"c\":null}],\"d\":{\"e\":\"f\",\"g\":true}}",
      "{\"same\":1,\"same\":2}", "[[[[]]],{}]", "{\"\":\"\"}",
      "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"s\"},"
          + "\"stream_state\":{\"cursor\":12.25,\"n\":7}},\"sourceStats\":{\"recordCount\":10.0}}}"})
  void readsWhatDataBindingReads(String json) throws IOException {
    assertEquals(DOUBLES.readTree(json), JsonTrees.parse(json), "fractions as doubles: " + json);
    assertEquals(DOUBLES.readTree(json), JsonTrees.parse(json.getBytes(StandardCharsets.UTF_8)), json);
    try (JsonParser parser = FACTORY.createParser(json)) {
      assertEquals(DECIMALS.readTree(json), JsonTrees.read(parser), "fractions as decimals: " + json);
    }
    try (JsonParser parser = FACTORY.createParser(json)) {
      assertEquals(DECIMALS.readTree(json), JsonTrees.whole(parser, true), json);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"a\":1,\"b\":[1,2.5,{\"c\":null}],\"d\":{\"e\":\"f\",\"g\":true}}", "[1.50,1e3,-0.0,9223372036854775808]",
      "\"\\u2028 and \\u0001\"", "{\"x\":123456789.123456789123}"})
  void writesWhatDataBindingWrites(String json) throws IOException {
    for (ObjectMapper mapper : new ObjectMapper[] {DOUBLES, DECIMALS}) {
      JsonNode tree = mapper.readTree(json);
      assertEquals(mapper.writeValueAsString(tree), written(tree), json);
    }
  }

  @Test
  void writesOtherValuesThroughDataBinding() throws IOException {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.putPOJO("day", Map.of("d", LocalDate.of(2024, 1, 2).toString()));
    tree.set("gone", MissingNode.getInstance());
    tree.put("bytes", new byte[] {1, 2, 3});
    assertEquals("{\"day\":{\"d\":\"2024-01-02\"},\"gone\":null,\"bytes\":\"AQID\"}", written(tree));
  }

  @Test
  void readsFromTheTokenItIsOnAndLeavesTheParserOnTheValuesLastToken() throws IOException {
    try (JsonParser parser = FACTORY.createParser("{\"a\":[1,{\"b\":2}],\"c\":3}")) {
      assertEquals(JsonToken.START_OBJECT, parser.nextToken());
      assertEquals("a", parser.nextFieldName());
      parser.nextToken();
      assertEquals(DOUBLES.readTree("[1,{\"b\":2}]"), JsonTrees.read(parser));
      assertEquals(JsonToken.END_ARRAY, parser.currentToken());
      assertEquals("c", parser.nextFieldName());
    }
    try (JsonParser parser = FACTORY.createParser("{\"a\":1,\"b\":2.5}")) {
      parser.nextToken();
      parser.nextToken();
      assertEquals(DECIMALS.readTree("{\"a\":1,\"b\":2.5}"), JsonTrees.read(parser), "from a field name: the rest");
    }
    try (JsonParser parser = FACTORY.createParser("  ")) {
      assertNull(JsonTrees.read(parser));
    }
  }

  @Test
  void aWholeValueIsAllTheInputHolds() throws IOException {
    try (JsonParser parser = FACTORY.createParser("{\"a\":1} {\"b\":2}")) {
      JsonParseException e = assertThrows(JsonParseException.class, () -> JsonTrees.whole(parser, true));
      assertEquals(1, e.getLocation().getLineNr());
      assertEquals(9, e.getLocation().getColumnNr(), "where the trailing value starts");
    }
    try (JsonParser parser = FACTORY.createParser("")) {
      assertNull(JsonTrees.whole(parser, false));
    }
    assertEquals(DOUBLES.readTree("{\"a\":1}"), JsonTrees.parse("{\"a\":1} trailing is not read"));
    assertEquals(new BigDecimal("1.5"), DECIMALS.readTree("1.50").decimalValue());
  }

  private static String written(JsonNode tree) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var generator = JsonTrees.generator(out)) {
      JsonTrees.writeTree(generator, tree);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}

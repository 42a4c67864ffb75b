package io.destkit.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static AirbyteType parse(String schema) {
    try {
      return JsonSchemas.parse(MAPPER.readTree(schema));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static AirbyteType union(AirbyteType... options) {
    return new AirbyteType.UnionType(List.of(options));
  }

  private static AirbyteType.ObjectType object(Object... namesAndTypes) {
    Map<String, AirbyteType> properties = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      properties.put((String) namesAndTypes[i], (AirbyteType) namesAndTypes[i + 1]);
    }
    return new AirbyteType.ObjectType(properties);
  }

  @Nested
  class V0 {
    @Test
    void primitiveTypes() {
      assertEquals(AirbyteType.STRING, parse("{\"type\": \"string\"}"));
      assertEquals(AirbyteType.BOOLEAN, parse("{\"type\": \"boolean\"}"));
      assertEquals(AirbyteType.INTEGER, parse("{\"type\": \"integer\"}"));
      assertEquals(AirbyteType.NUMBER, parse("{\"type\": \"number\"}"));
      assertEquals(AirbyteType.STRING, parse("{\"type\": \"string\", \"format\": \"email\"}"));
    }

    @Test
    void airbyteTypeNarrowsNumbers() {
      assertEquals(AirbyteType.INTEGER, parse("{\"type\": \"number\", \"airbyte_type\": \"integer\"}"));
      assertEquals(AirbyteType.INTEGER, parse("{\"type\": \"number\", \"airbyte_type\": \"big_integer\"}"));
      assertEquals(AirbyteType.INTEGER, parse("{\"type\": \"integer\", \"airbyte_type\": \"big_integer\"}"));
      assertEquals(AirbyteType.INTEGER, parse("{\"type\": \"string\", \"airbyte_type\": \"big_integer\"}"));
      assertEquals(AirbyteType.NUMBER, parse("{\"type\": \"number\", \"airbyte_type\": \"big_number\"}"));
      assertEquals(AirbyteType.NUMBER, parse("{\"type\": \"string\", \"airbyte_type\": \"big_number\"}"));
    }

    @Test
    void datesAndTimestamps() {
      assertEquals(AirbyteType.DATE, parse("{\"type\": \"string\", \"format\": \"date\"}"));
      assertEquals(AirbyteType.TIMESTAMP_WITH_TIMEZONE, parse("{\"type\": \"string\", \"format\": \"date-time\"}"));
      assertEquals(AirbyteType.TIMESTAMP_WITH_TIMEZONE, parse(
          "{\"type\": \"string\", \"format\": \"date-time\", \"airbyte_type\": \"timestamp_with_timezone\"}"));
      assertEquals(AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE, parse(
          "{\"type\": \"string\", \"format\": \"date-time\", \"airbyte_type\": \"timestamp_without_timezone\"}"));
      assertEquals(AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE, parse(
          "{\"type\": \"string\", \"airbyte_type\": \"timestamp_without_timezone\"}"));
    }

    @Test
    void times() {
      assertEquals(AirbyteType.TIME_WITH_TIMEZONE, parse(
          "{\"type\": \"string\", \"format\": \"time\", \"airbyte_type\": \"time_with_timezone\"}"));
      assertEquals(AirbyteType.TIME_WITHOUT_TIMEZONE, parse(
          "{\"type\": \"string\", \"format\": \"time\", \"airbyte_type\": \"time_without_timezone\"}"));
      // Without airbyte_type, as Airbyte's bulk-load CDK reads it (and like date-time): with time zone.
      assertEquals(AirbyteType.TIME_WITH_TIMEZONE, parse("{\"type\": \"string\", \"format\": \"time\"}"));
      // Some Airbyte pages show the airbyte_type without format.
      assertEquals(AirbyteType.TIME_WITHOUT_TIMEZONE, parse(
          "{\"type\": \"string\", \"airbyte_type\": \"time_without_timezone\"}"));
      assertEquals(AirbyteType.TIME_WITH_TIMEZONE, parse(
          "{\"type\": \"string\", \"airbyte_type\": \"time_with_timezone\"}"));
    }

    @Test
    void base64IsBinary() {
      assertEquals(AirbyteType.BINARY, parse("{\"type\": \"string\", \"contentEncoding\": \"base64\"}"));
      assertEquals(AirbyteType.BINARY, parse("{\"type\": [\"null\", \"string\"], \"contentEncoding\": \"base64\"}"));
      assertEquals(AirbyteType.STRING, parse("{\"type\": \"string\", \"contentEncoding\": \"7bit\"}"));
    }

    @Test
    void nullableTypesAreJustTheType() {
      assertEquals(AirbyteType.STRING, parse("{\"type\": [\"null\", \"string\"]}"));
      assertEquals(AirbyteType.INTEGER, parse("{\"type\": [\"integer\", \"null\"]}"));
      assertEquals(AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE, parse("{\"type\": [\"null\", \"string\"],"
          + " \"format\": \"date-time\", \"airbyte_type\": \"timestamp_without_timezone\"}"));
      assertEquals(object("a", AirbyteType.DATE),
          parse("{\"type\": [\"null\", \"object\"], \"properties\": {\"a\": {\"type\": \"string\", \"format\": \"date\"}}}"));
      assertEquals(AirbyteType.STRING, parse("{\"type\": [\"string\"]}"));
      assertEquals(AirbyteType.STRING, parse("{\"type\": [\"string\", \"string\", \"null\"]}"));
    }

    @Test
    void severalTypesMakeAUnionOfTheSchemaReadAsEach() {
      assertEquals(union(AirbyteType.STRING, AirbyteType.INTEGER), parse("{\"type\": [\"string\", \"integer\"]}"));
      assertEquals(union(AirbyteType.TIMESTAMP_WITH_TIMEZONE, AirbyteType.INTEGER),
          parse("{\"type\": [\"null\", \"string\", \"integer\"], \"format\": \"date-time\"}"));
      assertEquals(union(object("a", AirbyteType.BOOLEAN), new AirbyteType.ArrayType(AirbyteType.NUMBER)),
          parse("{\"type\": [\"object\", \"array\"], \"properties\": {\"a\": {\"type\": \"boolean\"}},"
              + " \"items\": {\"type\": \"number\"}}"));
    }

    @Test
    void nestedObjectsKeepTheirPropertiesInOrder() {
      AirbyteType type = parse("{\"type\": \"object\", \"properties\": {"
          + "\"zeta\": {\"type\": \"string\"},"
          + "\"alpha\": {\"type\": \"object\", \"properties\": {"
          + "  \"inner\": {\"type\": \"object\", \"properties\": {\"deep\": {\"type\": \"integer\"}}},"
          + "  \"free\": {\"type\": \"object\"}}},"
          + "\"mid\": {\"type\": \"number\"}}}");
      AirbyteType.ObjectType expected = object(
          "zeta", AirbyteType.STRING,
          "alpha", object("inner", object("deep", AirbyteType.INTEGER), "free", AirbyteType.ObjectType.schemaless()),
          "mid", AirbyteType.NUMBER);
      assertEquals(expected, type);
      assertEquals(List.of("zeta", "alpha", "mid"), List.copyOf(((AirbyteType.ObjectType) type).properties().keySet()));
      assertTrue(AirbyteType.ObjectType.schemaless().isSchemaless());
      assertEquals(AirbyteType.ObjectType.schemaless(), parse("{\"type\": \"object\", \"properties\": {}}"));
    }

    @Test
    void arrays() {
      assertEquals(new AirbyteType.ArrayType(AirbyteType.UNKNOWN), parse("{\"type\": \"array\"}"));
      assertEquals(new AirbyteType.ArrayType(AirbyteType.UNKNOWN), parse("{\"type\": \"array\", \"items\": {}}"));
      assertEquals(new AirbyteType.ArrayType(AirbyteType.STRING),
          parse("{\"type\": \"array\", \"items\": {\"type\": [\"null\", \"string\"]}}"));
      assertEquals(new AirbyteType.ArrayType(object("id", AirbyteType.INTEGER, "at", AirbyteType.TIMESTAMP_WITH_TIMEZONE)),
          parse("{\"type\": \"array\", \"items\": {\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"integer\"},"
              + " \"at\": {\"type\": \"string\", \"format\": \"date-time\"}}}}"));
      assertEquals(new AirbyteType.ArrayType(new AirbyteType.ArrayType(AirbyteType.BOOLEAN)),
          parse("{\"type\": \"array\", \"items\": {\"type\": \"array\", \"items\": {\"type\": \"boolean\"}}}"));
      // Tuple-typed arrays: the union of the positions' types.
      assertEquals(new AirbyteType.ArrayType(union(AirbyteType.STRING, AirbyteType.INTEGER)),
          parse("{\"type\": \"array\", \"items\": [{\"type\": \"string\"}, {\"type\": \"integer\"}, {\"type\": \"string\"}]}"));
      assertEquals(new AirbyteType.ArrayType(AirbyteType.UNKNOWN), parse("{\"type\": \"array\", \"items\": []}"));
    }

    @Test
    void oneOfAndAnyOfAreUnionsOfTheNonNullOptions() {
      assertEquals(union(AirbyteType.STRING, object("a", AirbyteType.INTEGER)),
          parse("{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"integer\"}}}]}"));
      assertEquals(union(AirbyteType.INTEGER, AirbyteType.BOOLEAN),
          parse("{\"anyOf\": [{\"type\": \"null\"}, {\"type\": \"integer\"}, {\"type\": \"boolean\"}]}"));
      assertEquals(AirbyteType.DATE,
          parse("{\"oneOf\": [{\"type\": \"null\"}, {\"type\": \"string\", \"format\": \"date\"}]}"));
      assertEquals(AirbyteType.NUMBER, parse("{\"anyOf\": [{\"type\": \"number\"}]}"));
      // Nested unions flatten; repeated options count once.
      assertEquals(union(AirbyteType.STRING, AirbyteType.INTEGER, AirbyteType.BOOLEAN),
          parse("{\"oneOf\": [{\"type\": [\"string\", \"integer\"]}, {\"anyOf\": [{\"type\": \"boolean\"},"
              + " {\"type\": \"string\"}]}]}"));
      // An option that accepts anything makes the union accept anything.
      assertEquals(AirbyteType.UNKNOWN, parse("{\"oneOf\": [{\"type\": \"string\"}, {}]}"));
      assertEquals(AirbyteType.UNKNOWN, parse("{\"oneOf\": [{\"type\": \"null\"}]}"));
      assertEquals(AirbyteType.UNKNOWN, parse("{\"oneOf\": []}"));
    }

    @Test
    void withoutTypePropertiesMeanAnObjectAndItemsAnArray() {
      assertEquals(object("a", AirbyteType.STRING), parse("{\"properties\": {\"a\": {\"type\": \"string\"}}}"));
      assertEquals(new AirbyteType.ArrayType(AirbyteType.INTEGER), parse("{\"items\": {\"type\": \"integer\"}}"));
    }
  }

  @Nested
  class V1 {
    @Test
    void everyWellKnownType() {
      Map<String, AirbyteType> expected = new LinkedHashMap<>();
      expected.put("String", AirbyteType.STRING);
      expected.put("BinaryData", AirbyteType.BINARY);
      expected.put("Boolean", AirbyteType.BOOLEAN);
      expected.put("Date", AirbyteType.DATE);
      expected.put("TimestampWithTimezone", AirbyteType.TIMESTAMP_WITH_TIMEZONE);
      expected.put("TimestampWithoutTimezone", AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE);
      expected.put("TimeWithTimezone", AirbyteType.TIME_WITH_TIMEZONE);
      expected.put("TimeWithoutTimezone", AirbyteType.TIME_WITHOUT_TIMEZONE);
      expected.put("Number", AirbyteType.NUMBER);
      expected.put("Integer", AirbyteType.INTEGER);
      expected.forEach((name, type) -> {
        assertEquals(type, parse("{\"$ref\": \"WellKnownTypes.json#/definitions/" + name + "\"}"), name);
        // Airbyte's own page writes the pointer without the leading slash.
        assertEquals(type, parse("{\"$ref\": \"WellKnownTypes.json#definitions/" + name + "\"}"), name);
      });
    }

    @Test
    void refsInsideObjectsArraysAndUnions() {
      assertEquals(object("username", AirbyteType.STRING, "age", AirbyteType.INTEGER,
              "appointments", new AirbyteType.ArrayType(AirbyteType.TIMESTAMP_WITH_TIMEZONE)),
          parse("{\"type\": \"object\", \"properties\": {"
              + "\"username\": {\"$ref\": \"WellKnownTypes.json#/definitions/String\"},"
              + "\"age\": {\"$ref\": \"WellKnownTypes.json#/definitions/Integer\"},"
              + "\"appointments\": {\"type\": \"array\", \"items\": {\"$ref\": \"WellKnownTypes.json#/definitions/TimestampWithTimezone\"}}}}"));
      assertEquals(AirbyteType.INTEGER,
          parse("{\"oneOf\": [{\"type\": \"null\"}, {\"$ref\": \"WellKnownTypes.json#/definitions/Integer\"}]}"));
      assertEquals(union(AirbyteType.DATE, AirbyteType.NUMBER),
          parse("{\"anyOf\": [{\"$ref\": \"WellKnownTypes.json#/definitions/Date\"},"
              + " {\"$ref\": \"WellKnownTypes.json#/definitions/Number\"}]}"));
    }

    @Test
    void otherRefsAreUnknownUnlessTheSchemaSaysMore() {
      assertEquals(AirbyteType.UNKNOWN, parse("{\"$ref\": \"WellKnownTypes.json#/definitions/Decimal\"}"));
      assertEquals(AirbyteType.UNKNOWN, parse("{\"$ref\": \"#/definitions/Thing\"}"));
      assertEquals(AirbyteType.UNKNOWN, parse("{\"$ref\": 5}"));
      assertEquals(AirbyteType.STRING, parse("{\"$ref\": \"#/definitions/Thing\", \"type\": \"string\"}"));
    }
  }

  @Nested
  class OddSchemas {
    @Test
    void noTypeInformationIsUnknown() {
      assertEquals(AirbyteType.UNKNOWN, parse("{}"));
      assertEquals(AirbyteType.UNKNOWN, JsonSchemas.parse(BooleanNode.TRUE));
      assertEquals(AirbyteType.UNKNOWN, JsonSchemas.parse(BooleanNode.FALSE));
      assertEquals(AirbyteType.UNKNOWN, JsonSchemas.parse(null));
      assertEquals(AirbyteType.UNKNOWN, JsonSchemas.parse(NullNode.getInstance()));
      assertEquals(AirbyteType.UNKNOWN, JsonSchemas.parse(MissingNode.getInstance()));
      assertEquals(AirbyteType.UNKNOWN, parse("{\"description\": \"anything goes\"}"));
    }

    @Test
    void unreadableSchemasAreUnknown() {
      for (String odd : List.of("{\"type\": 5}", "{\"type\": \"nonsense\"}", "{\"type\": {\"a\": 1}}",
          "{\"type\": \"null\"}", "{\"type\": [\"null\"]}", "{\"type\": []}", "\"string\"", "[1, 2]", "42",
          "{\"oneOf\": \"string\"}", "{\"anyOf\": {\"type\": \"string\"}}",
          "{\"allOf\": [{\"type\": \"string\"}, {\"maxLength\": 3}]}", "{\"properties\": \"x\"}")) {
        assertEquals(AirbyteType.UNKNOWN, parse(odd), odd);
      }
    }

    @Test
    void oddPartsOfAReadableSchemaAreUnknownOrIgnored() {
      assertEquals(AirbyteType.STRING, parse("{\"type\": [\"string\", 5, null]}"));
      assertEquals(AirbyteType.STRING, parse("{\"type\": \"string\", \"format\": 7, \"airbyte_type\": [1]}"));
      assertEquals(new AirbyteType.ArrayType(AirbyteType.UNKNOWN), parse("{\"type\": \"array\", \"items\": 5}"));
      assertEquals(AirbyteType.ObjectType.schemaless(), parse("{\"type\": \"object\", \"properties\": [1]}"));
      assertEquals(object("a", AirbyteType.UNKNOWN, "b", AirbyteType.UNKNOWN),
          parse("{\"type\": \"object\", \"properties\": {\"a\": 5, \"b\": {\"type\": \"whatever\"}}}"));
    }

    @Test
    void absurdlyDeepSchemasStopBeingReadButDoNotCrash() {
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      ObjectNode current = root;
      for (int i = 0; i < 100_000; i++) {
        current.put("type", "array");
        current = current.putObject("items");
      }
      current.put("type", "string");
      AirbyteType type = JsonSchemas.parse(root);
      int depth = 0;
      while (type instanceof AirbyteType.ArrayType) {
        type = ((AirbyteType.ArrayType) type).items();
        depth++;
      }
      assertEquals(AirbyteType.UNKNOWN, type);
      assertTrue(depth > 100, "depth " + depth);
    }
  }

  @Nested
  class Streams {
    @Test
    void aStreamIsAnObject() throws Exception {
      JsonNode schema = MAPPER.readTree("{\"type\": \"object\", \"$schema\": \"http://json-schema.org/draft-07/schema#\","
          + " \"additionalProperties\": true, \"properties\": {\"id\": {\"type\": [\"null\", \"integer\"]},"
          + " \"doc\": {\"type\": [\"null\", \"object\"]}}}");
      assertEquals(object("id", AirbyteType.INTEGER, "doc", AirbyteType.ObjectType.schemaless()),
          JsonSchemas.parseStream(schema));
    }

    @Test
    void aStreamSchemaThatIsNotAnObjectIsASchemalessObject() throws Exception {
      assertEquals(AirbyteType.ObjectType.schemaless(), JsonSchemas.parseStream(MAPPER.readTree("{}")));
      assertEquals(AirbyteType.ObjectType.schemaless(), JsonSchemas.parseStream(BooleanNode.TRUE));
      assertEquals(AirbyteType.ObjectType.schemaless(), JsonSchemas.parseStream(MAPPER.readTree("{\"type\": \"string\"}")));
      assertEquals(AirbyteType.ObjectType.schemaless(), JsonSchemas.parseStream(null));
    }
  }

  @Test
  void aUnionIsTwoOrMoreDistinctPlainOptions() {
    assertThrows(IllegalArgumentException.class, () -> new AirbyteType.UnionType(List.of(AirbyteType.STRING)));
    assertThrows(IllegalArgumentException.class,
        () -> new AirbyteType.UnionType(List.of(AirbyteType.STRING, AirbyteType.STRING)));
    assertThrows(IllegalArgumentException.class,
        () -> new AirbyteType.UnionType(List.of(AirbyteType.STRING, AirbyteType.UNKNOWN)));
    assertEquals(AirbyteType.UNKNOWN, AirbyteType.UnionType.of(List.of()));
    assertEquals(AirbyteType.STRING, AirbyteType.UnionType.of(List.of(AirbyteType.STRING, AirbyteType.STRING)));
  }

  @Test
  void everyTypeNamesItsKind() {
    assertEquals(AirbyteType.Kind.TIME_WITHOUT_TIMEZONE, AirbyteType.TIME_WITHOUT_TIMEZONE.kind());
    assertEquals(AirbyteType.Kind.ARRAY, new AirbyteType.ArrayType(AirbyteType.UNKNOWN).kind());
    assertEquals(AirbyteType.Kind.OBJECT, AirbyteType.ObjectType.schemaless().kind());
    assertEquals(AirbyteType.Kind.UNION, union(AirbyteType.STRING, AirbyteType.BOOLEAN).kind());
    assertEquals(AirbyteType.Kind.UNKNOWN, AirbyteType.UNKNOWN.kind());
  }
}

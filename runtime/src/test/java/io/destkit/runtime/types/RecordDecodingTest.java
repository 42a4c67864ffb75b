package io.destkit.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads whole records field by field from one stream of JSON, as the engine does, with decoders from a schema. */
class RecordDecodingTest {
  private static final String SCHEMA = "{\"type\": \"object\", \"properties\": {"
      + "\"id\": {\"type\": \"integer\"},"
      + "\"name\": {\"type\": [\"null\", \"string\"]},"
      + "\"address\": {\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}},"
      + "\"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}},"
      + "\"updated_at\": {\"type\": \"string\", \"format\": \"date-time\", \"airbyte_type\": \"timestamp_with_timezone\"},"
      + "\"amount\": {\"$ref\": \"WellKnownTypes.json#/definitions/Number\"},"
      + "\"active\": {\"type\": \"boolean\"},"
      + "\"payload\": {\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"object\"}]},"
      + "\"day\": {\"type\": \"string\", \"format\": \"date\"}}}";

  /** What the engine made of one record. */
  private record Decoded(Map<String, Object> values, List<MetaChange> changes) {}

  @Test
  void recordsAreReadFieldByFieldWithGoodBadAndUnknownFields() throws IOException {
    AirbyteType.ObjectType stream = JsonSchemas.parseStream(new ObjectMapper().readTree(SCHEMA));
    Map<String, ValueDecoder> decoders = new LinkedHashMap<>();
    stream.properties().forEach((name, type) -> decoders.put(name, ValueDecoders.forType(type)));

    String input = String.join("\n",
        "{\"id\": 1, \"name\": \"Ada\", \"extra\": {\"deep\": [1, {\"x\": [2]}]}, \"address\": {\"city\": \"Paris\","
            + " \"zip\": [75001]}, \"tags\": [\"a\", \"b\"], \"updated_at\": \"2022-11-22T01:23:45Z\","
            + " \"amount\": 12.50, \"active\": true, \"payload\": {\"k\": [null]}, \"day\": \"2024-02-29\"}",
        "{\"id\": {\"nested\": [1, {\"deep\": true}]}, \"tags\": \"not-an-array\", \"address\": [1, [2]],"
            + " \"updated_at\": 12345, \"amount\": \"NaN\", \"active\": [true, {\"x\": 1}], \"day\": \"2023-02-29\","
            + " \"payload\": \"text\", \"name\": \"still read\"}",
        "{\"id\": 99999999999999999999, \"name\": null, \"payload\": 7}");

    List<Decoded> records = new ArrayList<>();
    try (JsonParser parser = Decoding.LENIENT.createParser(input)) {
      while (parser.nextToken() != null) {
        List<MetaChange> changes = new ArrayList<>();
        // A change the source already reported stays, ahead of the destination's own.
        changes.add(new MetaChange("name", MetaChange.Change.TRUNCATED, MetaChange.Reason.SOURCE_FIELD_SIZE_LIMITATION));
        records.add(readRecord(parser, decoders, changes));
      }
    }
    assertEquals(3, records.size());

    Decoded first = records.get(0);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("id", 1L);
    expected.put("name", "Ada");
    expected.put("address", new RawJson("{\"city\":\"Paris\",\"zip\":[75001]}"));
    expected.put("tags", new RawJson("[\"a\",\"b\"]"));
    expected.put("updated_at", OffsetDateTime.of(2022, 11, 22, 1, 23, 45, 0, ZoneOffset.UTC));
    expected.put("amount", new BigDecimal("12.50"));
    expected.put("active", true);
    expected.put("payload", new RawJson("{\"k\":[null]}"));
    expected.put("day", LocalDate.of(2024, 2, 29));
    assertEquals(expected, first.values());
    assertEquals(List.of(sourceChange()), first.changes());

    Decoded second = records.get(1);
    assertEquals("still read", second.values().get("name"));
    assertEquals(new RawJson("\"text\""), second.values().get("payload"));
    for (String nulled : List.of("id", "tags", "address", "updated_at", "amount", "active", "day")) {
      assertNull(second.values().get(nulled), nulled);
    }
    assertEquals(List.of(sourceChange(), MetaChange.typecastError("id"), MetaChange.typecastError("tags"),
        MetaChange.typecastError("address"), MetaChange.typecastError("updated_at"),
        MetaChange.typecastError("amount"), MetaChange.typecastError("active"), MetaChange.typecastError("day")),
        second.changes());

    Decoded third = records.get(2);
    assertNull(third.values().get("id"));
    assertNull(third.values().get("name"));
    assertEquals(new RawJson("7"), third.values().get("payload"));
    assertEquals(List.of(sourceChange(), MetaChange.tooLarge("id")), third.changes());
  }

  private static MetaChange sourceChange() {
    return new MetaChange("name", MetaChange.Change.TRUNCATED, MetaChange.Reason.SOURCE_FIELD_SIZE_LIMITATION);
  }

  /** The engine's loop: the parser is on the record's START_OBJECT and is left on its END_OBJECT. */
  private static Decoded readRecord(JsonParser parser, Map<String, ValueDecoder> decoders, List<MetaChange> changes)
      throws IOException {
    assertEquals(JsonToken.START_OBJECT, parser.currentToken());
    Map<String, Object> values = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      ValueDecoder decoder = decoders.get(field);
      if (decoder == null) {
        parser.skipChildren();
      } else {
        values.put(field, decoder.decode(parser, field, changes));
      }
    }
    assertEquals(JsonToken.END_OBJECT, parser.currentToken());
    return new Decoded(values, changes);
  }
}

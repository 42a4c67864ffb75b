package io.destkit.testkit.speed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.google.protobuf.CodedInputStream;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.types.ProtobufValues;
import io.destkit.runtime.types.ValueDecoders;
import io.destkit.testkit.messages.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a test source sends in speed mode reaches a destination as the same JSON through stdin would: each JSON value,
 * encoded for its column's type and read back by {@link ProtobufValues#read}, gives the value and the changes that
 * {@link ValueDecoders} gives for the JSON itself.
 */
class ProtobufMessagesTest {
  private static final String FIELD = "the_field";
  private static final String INSTANT = "\"2024-01-02T03:04:05.123456789+02:00\"";
  private static final List<String> TEMPORALS = List.of(INSTANT, "\"2024-01-02T03:04:05Z\"",
      "\"2024-01-02t03:04:05z\"", "\"2024-01-02T03:04:05\"", "\"2024-01-02 03:04:05+05\"", "\"2024-01-02\"",
      "\"+12345-01-02T03:04:05+05:30\"", "\"2024-01-02 BC\"", "\"2016-12-31T23:59:60Z\"", "\"2024-01-02T24:00:00Z\"",
      "\"2024-02-30\"", "\"03:04:05.123456789+02:00\"", "\"03:04:05+02:00:30\"", "\"03:04\"", "\"24:00\"",
      "\"nope\"", "1704157445", "1.5", "true", "{\"at\": \"2024-01-02\"}", "null");

  /** JSON values per column type, fitting and misfit; each must read alike from JSON and from protobuf. */
  private static final Map<AirbyteType, List<String>> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put(AirbyteType.STRING, List.of("\"abc\"", "\"\"", "\"héllo \\n \\\"q\\\" \\u0001 😀\"", "12", "-7",
        "1.50", "0.000001", "12345678901234567890", "true", "false", "{\"a\": [1, 2.50, \"x\"]}", "[]", INSTANT,
        "null"));
    VALUES.put(AirbyteType.BOOLEAN, List.of("true", "false", "\"TRUE\"", "\"False\"", "\"no\"", "1", "1.0", "[true]",
        "{}", "null"));
    VALUES.put(AirbyteType.INTEGER, List.of("12", "-9223372036854775808", "9223372036854775807", "\"12\"",
        "\" 42 \"", "\"3.0\"", "1.5", "3.0", "3.00", "-0.0", "1e2", "12345678901234567890", "-9223372036854775809",
        "\"99999999999999999999\"", "1e400", "\"abc\"", "true", "[1]", "{\"a\": 1}", INSTANT, "null"));
    VALUES.put(AirbyteType.NUMBER, List.of("12", "-12.50", "0.1000000000000000055511151231257827", "0.10",
        "12345678901234567890", "\"12.5\"", "\" -3 \"", "\"1e400\"", "\"NaN\"", "\"abc\"", "true", "[1.5]",
        "{\"n\": 1}", "null"));
    VALUES.put(AirbyteType.BINARY, List.of("\"Zm9vIGJhcgo=\"", "\"-_8\"", "\"\"", "\"Zm9v!\"", "12", "[\"Zm9v\"]",
        "null"));
    VALUES.put(new AirbyteType.ArrayType(AirbyteType.INTEGER), List.of("[1, \"a\", {\"b\": null}, 2.50, []]", "[]",
        "{\"a\": [1]}", "\"[1]\"", "1", "true", "null"));
    VALUES.put(AirbyteType.ObjectType.schemaless(), List.of("{\"a\": 1, \"b\": [true, 0.10], \"é\": \"\\u2028\"}",
        "{}", "[{\"a\": 1}]", "\"{}\"", "3", "null"));
    List<String> any = List.of("\"abc\"", "\"q\\\"\\n\"", "12", "12345678901234567890", "1.50", "true", INSTANT,
        "{\"a\": [1, {\"b\": 2.50}]}", "[1]", "null");
    VALUES.put(AirbyteType.UnionType.of(List.of(AirbyteType.STRING, AirbyteType.INTEGER)), any);
    VALUES.put(AirbyteType.UNKNOWN, any);
    for (AirbyteType temporal : List.of(AirbyteType.DATE, AirbyteType.TIMESTAMP_WITH_TIMEZONE,
        AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE, AirbyteType.TIME_WITH_TIMEZONE, AirbyteType.TIME_WITHOUT_TIMEZONE)) {
      VALUES.put(temporal, TEMPORALS);
    }
  }

  /** A value and the changes reading it gave. */
  private record Result(Object value, List<MetaChange> changes) {}

  @Test
  void everyValueReadsFromProtobufAsFromJson() throws IOException {
    int compared = 0;
    for (Map.Entry<AirbyteType, List<String>> entry : VALUES.entrySet()) {
      for (String json : entry.getValue()) {
        Result fromJson = fromJson(entry.getKey(), json);
        Result fromProtobuf = fromProtobuf(entry.getKey(), json);
        String what = json + " as " + entry.getKey();
        assertTrue(Objects.deepEquals(fromJson.value(), fromProtobuf.value()),
            () -> what + ": JSON gives " + fromJson.value() + ", protobuf " + fromProtobuf.value());
        assertEquals(fromJson.changes(), fromProtobuf.changes(), what);
        compared++;
      }
    }
    assertEquals(204, compared, "the table is read whole");
  }

  /**
   * What the wire cannot carry. big_decimal is plain notation, so a number written with an exponent arrives as its
   * digits: the same number, of another scale ({@code BigDecimal.equals} tells them apart, {@code compareTo} does
   * not), and other text in a string column. sint64 has no negative zero.
   */
  @Test
  void theKnownDifferencesAreOnlyWhatTheWireCannotCarry() throws IOException {
    for (String exponent : List.of("1e400", "1.5e2", "-2E+3")) {
      BigDecimal written = new BigDecimal(exponent);
      assertEquals(new Result(written, List.of()), fromJson(AirbyteType.NUMBER, exponent));
      Result sent = fromProtobuf(AirbyteType.NUMBER, exponent);
      assertEquals(new Result(new BigDecimal(written.toPlainString()), List.of()), sent);
      assertNotEquals(written, sent.value());
      assertEquals(0, written.compareTo((BigDecimal) sent.value()));
      assertEquals(new Result(exponent, List.of()), fromJson(AirbyteType.STRING, exponent));
      assertEquals(new Result(written.toPlainString(), List.of()), fromProtobuf(AirbyteType.STRING, exponent));
    }
    assertEquals(new Result("1" + "0".repeat(400), List.of()), fromProtobuf(AirbyteType.STRING, "1e400"));
    assertEquals(new Result("-0", List.of()), fromJson(AirbyteType.STRING, "-0"));
    assertEquals(new Result("0", List.of()), fromProtobuf(AirbyteType.STRING, "-0"));
  }

  @Test
  void eachValueTravelsInTheCaseASourceUsesForItsType() {
    Object[][] cases = {
        {AirbyteType.DATE, "\"2024-01-02\"", ProtobufValues.DATE},
        {AirbyteType.TIME_WITH_TIMEZONE, "\"03:04:05+02:00\"", ProtobufValues.TIME_WITH_TIMEZONE},
        {AirbyteType.TIME_WITHOUT_TIMEZONE, "\"03:04:05\"", ProtobufValues.TIME_WITHOUT_TIMEZONE},
        {AirbyteType.TIMESTAMP_WITH_TIMEZONE, INSTANT, ProtobufValues.TIMESTAMP_WITH_TIMEZONE},
        {AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE, "\"2024-01-02T03:04:05\"", ProtobufValues.TIMESTAMP_WITHOUT_TIMEZONE},
        {AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE, INSTANT, ProtobufValues.STRING},
        {AirbyteType.DATE, "\"2024-01-02 BC\"", ProtobufValues.STRING},
        {AirbyteType.DATE, "19724", ProtobufValues.INTEGER},
        {AirbyteType.NUMBER, "12", ProtobufValues.INTEGER},
        {AirbyteType.NUMBER, "12.50", ProtobufValues.BIG_DECIMAL},
        {AirbyteType.INTEGER, "12345678901234567890", ProtobufValues.BIG_INTEGER},
        {AirbyteType.BINARY, "\"Zm9v\"", ProtobufValues.STRING},
        {AirbyteType.STRING, "true", ProtobufValues.BOOLEAN},
        {AirbyteType.STRING, "[1]", ProtobufValues.JSON},
        {AirbyteType.UNKNOWN, "\"abc\"", ProtobufValues.JSON},
        {AirbyteType.ObjectType.schemaless(), "{}", ProtobufValues.JSON},
        {AirbyteType.INTEGER, "null", ProtobufValues.IS_NULL},
    };
    for (Object[] c : cases) {
      byte[] value = ProtobufMessages.value(Json.parse((String) c[1]), (AirbyteType) c[0]);
      assertEquals(c[2], (value[0] & 0xff) >>> 3, c[1] + " as " + c[0]);
    }
    assertArrayEquals(new byte[0], ProtobufMessages.value(null, AirbyteType.STRING), "an absent field: no case");
  }

  @Test
  void writeJsonGivesTheJsonTheSourceSent() throws IOException {
    Object[][] cases = {
        {AirbyteType.STRING, "\"a\\nb \\\"c\\\"\"", "\"a\\nb \\\"c\\\"\""},
        {AirbyteType.INTEGER, "-12", "-12"},
        {AirbyteType.INTEGER, "12345678901234567890", "12345678901234567890"},
        {AirbyteType.NUMBER, "1.50", "1.50"},
        {AirbyteType.BOOLEAN, "false", "false"},
        {AirbyteType.DATE, "\"2024-01-02\"", "\"2024-01-02\""},
        {AirbyteType.TIMESTAMP_WITH_TIMEZONE, INSTANT, INSTANT},
        {AirbyteType.TIMESTAMP_WITH_TIMEZONE, "\"2024-01-02t03:04:05.5z\"", "\"2024-01-02T03:04:05.5Z\""},
        {AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE, "\"2024-01-02T03:04\"", "\"2024-01-02T03:04:00\""},
        {AirbyteType.TIME_WITH_TIMEZONE, "\"03:04:05-00:30\"", "\"03:04:05-00:30\""},
        {AirbyteType.TIME_WITHOUT_TIMEZONE, "\"03:04\"", "\"03:04:00\""},
        {AirbyteType.UNKNOWN, "{\"a\": [1, 2.50, \"x\", null, 12345678901234567890]}",
            "{\"a\":[1,2.50,\"x\",null,12345678901234567890]}"},
        {AirbyteType.UNKNOWN, "\"s\"", "\"s\""},
        {AirbyteType.STRING, "null", "null"},
    };
    for (Object[] c : cases) {
      byte[] value = ProtobufMessages.value(Json.parse((String) c[1]), (AirbyteType) c[0]);
      assertEquals(c[2], writeJson(value), c[1] + " as " + c[0]);
    }
    assertEquals("\"NaN\"", writeJson(ProtobufMessages.value(JsonNodeFactory.instance.numberNode(Double.NaN),
        AirbyteType.NUMBER)));
    assertEquals("null", writeJson(ProtobufMessages.value(null, AirbyteType.NUMBER)));
  }

  @Test
  void aRecordHoldsItsFieldsItsValuesByPositionAndItsMeta() throws IOException {
    Map<String, AirbyteType> types = Map.of("id", AirbyteType.INTEGER, "name", AirbyteType.STRING, "at",
        AirbyteType.TIMESTAMP_WITH_TIMEZONE, "gone", AirbyteType.BOOLEAN);
    List<String> positions = ProtobufMessages.positions(types.keySet());
    assertEquals(List.of("at", "gone", "id", "name"), positions);
    byte[] message = ProtobufMessages.record("crm", "users", 1_732_270_000_123L, "p-7", positions, types,
        Json.parse("{\"id\": 12, \"name\": null, \"at\": " + INSTANT + ", \"extra\": 1}"),
        List.of(new MetaChange("name", MetaChange.Change.TRUNCATED, MetaChange.Reason.SOURCE_FIELD_SIZE_LIMITATION),
            new MetaChange("id", MetaChange.Change.NULLED, MetaChange.Reason.SOURCE_RECORD_SIZE_LIMITATION)));
    CodedInputStream in = CodedInputStream.newInstance(message);
    assertEquals(1 << 3 | 2, in.readTag(), "field 1, the record");
    int outer = in.pushLimit(in.readRawVarint32());
    List<Object> fields = new ArrayList<>();
    int position = 0;
    int tag;
    while ((tag = in.readTag()) != 0) {
      int number = tag >>> 3;
      fields.add(number);
      switch (number) {
        case 1, 2, 4 -> fields.add(in.readString());
        case 3 -> fields.add(in.readUInt64());
        case 5 -> {
          int value = in.pushLimit(in.readRawVarint32());
          List<MetaChange> changes = new ArrayList<>();
          String name = positions.get(position++);
          fields.add(ProtobufValues.read(in, types.get(name), name, changes));
          assertEquals(List.of(), changes);
          in.popLimit(value);
        }
        case 6 -> fields.add(Arrays.toString(in.readByteArray()));
        default -> throw new AssertionError("unexpected field " + number);
      }
    }
    in.popLimit(outer);
    assertTrue(in.isAtEnd());
    // meta: change 1 {field "name", change TRUNCATED (1), reason SOURCE_FIELD_SIZE_LIMITATION (3)}, change 2 {field
    // "id"; NULLED and SOURCE_RECORD_SIZE_LIMITATION are 0, which proto3 leaves out}.
    byte[] meta = {10, 10, 10, 4, 'n', 'a', 'm', 'e', 16, 1, 24, 3, 10, 4, 10, 2, 'i', 'd'};
    assertEquals(Arrays.asList(1, "crm", 2, "users", 3, 1_732_270_000_123L, 4, "p-7",
        5, OffsetDateTime.parse(INSTANT.replace("\"", "")), 5, null, 5, 12L, 5, null,
        6, Arrays.toString(meta)), fields);
  }

  @Test
  void aNullNamespaceIsAbsentAndAnEmptyOneIsPresent() {
    byte[] without = ProtobufMessages.record(null, "s", 0, "p", List.of(), Map.of(), Json.parse("{}"), List.of());
    assertArrayEquals(new byte[] {10, 6, 18, 1, 's', 34, 1, 'p'}, without);
    byte[] empty = ProtobufMessages.record("", "s", 0, "p", List.of(), Map.of(), Json.parse("{}"), List.of());
    assertArrayEquals(new byte[] {10, 8, 10, 0, 18, 1, 's', 34, 1, 'p'}, empty);
  }

  @Test
  void protocolMessagesProbesAndTheirFrames() throws IOException {
    byte[] state = "{\"type\":\"STATE\"}".getBytes(StandardCharsets.UTF_8);
    byte[] message = ProtobufMessages.protocolMessage(state);
    assertEquals(2 << 3 | 2, message[0]);
    assertEquals(state.length, message[1]);
    assertArrayEquals(state, Arrays.copyOfRange(message, 2, message.length));
    assertArrayEquals(new byte[] {3 << 3 | 2, 0}, ProtobufMessages.probe());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] large = ProtobufMessages.protocolMessage("x".repeat(300).getBytes(StandardCharsets.UTF_8));
    ProtobufMessages.writeDelimited(out, ProtobufMessages.probe());
    ProtobufMessages.writeDelimited(out, large);
    CodedInputStream in = CodedInputStream.newInstance(out.toByteArray());
    assertArrayEquals(ProtobufMessages.probe(), in.readRawBytes(in.readRawVarint32()));
    assertEquals(large.length, in.readRawVarint32());
    assertArrayEquals(large, in.readRawBytes(large.length));
    assertTrue(in.isAtEnd());
    assertEquals((1 + 2) + (2 + 303), out.size(), "a 2-byte frame length for 303 bytes");
  }

  @Test
  void positionsAreJavaStringOrder() {
    assertEquals(List.of("B", "Z10", "Z9", "_x", "a", "b", "é"),
        ProtobufMessages.positions(Set.of("b", "B", "a", "_x", "é", "Z10", "Z9")));
  }

  private static Result fromJson(AirbyteType type, String json) throws IOException {
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      parser.nextToken();
      List<MetaChange> changes = new ArrayList<>();
      return new Result(ValueDecoders.forType(type).decode(parser, FIELD, changes), changes);
    }
  }

  private static Result fromProtobuf(AirbyteType type, String json) throws IOException {
    byte[] value = ProtobufMessages.value(Json.parse(json), type);
    CodedInputStream in = CodedInputStream.newInstance(value);
    int outer = in.pushLimit(value.length);
    List<MetaChange> changes = new ArrayList<>();
    Object read = ProtobufValues.read(in, type, FIELD, changes);
    in.popLimit(outer);
    assertTrue(in.isAtEnd());
    return new Result(read, changes);
  }

  private static String writeJson(byte[] value) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      ProtobufValues.writeJson(CodedInputStream.newInstance(value), json);
    }
    return out.toString();
  }
}

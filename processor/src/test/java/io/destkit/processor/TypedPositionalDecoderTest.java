package io.destkit.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.types.ProtobufValues;
import io.destkit.runtime.write.PositionalDecoder;
import io.destkit.runtime.write.RecordCodec;
import io.destkit.runtime.write.TooManyValuesException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The positional decoder generated for the golden case {@code typed}: a speed-mode record, its values as protobuf
 * and by position (the catalog's field names sorted, not the schema's order), decodes to the record, and the changes,
 * that the same codec gives for the same data as JSON. What the processor generates is compared in
 * {@link GoldenCasesTest}; {@link TypedCodecBehaviourTest} covers the JSON side.
 */
class TypedPositionalDecoderTest {
  private static final GoldenCase CASE = GoldenCase.named("typed");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ClassLoader generated;

  @BeforeAll
  static void compile() {
    generated = CASE.classes();
  }

  @Test
  void everyTypeDecodesAsFromJson() throws Exception {
    OffsetDateTime hired = OffsetDateTime.parse("2024-03-01T09:30:00.123+01:00");
    LocalDateTime localHired = LocalDateTime.parse("2024-03-01T09:30:00");
    Data data = new Data()
        .put("id", "7", integer(7))
        .put("name", "\"Ada\"", string("Ada"))
        .put("active", "true", bool(true))
        .put("salary", "1234.5", number(1234.5))
        .put("big_salary", "\"123456789012345678901234567890.5\"", bigDecimal("123456789012345678901234567890.5"))
        .put("badge", "12", integer(12))
        .put("born", "\"1815-12-10\"", date(LocalDate.parse("1815-12-10").toEpochDay()))
        .put("hired_at", "\"2024-03-01T09:30:00.123+01:00\"", timestampWith(hired.toEpochSecond(), hired.getNano(),
            3600))
        .put("local_hired_at", "\"2024-03-01T09:30:00\"", timestampWithout(localHired.toLocalDate().toEpochDay(),
            localHired.toLocalTime().toNanoOfDay()))
        .put("shift_start", "\"08:00:00Z\"", timeWith(LocalTime.parse("08:00").toNanoOfDay(), 0))
        .put("lunch", "\"12:30:00\"", timeWithout(LocalTime.parse("12:30").toNanoOfDay()))
        .put("photo", "\"AQID\"", string("AQID"))
        .put("v1_id", "\"42\"", bigInteger("42"))
        .put("v1_amount", "\"3.5\"", bigDecimal("3.5"))
        .put("v1_updated", "\"2024-01-01T00:00:00Z\"", timestampWith(1_704_067_200L, 0, 0))
        .put("v1_day", "\"2024-01-02\"", date(LocalDate.parse("2024-01-02").toEpochDay()))
        .put("v1_blob", "\"BAU=\"", string("BAU="))
        .json("address", "{\"street\":\"Main\",\"zip code\":\"1000\",\"geo\":{\"lat\":1.5,\"lon\":-2}}")
        .json("jobs", "[{\"title\":\"Engineer\",\"since\":\"2020-01-01\"},null]")
        .json("tags", "[\"a\",\"b\"]")
        .json("scores", "[[1,2],[3]]")
        .json("extra", "{\"k\":[1]}")
        .put("anything", "\"x\"", string("x"))
        .put("id_or_code", "7", integer(7))
        .put("choice", "false", bool(false))
        .put("2fa-enabled", "true", bool(true))
        .put("class", "\"c\"", string("c"))
        // Fields the record class lacks: its additional properties.
        .json("unknown", "{\"u\":1}")
        .put("new_count", "5", integer(5));
    Decoded fromJson = fromJson(data);
    assertEquals(List.of(), fromJson.changes());
    assertEquals(fromJson, positionally(data));
    assertEquals(7L, get(fromJson.record(), "getId"));
    assertEquals(Map.of("unknown", JSON.readTree("{\"u\":1}"), "new_count", JSON.readTree("5")),
        get(fromJson.record(), "getAdditionalProperties"));
  }

  @Test
  void misfitsAndNullsAreNulledWithTheChangesOfJson() throws Exception {
    Data data = new Data()
        .put("id", "\"seven\"", string("seven"))
        .put("name", "null", isNull())
        .put("salary", "true", bool(true))
        .put("born", "\"yesterday\"", string("yesterday"))
        .put("address", "\"not an object\"", string("not an object"))
        .json("jobs", "[{\"since\":\"soon\"}]")
        .put("tags", "5", integer(5))
        .put("extra", "null", isNull())
        .put("class", "\"c\"", string("c"));
    Decoded fromJson = fromJson(data);
    // In the order of the positions, which is the order of the JSON object here.
    assertEquals(List.of(MetaChange.typecastError("address"), MetaChange.typecastError("born"),
        MetaChange.typecastError("id"), MetaChange.typecastError("jobs.since"), MetaChange.typecastError("salary"),
        MetaChange.typecastError("tags")), fromJson.changes());
    assertEquals(fromJson, positionally(data));
    assertEquals("c", get(fromJson.record(), "getClass_"));
    assertEquals(null, get(fromJson.record(), "getName"));
  }

  @Test
  void jsonThatIsNotJsonIsATypecastError() throws Exception {
    Data data = new Data().put("id", "1", integer(1)).json("extra", "{\"k\":").json("address", "[1] [2]");
    Decoded decoded = positionally(data);
    assertEquals(List.of(MetaChange.typecastError("address"), MetaChange.typecastError("extra")), decoded.changes());
    assertEquals(null, get(decoded.record(), "getExtra"));
    assertEquals(1L, get(decoded.record(), "getId"));
  }

  @Test
  void fieldsAfterTheLastValueStayUnset() throws Exception {
    Data data = new Data().put("active", "true", bool(true)).put("id", "3", integer(3)).put("name", "\"n\"",
        string("n"));
    // The catalog has three fields (sorted: active, id, name); the record carries the first two values only.
    List<MetaChange> changes = new ArrayList<>();
    Object record = decoder(data.fields()).decode(input(data.values().subList(0, 2)), changes);
    assertEquals(List.of(), changes);
    assertEquals(fromJson(new Data().put("active", "true", bool(true)).put("id", "3", integer(3))).record(), record);
    assertEquals(null, get(record, "getName"));
  }

  @Test
  void moreValuesThanFieldsIsAnError() throws Exception {
    PositionalDecoder<?> decoder = decoder(List.of("id", "name"));
    TooManyValuesException e = assertThrows(TooManyValuesException.class,
        () -> decoder.decode(input(List.of(integer(1), string("a"), string("b"))), new ArrayList<>()));
    assertEquals(2, e.fields());
    assertEquals("The record has more values than the 2 fields of its stream's schema", e.getMessage());
  }

  /** The fields and values of one record, kept sorted by name as speed mode orders them. */
  private static final class Data {
    private final TreeMap<String, String> json = new TreeMap<>();
    private final TreeMap<String, byte[]> values = new TreeMap<>();

    Data put(String field, String jsonValue, byte[] value) {
      json.put(field, jsonValue);
      values.put(field, value);
      return this;
    }

    /** A field whose value travels as the json case. */
    Data json(String field, String jsonValue) {
      return put(field, jsonValue, jsonCase(jsonValue));
    }

    List<String> fields() {
      return List.copyOf(values.keySet());
    }

    List<byte[]> values() {
      return List.copyOf(values.values());
    }

    String object() {
      StringBuilder out = new StringBuilder("{");
      json.forEach((field, value) -> out.append(out.length() > 1 ? "," : "").append('"').append(field).append("\":")
          .append(value));
      return out.append('}').toString();
    }
  }

  private record Decoded(Object record, List<MetaChange> changes) {}

  private static Decoded fromJson(Data data) throws Exception {
    List<MetaChange> changes = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(data.object())) {
      parser.nextToken();
      return new Decoded(codec().decode(parser, changes), changes);
    }
  }

  private static Decoded positionally(Data data) throws Exception {
    List<MetaChange> changes = new ArrayList<>();
    return new Decoded(decoder(data.fields()).decode(input(data.values()), changes), changes);
  }

  private static PositionalDecoder<?> decoder(List<String> fields) throws Exception {
    PositionalDecoder<?> decoder = codec().positional(fields);
    assertNotNull(decoder, "the generated codec has a positional decoder");
    return decoder;
  }

  private static RecordCodec<?> codec() throws Exception {
    return (RecordCodec<?>) generated.loadClass("test.typed.EmployeeCodec").getField("INSTANCE").get(null);
  }

  private static Object get(Object record, String getter) throws Exception {
    return record.getClass().getMethod(getter).invoke(record);
  }

  /**
   * An {@code AirbyteRecordMessageProtobuf} with {@code values} as its data, and the other fields a source sends
   * around them (namespace, name, emitted_at, the partition among the values, meta after), which the decoder skips.
   */
  private static CodedInputStream input(List<byte[]> values) {
    byte[] message = bytes(out -> {
      out.writeString(1, "public");
      out.writeString(2, "employees");
      out.writeUInt64(3, 1_700_000_000_000L);
      for (int i = 0; i < values.size(); i++) {
        if (i == values.size() / 2) {
          out.writeString(4, "partition-1");
        }
        out.writeByteArray(5, values.get(i));
      }
      out.writeByteArray(6, bytes(meta -> meta.writeByteArray(1, bytes(change -> change.writeString(1, "x")))));
    });
    return CodedInputStream.newInstance(message);
  }

  // One AirbyteValueProtobuf per case (SPEED-MODE.md, "Messages").

  private static byte[] integer(long value) {
    return bytes(out -> out.writeSInt64(ProtobufValues.INTEGER, value));
  }

  private static byte[] bigInteger(String value) {
    return bytes(out -> out.writeString(ProtobufValues.BIG_INTEGER, value));
  }

  private static byte[] number(double value) {
    return bytes(out -> out.writeDouble(ProtobufValues.NUMBER, value));
  }

  private static byte[] bigDecimal(String value) {
    return bytes(out -> out.writeString(ProtobufValues.BIG_DECIMAL, value));
  }

  private static byte[] string(String value) {
    return bytes(out -> out.writeString(ProtobufValues.STRING, value));
  }

  private static byte[] bool(boolean value) {
    return bytes(out -> out.writeBool(ProtobufValues.BOOLEAN, value));
  }

  private static byte[] jsonCase(String text) {
    return bytes(out -> out.writeString(ProtobufValues.JSON, text));
  }

  private static byte[] isNull() {
    return bytes(out -> out.writeBool(ProtobufValues.IS_NULL, true));
  }

  private static byte[] date(long days) {
    return bytes(out -> out.writeSInt64(ProtobufValues.DATE, days));
  }

  private static byte[] timeWith(long nanosOfDay, int offsetSeconds) {
    return bytes(out -> out.writeByteArray(ProtobufValues.TIME_WITH_TIMEZONE, bytes(time -> {
      time.writeUInt64(1, nanosOfDay);
      time.writeSInt32(2, offsetSeconds);
    })));
  }

  private static byte[] timeWithout(long nanosOfDay) {
    return bytes(out -> out.writeUInt64(ProtobufValues.TIME_WITHOUT_TIMEZONE, nanosOfDay));
  }

  private static byte[] timestampWith(long epochSecond, int nano, int offsetSeconds) {
    return bytes(out -> out.writeByteArray(ProtobufValues.TIMESTAMP_WITH_TIMEZONE, bytes(timestamp -> {
      timestamp.writeSInt64(1, epochSecond);
      timestamp.writeUInt32(2, nano);
      timestamp.writeSInt32(3, offsetSeconds);
    })));
  }

  private static byte[] timestampWithout(long days, long nanosOfDay) {
    return bytes(out -> out.writeByteArray(ProtobufValues.TIMESTAMP_WITHOUT_TIMEZONE, bytes(timestamp -> {
      timestamp.writeSInt64(1, days);
      timestamp.writeUInt64(2, nanosOfDay);
    })));
  }

  @FunctionalInterface
  private interface Fields {
    void write(CodedOutputStream out) throws IOException;
  }

  private static byte[] bytes(Fields fields) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      fields.write(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

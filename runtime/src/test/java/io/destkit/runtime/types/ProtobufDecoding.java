package io.destkit.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds {@code AirbyteValueProtobuf} bytes field by field, and reads them as the engine does: one value among the
 * others of a record, under a limit at its length, so that every read also checks that it stops at its value's end.
 * Each value is read twice, from an array and from a stream with a small buffer: protobuf-java decodes the two with
 * different code.
 */
final class ProtobufDecoding {
  /** Writes the fields of one value. */
  @FunctionalInterface
  interface Fields {
    void write(CodedOutputStream out) throws IOException;
  }

  /** Sample wire numbers: 2024-01-02, 03:04:05.123456789 of a day, the instant 2024-01-02T03:04:05.123456789+02:00. */
  static final long DAYS = 19_724;
  static final long NANOS = 11_045_123_456_789L;
  static final long EPOCH_SECOND = 1_704_157_445;
  static final int NANO = 123_456_789;
  static final int PLUS_TWO = 7200;
  static final long NANOS_PER_DAY = 86_400_000_000_000L;
  static final int EIGHTEEN_HOURS = 18 * 3600;

  private ProtobufDecoding() {}

  static byte[] value(Fields fields) {
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

  static byte[] empty() {
    return new byte[0];
  }

  static byte[] isNull() {
    return value(out -> out.writeBool(ProtobufValues.IS_NULL, true));
  }

  static byte[] bool(boolean value) {
    return value(out -> out.writeBool(ProtobufValues.BOOLEAN, value));
  }

  static byte[] string(String value) {
    return value(out -> out.writeString(ProtobufValues.STRING, value));
  }

  /** A string case holding {@code utf8} as it is, valid UTF-8 or not. */
  static byte[] stringBytes(byte... utf8) {
    return value(out -> out.writeByteArray(ProtobufValues.STRING, utf8));
  }

  static byte[] integer(long value) {
    return value(out -> out.writeSInt64(ProtobufValues.INTEGER, value));
  }

  static byte[] bigInteger(String value) {
    return value(out -> out.writeString(ProtobufValues.BIG_INTEGER, value));
  }

  static byte[] number(double value) {
    return value(out -> out.writeDouble(ProtobufValues.NUMBER, value));
  }

  static byte[] bigDecimal(String value) {
    return value(out -> out.writeString(ProtobufValues.BIG_DECIMAL, value));
  }

  static byte[] date(long days) {
    return value(out -> out.writeSInt64(ProtobufValues.DATE, days));
  }

  static byte[] timeWith(long nanosOfDay, int offsetSeconds) {
    return value(out -> out.writeByteArray(ProtobufValues.TIME_WITH_TIMEZONE, value(time -> {
      time.writeUInt64(1, nanosOfDay);
      time.writeSInt32(2, offsetSeconds);
    })));
  }

  static byte[] timeWithout(long nanosOfDay) {
    return value(out -> out.writeUInt64(ProtobufValues.TIME_WITHOUT_TIMEZONE, nanosOfDay));
  }

  /** {@code nano} is written as the uint32 it is on the wire: a negative int is a value from 2^31 up. */
  static byte[] timestampWith(long epochSecond, int nano, int offsetSeconds) {
    return value(out -> out.writeByteArray(ProtobufValues.TIMESTAMP_WITH_TIMEZONE, value(timestamp -> {
      timestamp.writeSInt64(1, epochSecond);
      timestamp.writeUInt32(2, nano);
      timestamp.writeSInt32(3, offsetSeconds);
    })));
  }

  static byte[] timestampWithout(long days, long nanosOfDay) {
    return value(out -> out.writeByteArray(ProtobufValues.TIMESTAMP_WITHOUT_TIMEZONE, value(timestamp -> {
      timestamp.writeSInt64(1, days);
      timestamp.writeUInt64(2, nanosOfDay);
    })));
  }

  static byte[] json(String text) {
    return value(out -> out.writeString(ProtobufValues.JSON, text));
  }

  /** The fields of several values in one message, in order (a later case replaces an earlier one). */
  static byte[] concat(byte[]... values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] value : values) {
      out.writeBytes(value);
    }
    return out.toByteArray();
  }

  /** A record's data: an integer 7, then {@code value}, then a string "next", each a length-delimited field 5. */
  private static byte[] framed(byte[] value) {
    return value(out -> {
      out.writeByteArray(5, integer(7));
      out.writeByteArray(5, value);
      out.writeByteArray(5, string("next"));
    });
  }

  /**
   * Reads {@code value} for a column of {@code type} from an array, from a stream, and from an array the stream may
   * alias (as the speed-mode reader reads a frame: a JSON value's bytes read in place, after the integer before it);
   * all three must agree.
   */
  static Decoding.Result read(AirbyteType type, byte[] value) {
    byte[] record = framed(value);
    Decoding.Result fromArray = read(type, CodedInputStream.newInstance(record));
    Decoding.Result fromStream = read(type, CodedInputStream.newInstance(new ByteArrayInputStream(record), 16));
    CodedInputStream aliasing = CodedInputStream.newInstance(record);
    aliasing.enableAliasing(true);
    Decoding.Result inPlace = read(type, aliasing);
    assertEquals(fromArray.changes(), fromStream.changes(), "changes from an array and from a stream");
    assertEquals(fromArray.changes(), inPlace.changes(), "changes from an array, copied or aliased");
    assertTrue(Arrays.deepEquals(new Object[] {fromArray.value()}, new Object[] {fromStream.value()}),
        () -> "values from an array and from a stream: " + fromArray.value() + ", " + fromStream.value());
    assertTrue(Arrays.deepEquals(new Object[] {fromArray.value()}, new Object[] {inPlace.value()}),
        () -> "values from an array, copied or aliased: " + fromArray.value() + ", " + inPlace.value());
    return fromArray;
  }

  private static Decoding.Result read(AirbyteType type, CodedInputStream input) {
    try {
      assertEquals(7L, next(input, AirbyteType.INTEGER, new ArrayList<>()));
      List<MetaChange> changes = new ArrayList<>();
      Object value = next(input, type, changes);
      assertEquals("next", next(input, AirbyteType.STRING, new ArrayList<>()), "the value after must read intact");
      assertTrue(input.isAtEnd());
      return new Decoding.Result(value, changes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object next(CodedInputStream input, AirbyteType type, List<MetaChange> changes) throws IOException {
    assertEquals(5 << 3 | 2, input.readTag());
    int outer = input.pushLimit(input.readRawVarint32());
    Object value = ProtobufValues.read(input, type, Decoding.FIELD, changes);
    assertEquals(0, input.getBytesUntilLimit(), "read must consume its value to the end");
    input.popLimit(outer);
    return value;
  }

  /** Reads a value that fits: returns it and checks that no change was recorded. */
  static Object good(AirbyteType type, byte[] value) {
    Decoding.Result result = read(type, value);
    assertEquals(List.of(), result.changes(), () -> "changes for " + Arrays.toString(value));
    return result.value();
  }

  /** Checks that a value gives null and exactly one NULLED change of {@code reason} for the field. */
  static void bad(AirbyteType type, byte[] value, MetaChange.Reason reason) {
    Decoding.Result result = read(type, value);
    assertEquals(null, result.value(), () -> "value for " + Arrays.toString(value));
    assertEquals(List.of(new MetaChange(Decoding.FIELD, MetaChange.Change.NULLED, reason)), result.changes(),
        () -> "changes for " + Arrays.toString(value));
  }

  static void typecastError(AirbyteType type, byte[] value) {
    bad(type, value, MetaChange.Reason.DESTINATION_TYPECAST_ERROR);
  }

  static void tooLarge(AirbyteType type, byte[] value) {
    bad(type, value, MetaChange.Reason.DESTINATION_FIELD_SIZE_LIMITATION);
  }

  /** What {@link ProtobufValues#writeJson} writes for {@code value}, read from an array and from a stream. */
  static String writeJson(byte[] value) throws IOException {
    String fromArray = writeJson(CodedInputStream.newInstance(value));
    assertEquals(fromArray, writeJson(CodedInputStream.newInstance(new ByteArrayInputStream(value), 16)));
    return fromArray;
  }

  private static String writeJson(CodedInputStream input) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      ProtobufValues.writeJson(input, json);
    }
    assertTrue(input.isAtEnd());
    return out.toString();
  }
}

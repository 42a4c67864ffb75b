package io.destkit.runtime.types;

import static io.destkit.runtime.types.ProtobufValues.BIG_DECIMAL;
import static io.destkit.runtime.types.ProtobufValues.BIG_INTEGER;
import static io.destkit.runtime.types.ProtobufValues.BOOLEAN;
import static io.destkit.runtime.types.ProtobufValues.DATE;
import static io.destkit.runtime.types.ProtobufValues.INTEGER;
import static io.destkit.runtime.types.ProtobufValues.IS_NULL;
import static io.destkit.runtime.types.ProtobufValues.JSON;
import static io.destkit.runtime.types.ProtobufValues.NUMBER;
import static io.destkit.runtime.types.ProtobufValues.STRING;
import static io.destkit.runtime.types.ProtobufValues.TIMESTAMP_WITHOUT_TIMEZONE;
import static io.destkit.runtime.types.ProtobufValues.TIMESTAMP_WITH_TIMEZONE;
import static io.destkit.runtime.types.ProtobufValues.TIME_WITHOUT_TIMEZONE;
import static io.destkit.runtime.types.ProtobufValues.TIME_WITH_TIMEZONE;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.util.Arrays;

/**
 * Reads the wire form of each case of {@code AirbyteValueProtobuf} and checks it: the bytes of a string are UTF-8,
 * the numbers of a date or time are in range. A value that fails a check is given as null (the caller decides what
 * that means), after consuming exactly what the case holds.
 */
final class ProtobufWire {
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;
  private static final int NANOS_PER_SECOND = 1_000_000_000;
  private static final long SECONDS_PER_DAY = 86_400;

  /** The wire type of each field number of AirbyteValueProtobuf; -1 for numbers that are not its fields. */
  private static final int[] WIRE_TYPES = new int[IS_NULL + 1];

  static {
    Arrays.fill(WIRE_TYPES, -1);
    for (int number : new int[] {BOOLEAN, INTEGER, DATE, TIME_WITHOUT_TIMEZONE, IS_NULL}) {
      WIRE_TYPES[number] = WireFormat.WIRETYPE_VARINT;
    }
    for (int number : new int[] {STRING, BIG_INTEGER, BIG_DECIMAL, TIME_WITH_TIMEZONE, TIMESTAMP_WITH_TIMEZONE,
        TIMESTAMP_WITHOUT_TIMEZONE, JSON}) {
      WIRE_TYPES[number] = WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }
    WIRE_TYPES[NUMBER] = WireFormat.WIRETYPE_FIXED64;
  }

  /**
   * protobuf-java reports invalid UTF-8 and a truncated message with the same exception class; only the message
   * tells them apart. It is taken from the library itself rather than copied, so that it follows its version.
   */
  private static final String INVALID_UTF8 = invalidUtf8Message();

  private ProtobufWire() {}

  /** Whether {@code tag} is a field of AirbyteValueProtobuf with its own wire type; anything else is skipped. */
  static boolean isKnown(int tag) {
    int number = WireFormat.getTagFieldNumber(tag);
    return number < WIRE_TYPES.length && WIRE_TYPES[number] == WireFormat.getTagWireType(tag);
  }

  /** Whether case {@code number} holds text: string, big_integer, big_decimal. */
  static boolean isText(int number) {
    return number == STRING || number == BIG_INTEGER || number == BIG_DECIMAL;
  }

  /** The name of case {@code number} in the .proto, for messages. */
  static String caseName(int number) {
    return switch (number) {
      case BOOLEAN -> "boolean";
      case STRING -> "string";
      case INTEGER -> "integer";
      case BIG_INTEGER -> "big_integer";
      case NUMBER -> "number";
      case BIG_DECIMAL -> "big_decimal";
      case DATE -> "date";
      case TIME_WITH_TIMEZONE -> "time_with_timezone";
      case TIME_WITHOUT_TIMEZONE -> "time_without_timezone";
      case TIMESTAMP_WITH_TIMEZONE -> "timestamp_with_timezone";
      case TIMESTAMP_WITHOUT_TIMEZONE -> "timestamp_without_timezone";
      case JSON -> "json";
      default -> "field " + number;
    };
  }

  /**
   * The value of case {@code number} (a known case, its tag just read) as a Java object: Boolean, String, Long,
   * Double, byte[] (json), or the java.time value of a date or time; null when it fails its check.
   */
  static Object raw(CodedInputStream input, int number) throws IOException {
    return switch (number) {
      case BOOLEAN -> input.readBool();
      case STRING, BIG_INTEGER, BIG_DECIMAL -> text(input);
      case INTEGER -> input.readSInt64();
      case NUMBER -> input.readDouble();
      case DATE -> date(input.readSInt64());
      case TIME_WITH_TIMEZONE -> offsetTime(input);
      case TIME_WITHOUT_TIMEZONE -> localTime(input.readUInt64());
      case TIMESTAMP_WITH_TIMEZONE -> offsetDateTime(input);
      case TIMESTAMP_WITHOUT_TIMEZONE -> localDateTime(input);
      case JSON -> input.readByteArray();
      default -> throw new IllegalArgumentException("Not a case of AirbyteValueProtobuf: " + number);
    };
  }

  /**
   * A string field's text; null when its bytes are not UTF-8, and then the rest of the message is skipped too: how
   * far protobuf-java had read into the string when it found out depends on the kind of input it reads.
   */
  static String text(CodedInputStream input) throws IOException {
    try {
      return input.readStringRequireUtf8();
    } catch (InvalidProtocolBufferException e) {
      if (!INVALID_UTF8.equals(e.getMessage())) {
        throw e;
      }
      int left = input.getBytesUntilLimit();
      if (left >= 0) {
        input.skipRawBytes(left);
      } else {
        while (!input.isAtEnd()) {
          input.skipRawBytes(1);
        }
      }
      return null;
    }
  }

  /** The date {@code days} after 1970-01-01; null beyond what {@link LocalDate} holds. */
  static LocalDate date(long days) {
    return ChronoField.EPOCH_DAY.range().isValidValue(days) ? LocalDate.ofEpochDay(days) : null;
  }

  /** The time {@code nanos} after midnight; null outside one day (a uint64 beyond 2^63 arrives negative). */
  static LocalTime localTime(long nanos) {
    return nanos >= 0 && nanos < NANOS_PER_DAY ? LocalTime.ofNanoOfDay(nanos) : null;
  }

  /** Reads an {@code OffsetTime} message; null when a field is out of range. */
  static OffsetTime offsetTime(CodedInputStream input) throws IOException {
    int outer = input.pushLimit(input.readRawVarint32());
    long nanos = 0;
    int offset = 0;
    int tag;
    while ((tag = input.readTag()) != 0) {
      switch (varintField(tag)) {
        case 1 -> nanos = input.readUInt64();
        case 2 -> offset = input.readSInt32();
        default -> input.skipField(tag);
      }
    }
    input.popLimit(outer);
    LocalTime time = localTime(nanos);
    ZoneOffset zone = offset(offset);
    return time == null || zone == null ? null : OffsetTime.of(time, zone);
  }

  /** Reads an {@code OffsetDateTime} message: an instant shown at an offset; null when out of range. */
  static OffsetDateTime offsetDateTime(CodedInputStream input) throws IOException {
    int outer = input.pushLimit(input.readRawVarint32());
    long epochSecond = 0;
    int nano = 0;
    int offset = 0;
    int tag;
    while ((tag = input.readTag()) != 0) {
      switch (varintField(tag)) {
        case 1 -> epochSecond = input.readSInt64();
        case 2 -> nano = input.readUInt32();
        case 3 -> offset = input.readSInt32();
        default -> input.skipField(tag);
      }
    }
    input.popLimit(outer);
    ZoneOffset zone = offset(offset);
    // A uint32 from 2^31 up arrives negative. The instant's bounds keep the local second below from overflowing.
    if (zone == null || nano < 0 || nano >= NANOS_PER_SECOND || epochSecond < Instant.MIN.getEpochSecond()
        || epochSecond > Instant.MAX.getEpochSecond()) {
      return null;
    }
    LocalDate day = date(Math.floorDiv(epochSecond + offset, SECONDS_PER_DAY));
    if (day == null) {
      return null;
    }
    long secondOfDay = Math.floorMod(epochSecond + offset, SECONDS_PER_DAY);
    return OffsetDateTime.of(LocalDateTime.of(day, LocalTime.ofNanoOfDay(secondOfDay * NANOS_PER_SECOND + nano)),
        zone);
  }

  /** Reads a {@code LocalDateTime} message; null when out of range. */
  static LocalDateTime localDateTime(CodedInputStream input) throws IOException {
    int outer = input.pushLimit(input.readRawVarint32());
    long days = 0;
    long nanos = 0;
    int tag;
    while ((tag = input.readTag()) != 0) {
      switch (varintField(tag)) {
        case 1 -> days = input.readSInt64();
        case 2 -> nanos = input.readUInt64();
        default -> input.skipField(tag);
      }
    }
    input.popLimit(outer);
    LocalDate date = date(days);
    LocalTime time = localTime(nanos);
    return date == null || time == null ? null : LocalDateTime.of(date, time);
  }

  /** The field number of a varint field; 0 for another wire type, which the temporal messages do not use. */
  private static int varintField(int tag) {
    return WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_VARINT ? WireFormat.getTagFieldNumber(tag) : 0;
  }

  private static ZoneOffset offset(int seconds) {
    if (seconds == 0) {
      return ZoneOffset.UTC;
    }
    return seconds >= -MAX_OFFSET_SECONDS && seconds <= MAX_OFFSET_SECONDS ? ZoneOffset.ofTotalSeconds(seconds) : null;
  }

  private static String invalidUtf8Message() {
    try {
      // A string field's length (1) and a byte that starts no UTF-8 sequence.
      CodedInputStream.newInstance(new byte[] {1, (byte) 0xff}).readStringRequireUtf8();
    } catch (InvalidProtocolBufferException e) {
      return e.getMessage();
    } catch (IOException e) {
      throw new IllegalStateException("protobuf-java failed to read a string from memory", e);
    }
    throw new IllegalStateException("protobuf-java accepted a string that is not UTF-8");
  }
}

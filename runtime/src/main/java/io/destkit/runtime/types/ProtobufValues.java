package io.destkit.runtime.types;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.List;

/**
 * Reads the values of speed-mode records: each field of a record travels, by position, as one
 * {@code AirbyteValueProtobuf} message (proto3), whose {@code value} oneof holds one of the cases numbered by the
 * constants below. {@link #read} gives the Java value of a column exactly as {@link ValueDecoders} gives it for the
 * equivalent JSON (same classes, same coercions, the same {@link MetaChange} for a misfit); {@link #writeJson} gives
 * the JSON a source would have sent, and {@link #parser} a parser over it, for the values a generated codec reads
 * from JSON.
 *
 * <p>A value is null when no case is set, when {@code is_null} is true (whatever case is also set), or when it holds
 * only fields this version does not know (newer senders put {@code google.protobuf.NullValue} in a case of their
 * own). As protobuf's own parser does, the last case read wins, except that {@code big_integer} and
 * {@code big_decimal} win over {@code integer} and {@code number} whatever their order (a source sends the big case
 * when the plain one cannot hold the value); a known field number with an unexpected wire type is
 * skipped as unknown.
 *
 * <p>What the typed cases give beyond JSON's strings: {@code date} is days since 1970-01-01; times are nanoseconds of
 * the day; {@code timestamp_with_timezone} is an instant (epoch second and nano) shown at its offset. A timestamp
 * with offset gives a date or a wall-clock time at its own offset; a timestamp without offset or a time without
 * offset taken "with time zone" is at UTC; a date in a timestamp column is its midnight. Numbers outside what the
 * wire or java.time allows (a nano of 10^9, an offset beyond 18 hours, a date beyond year 999,999,999) and strings
 * that are not UTF-8 are typecast errors, never exceptions. After a string that is not UTF-8 the rest of the value's
 * message is skipped.
 */
public final class ProtobufValues {
  /** Case {@code bool boolean}. */
  public static final int BOOLEAN = 1;
  /** Case {@code string string}; binary values travel here as base64. */
  public static final int STRING = 2;
  /** Case {@code sint64 integer}. */
  public static final int INTEGER = 3;
  /** Case {@code string big_integer}: a whole number's decimal text, for one beyond {@code long}. */
  public static final int BIG_INTEGER = 4;
  /** Case {@code double number}. */
  public static final int NUMBER = 5;
  /** Case {@code string big_decimal}: a number's text in plain notation. */
  public static final int BIG_DECIMAL = 6;
  /** Case {@code sint64 date}: days since 1970-01-01. */
  public static final int DATE = 7;
  /** Case {@code OffsetTime time_with_timezone {uint64 nanos_of_day = 1; sint32 offset_seconds = 2}}. */
  public static final int TIME_WITH_TIMEZONE = 8;
  /** Case {@code uint64 time_without_timezone}: nanoseconds of the day. */
  public static final int TIME_WITHOUT_TIMEZONE = 9;
  /**
   * Case {@code OffsetDateTime timestamp_with_timezone {sint64 epoch_second = 1; uint32 nano = 2;
   * sint32 offset_seconds = 3}}.
   */
  public static final int TIMESTAMP_WITH_TIMEZONE = 10;
  /**
   * Case {@code LocalDateTime timestamp_without_timezone {sint64 date_days_since_epoch = 1;
   * uint64 nanos_of_day = 2}}.
   */
  public static final int TIMESTAMP_WITHOUT_TIMEZONE = 11;
  /** Case {@code bytes json}: UTF-8 JSON of arrays, objects, unions and values of unknown type. */
  public static final int JSON = 12;
  /** Field {@code bool is_null}, outside the oneof. */
  public static final int IS_NULL = 13;

  private ProtobufValues() {}

  /**
   * Reads one {@code AirbyteValueProtobuf} from {@code input} to its end (the caller has pushed a limit at the
   * message's length, and pops it afterwards) and gives the value for a column of {@code type}, as
   * {@link ValueDecoders#forType(AirbyteType)} gives it for the equivalent JSON. A value that does not fit gives null
   * and appends a {@link MetaChange} for {@code field} to {@code changes}: a typecast error, or too large for a whole
   * number beyond {@code long}.
   *
   * @throws IOException only when the message itself is broken (truncated, a malformed varint)
   */
  public static Object read(CodedInputStream input, AirbyteType type, String field, List<MetaChange> changes)
      throws IOException {
    return read(input, ProtobufCoercions.forKind(type.kind()), field, changes);
  }

  /**
   * The reader of a column of {@code type}: {@link #read(CodedInputStream, AirbyteType, String, List)} with the
   * type's coercion chosen once. Hot paths keep one per column.
   */
  public static ProtobufValueDecoder decoder(AirbyteType type) {
    ProtobufCoercions.Coercion coercion = ProtobufCoercions.forKind(type.kind());
    return (input, field, changes) -> read(input, coercion, field, changes);
  }

  private static Object read(CodedInputStream input, ProtobufCoercions.Coercion coercion, String field,
      List<MetaChange> changes) throws IOException {
    int before = changes.size();
    Object value = null;
    boolean isNull = false;
    boolean big = false;
    int tag;
    while ((tag = input.readTag()) != 0) {
      if (!ProtobufWire.isKnown(tag)) {
        input.skipField(tag);
      } else if (WireFormat.getTagFieldNumber(tag) == IS_NULL) {
        isNull = input.readBool();
      } else if (big && outranked(tag)) {
        input.skipField(tag);
      } else {
        // A later case replaces an earlier one, and with it the change the earlier one may have reported.
        forget(changes, before);
        big |= isBig(tag);
        value = coercion.coerce(input, tag, field, changes);
      }
    }
    if (isNull) {
      forget(changes, before);
      return null;
    }
    return value;
  }

  /**
   * Reads one {@code AirbyteValueProtobuf} as {@link #read} does and writes it to {@code json} as the JSON value a
   * source would have sent: a string; an integer; a number (NaN and infinities as the strings {@code "NaN"},
   * {@code "Infinity"}, {@code "-Infinity"}); a big integer or decimal as a number of its text (a text that is no
   * number as a string); a boolean; dates, times and timestamps as ISO-8601 strings (offsets {@code Z} or
   * {@code +hh:mm[:ss]}); the json case copied token by token, numbers as written; null. When the json case turns
   * out not to be valid JSON, {@code json} may hold part of it: the caller drops what it was writing.
   *
   * @throws IOException when the message is broken, or holds a value that has no JSON: json that is not valid JSON
   *     (the message names the problem, never the value), a string that is not UTF-8, a date or time out of range;
   *     or when {@code json} cannot write
   */
  public static void writeJson(CodedInputStream input, JsonGenerator json) throws IOException {
    Case value = readCase(input);
    if (value.number() == 0) {
      json.writeNull();
    } else if (value.raw() == null) {
      throw new IOException("The " + ProtobufWire.caseName(value.number()) + " value of a speed-mode record is "
          + (ProtobufWire.isText(value.number()) ? "not valid UTF-8" : "out of range") + "; it has no JSON form");
    } else {
      EmbeddedJson.write(json, value.number(), value.raw());
    }
  }

  /**
   * Reads one {@code AirbyteValueProtobuf} as {@link #read} does and gives a parser on the first token of its JSON:
   * the json case's bytes, or the JSON text {@link #writeJson} writes for another case, with the tokens a JSON line's
   * parser gives for them. What a generated codec reads objects, arrays, unions and schemaless values from, with the
   * readers it has for JSON records, so that they come out as from a JSON line. A value that has no JSON (json that
   * is not exactly one JSON value, a string that is not UTF-8, a date out of range) is null, with a typecast error for
   * {@code field} in {@code changes}, as {@link #read} gives for a column of those types.
   *
   * @throws IOException only when the message itself is broken
   */
  public static JsonParser parser(CodedInputStream input, String field, List<MetaChange> changes)
      throws IOException {
    Case value = readCase(input);
    JsonParser parser = value.number() != 0 && value.raw() == null ? null
        : EmbeddedJson.parser(value.number(), value.raw());
    if (parser == null) {
      changes.add(MetaChange.typecastError(field));
      parser = EmbeddedJson.parser(0, null);
    }
    return parser;
  }

  /**
   * The case a value holds, read to the message's end: its field number, 0 for null; and its value as
   * {@link ProtobufWire#raw} reads it, null when it fails its check.
   */
  private static Case readCase(CodedInputStream input) throws IOException {
    // The same choice of case as a column's read, each case kept as read instead of coerced; it reports no change.
    Object read = read(input, RAW, "", List.of());
    return read == null ? new Case(0, null) : (Case) read;
  }

  private static final ProtobufCoercions.Coercion RAW = (in, tag, field, changes) -> {
    int number = WireFormat.getTagFieldNumber(tag);
    return new Case(number, ProtobufWire.raw(in, number));
  };

  private record Case(int number, Object raw) {}

  /** Whether the case is {@code big_integer} or {@code big_decimal}, which win over the plain number cases. */
  private static boolean isBig(int tag) {
    int number = WireFormat.getTagFieldNumber(tag);
    return number == BIG_INTEGER || number == BIG_DECIMAL;
  }

  /** Whether the case is {@code integer} or {@code number}, which a big one read before outranks. */
  private static boolean outranked(int tag) {
    int number = WireFormat.getTagFieldNumber(tag);
    return number == INTEGER || number == NUMBER;
  }

  /** Drops the changes appended since {@code size}: the value that caused them was replaced. */
  private static void forget(List<MetaChange> changes, int size) {
    while (changes.size() > size) {
      changes.remove(changes.size() - 1);
    }
  }
}

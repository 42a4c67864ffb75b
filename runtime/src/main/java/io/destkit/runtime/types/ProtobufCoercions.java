package io.destkit.runtime.types;

import static io.destkit.runtime.types.ProtobufValues.BIG_DECIMAL;
import static io.destkit.runtime.types.ProtobufValues.BIG_INTEGER;
import static io.destkit.runtime.types.ProtobufValues.BOOLEAN;
import static io.destkit.runtime.types.ProtobufValues.DATE;
import static io.destkit.runtime.types.ProtobufValues.INTEGER;
import static io.destkit.runtime.types.ProtobufValues.JSON;
import static io.destkit.runtime.types.ProtobufValues.NUMBER;
import static io.destkit.runtime.types.ProtobufValues.STRING;
import static io.destkit.runtime.types.ProtobufValues.TIMESTAMP_WITHOUT_TIMEZONE;
import static io.destkit.runtime.types.ProtobufValues.TIMESTAMP_WITH_TIMEZONE;
import static io.destkit.runtime.types.ProtobufValues.TIME_WITHOUT_TIMEZONE;
import static io.destkit.runtime.types.ProtobufValues.TIME_WITH_TIMEZONE;

import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.List;

/**
 * The value of one case of {@code AirbyteValueProtobuf} for a column of each kind: a switch over the case per kind,
 * mirroring {@link ValueDecoders} (which see for the rules). Each method reads the case whose tag was just read,
 * primitives straight from the input, and gives null with a change for a misfit.
 */
final class ProtobufCoercions {
  // 2^63: the first double beyond long; -2^63 is Long.MIN_VALUE itself.
  private static final double TWO_TO_63 = 0x1p63;

  private ProtobufCoercions() {}

  /** How the case just read (its {@code tag}) becomes a value of one kind of column. */
  @FunctionalInterface
  interface Coercion {
    Object coerce(CodedInputStream in, int tag, String field, List<MetaChange> changes) throws IOException;
  }

  private static final Coercion ARRAY = (in, tag, field, changes) -> json(in, tag, JsonToken.START_ARRAY, field,
      changes);
  private static final Coercion OBJECT = (in, tag, field, changes) -> json(in, tag, JsonToken.START_OBJECT, field,
      changes);

  /**
   * The coercion of columns of {@code kind}: chosen once per column, so that each kind's code is compiled on its own
   * (one method with every kind's cases inlined is slow for the JIT to compile, and reads start before it is).
   */
  static Coercion forKind(AirbyteType.Kind kind) {
    return switch (kind) {
      case STRING -> ProtobufCoercions::string;
      case BOOLEAN -> ProtobufCoercions::bool;
      case INTEGER -> ProtobufCoercions::integer;
      case NUMBER -> ProtobufCoercions::number;
      case DATE -> ProtobufCoercions::date;
      case TIMESTAMP_WITH_TIMEZONE -> ProtobufCoercions::timestampWithTimezone;
      case TIMESTAMP_WITHOUT_TIMEZONE -> ProtobufCoercions::timestampWithoutTimezone;
      case TIME_WITH_TIMEZONE -> ProtobufCoercions::timeWithTimezone;
      case TIME_WITHOUT_TIMEZONE -> ProtobufCoercions::timeWithoutTimezone;
      case BINARY -> ProtobufCoercions::binary;
      case ARRAY -> ARRAY;
      case OBJECT -> OBJECT;
      case UNION, UNKNOWN -> ProtobufCoercions::anyJson;
    };
  }

  private static Object string(CodedInputStream in, int tag, String field, List<MetaChange> changes)
      throws IOException {
    int number = WireFormat.getTagFieldNumber(tag);
    return switch (number) {
      case STRING, BIG_INTEGER, BIG_DECIMAL -> orTypecastError(ProtobufWire.text(in), field, changes);
      case INTEGER -> Long.toString(in.readSInt64());
      case NUMBER -> Double.toString(in.readDouble());
      case BOOLEAN -> in.readBool() ? "true" : "false";
      case JSON -> orTypecastError(EmbeddedJson.compact(in.readByteArray(), null), field, changes);
      default -> {
        Object temporal = ProtobufWire.raw(in, number);
        yield temporal == null ? typecastError(field, changes) : JsonTrees.iso((TemporalAccessor) temporal);
      }
    };
  }

  private static Object bool(CodedInputStream in, int tag, String field, List<MetaChange> changes)
      throws IOException {
    switch (WireFormat.getTagFieldNumber(tag)) {
      case BOOLEAN:
        return in.readBool();
      case STRING:
        String text = ProtobufWire.text(in);
        if ("true".equalsIgnoreCase(text)) {
          return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(text)) {
          return Boolean.FALSE;
        }
        return typecastError(field, changes);
      default:
        return misfit(in, tag, field, changes);
    }
  }

  private static Object integer(CodedInputStream in, int tag, String field, List<MetaChange> changes)
      throws IOException {
    return switch (WireFormat.getTagFieldNumber(tag)) {
      case INTEGER -> in.readSInt64();
      case BIG_INTEGER, BIG_DECIMAL -> {
        String text = ProtobufWire.text(in);
        yield text == null ? typecastError(field, changes) : ValueDecoders.integerText(text, field, changes);
      }
      case STRING -> {
        String text = ProtobufWire.text(in);
        yield text == null ? typecastError(field, changes) : ValueDecoders.integerText(text.trim(), field, changes);
      }
      case NUMBER -> wholeNumber(in.readDouble(), field, changes);
      default -> misfit(in, tag, field, changes);
    };
  }

  /** A double as a long when it is whole: a fraction, NaN or an infinity is a typecast error, beyond long too large. */
  private static Object wholeNumber(double value, String field, List<MetaChange> changes) {
    if (Double.isNaN(value) || Double.isInfinite(value) || value != Math.rint(value)) {
      return typecastError(field, changes);
    }
    if (value >= TWO_TO_63 || value < -TWO_TO_63) {
      changes.add(MetaChange.tooLarge(field));
      return null;
    }
    return (long) value;
  }

  private static Object number(CodedInputStream in, int tag, String field, List<MetaChange> changes)
      throws IOException {
    return switch (WireFormat.getTagFieldNumber(tag)) {
      case INTEGER -> BigDecimal.valueOf(in.readSInt64());
      case BIG_INTEGER, BIG_DECIMAL -> {
        String text = ProtobufWire.text(in);
        yield text == null ? typecastError(field, changes) : ValueDecoders.numberText(text, field, changes);
      }
      case STRING -> {
        String text = ProtobufWire.text(in);
        yield text == null ? typecastError(field, changes) : ValueDecoders.numberText(text.trim(), field, changes);
      }
      case NUMBER -> {
        double value = in.readDouble();
        // No SQL decimal holds NaN or an infinity.
        yield Double.isFinite(value) ? Doubles.decimal(value) : typecastError(field, changes);
      }
      default -> misfit(in, tag, field, changes);
    };
  }

  private static Object date(CodedInputStream in, int tag, String field, List<MetaChange> changes)
      throws IOException {
    return switch (WireFormat.getTagFieldNumber(tag)) {
      case DATE -> orTypecastError(ProtobufWire.date(in.readSInt64()), field, changes);
      case TIMESTAMP_WITH_TIMEZONE -> {
        OffsetDateTime value = ProtobufWire.offsetDateTime(in);
        yield value == null ? typecastError(field, changes) : value.toLocalDate();
      }
      case TIMESTAMP_WITHOUT_TIMEZONE -> {
        LocalDateTime value = ProtobufWire.localDateTime(in);
        yield value == null ? typecastError(field, changes) : value.toLocalDate();
      }
      case STRING -> {
        char[] text = chars(ProtobufWire.text(in));
        yield orTypecastError(text == null ? null : IsoTemporals.date(text, 0, text.length), field, changes);
      }
      default -> misfit(in, tag, field, changes);
    };
  }

  private static Object timestampWithTimezone(CodedInputStream in, int tag, String field, List<MetaChange> changes)
      throws IOException {
    return switch (WireFormat.getTagFieldNumber(tag)) {
      case TIMESTAMP_WITH_TIMEZONE -> orTypecastError(ProtobufWire.offsetDateTime(in), field, changes);
      case TIMESTAMP_WITHOUT_TIMEZONE -> {
        LocalDateTime value = ProtobufWire.localDateTime(in);
        yield value == null ? typecastError(field, changes) : OffsetDateTime.of(value, ZoneOffset.UTC);
      }
      case DATE -> {
        LocalDate value = ProtobufWire.date(in.readSInt64());
        yield value == null ? typecastError(field, changes)
            : OffsetDateTime.of(value, LocalTime.MIDNIGHT, ZoneOffset.UTC);
      }
      case STRING -> {
        char[] text = chars(ProtobufWire.text(in));
        yield orTypecastError(text == null ? null : IsoTemporals.timestampWithTimezone(text, 0, text.length), field,
            changes);
      }
      default -> misfit(in, tag, field, changes);
    };
  }

  private static Object timestampWithoutTimezone(CodedInputStream in, int tag, String field,
      List<MetaChange> changes) throws IOException {
    return switch (WireFormat.getTagFieldNumber(tag)) {
      case TIMESTAMP_WITHOUT_TIMEZONE -> orTypecastError(ProtobufWire.localDateTime(in), field, changes);
      case TIMESTAMP_WITH_TIMEZONE -> {
        OffsetDateTime value = ProtobufWire.offsetDateTime(in);
        yield value == null ? typecastError(field, changes) : value.toLocalDateTime();
      }
      case DATE -> {
        LocalDate value = ProtobufWire.date(in.readSInt64());
        yield value == null ? typecastError(field, changes) : value.atStartOfDay();
      }
      case STRING -> {
        char[] text = chars(ProtobufWire.text(in));
        yield orTypecastError(text == null ? null : IsoTemporals.timestampWithoutTimezone(text, 0, text.length),
            field, changes);
      }
      default -> misfit(in, tag, field, changes);
    };
  }

  private static Object timeWithTimezone(CodedInputStream in, int tag, String field, List<MetaChange> changes)
      throws IOException {
    return switch (WireFormat.getTagFieldNumber(tag)) {
      case TIME_WITH_TIMEZONE -> orTypecastError(ProtobufWire.offsetTime(in), field, changes);
      case TIME_WITHOUT_TIMEZONE -> {
        LocalTime value = ProtobufWire.localTime(in.readUInt64());
        yield value == null ? typecastError(field, changes) : OffsetTime.of(value, ZoneOffset.UTC);
      }
      case STRING -> {
        char[] text = chars(ProtobufWire.text(in));
        yield orTypecastError(text == null ? null : IsoTemporals.timeWithTimezone(text, 0, text.length), field,
            changes);
      }
      default -> misfit(in, tag, field, changes);
    };
  }

  private static Object timeWithoutTimezone(CodedInputStream in, int tag, String field, List<MetaChange> changes)
      throws IOException {
    return switch (WireFormat.getTagFieldNumber(tag)) {
      case TIME_WITHOUT_TIMEZONE -> orTypecastError(ProtobufWire.localTime(in.readUInt64()), field, changes);
      case TIME_WITH_TIMEZONE -> {
        OffsetTime value = ProtobufWire.offsetTime(in);
        yield value == null ? typecastError(field, changes) : value.toLocalTime();
      }
      case STRING -> {
        char[] text = chars(ProtobufWire.text(in));
        yield orTypecastError(text == null ? null : IsoTemporals.timeWithoutTimezone(text, 0, text.length), field,
            changes);
      }
      default -> misfit(in, tag, field, changes);
    };
  }

  private static Object binary(CodedInputStream in, int tag, String field, List<MetaChange> changes)
      throws IOException {
    if (WireFormat.getTagFieldNumber(tag) != STRING) {
      return misfit(in, tag, field, changes);
    }
    String text = ProtobufWire.text(in);
    if (text == null) {
      return typecastError(field, changes);
    }
    // As ValueDecoders: the alphabets differ only in '+' '/' versus '-' '_'; the URL decoder refuses a mix.
    boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
    try {
      return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
    } catch (IllegalArgumentException e) {
      return typecastError(field, changes);
    }
  }

  /** An array or object column: only the json case holding a value that starts with {@code first} fits. */
  private static Object json(CodedInputStream in, int tag, JsonToken first, String field, List<MetaChange> changes)
      throws IOException {
    if (WireFormat.getTagFieldNumber(tag) != JSON) {
      return misfit(in, tag, field, changes);
    }
    // In place in the frame when the reader lets the stream alias it (a copy otherwise): the String made is the copy.
    ByteBuffer bytes = in.readByteBuffer();
    String json = EmbeddedJson.compact(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining(),
        first);
    return json == null ? typecastError(field, changes) : new RawJson(json);
  }

  /** A union or unknown column: any case, as its JSON text. */
  private static Object anyJson(CodedInputStream in, int tag, String field, List<MetaChange> changes)
      throws IOException {
    int number = WireFormat.getTagFieldNumber(tag);
    Object raw = ProtobufWire.raw(in, number);
    String json = raw == null ? null
        : number == JSON ? EmbeddedJson.compact((byte[]) raw, null) : EmbeddedJson.scalarText(number, raw);
    return json == null ? typecastError(field, changes) : new RawJson(json);
  }

  /** The characters of {@code text} for the ISO parsers; null stays null (a string that was not UTF-8). */
  private static char[] chars(String text) {
    return text == null ? null : text.toCharArray();
  }

  private static Object orTypecastError(Object value, String field, List<MetaChange> changes) {
    return value != null ? value : typecastError(field, changes);
  }

  /** Skips a case that the column's kind does not take, and reports it. */
  private static Object misfit(CodedInputStream in, int tag, String field, List<MetaChange> changes)
      throws IOException {
    in.skipField(tag);
    return typecastError(field, changes);
  }

  private static Object typecastError(String field, List<MetaChange> changes) {
    changes.add(MetaChange.typecastError(field));
    return null;
  }
}

package io.destkit.runtime.types;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The {@link ValueDecoder} for each {@link AirbyteType}. What each type accepts and gives:
 * <ul>
 *   <li>string: {@link String}; a number or boolean gives its JSON text, an object or array its compact JSON.</li>
 *   <li>boolean: {@link Boolean}; also the strings "true" and "false", in any case.</li>
 *   <li>integer: {@link Long}; also numeric strings, and numbers whose fraction is zero ({@code 3.0}, {@code 1e2}).
 *       A fraction is a typecast error; a whole number beyond {@code long} is NULLED with
 *       {@code DESTINATION_FIELD_SIZE_LIMITATION}.</li>
 *   <li>number: {@link BigDecimal} exactly as written (never through {@code double}, so {@code 1e400} and
 *       {@code 0.1000000000000000055511} survive); also numeric strings. NaN and infinities (strings, or tokens when
 *       the parser allows them) are typecast errors: no SQL decimal holds them.</li>
 *   <li>date {@link java.time.LocalDate}, timestamp with time zone {@link java.time.OffsetDateTime}, timestamp
 *       without {@link java.time.LocalDateTime}, time with time zone {@link java.time.OffsetTime}, time without
 *       {@link java.time.LocalTime}: from strings only (Airbyte does not send epochs). A value without offset for a
 *       "with time zone" type is UTC; a value with an offset for a "without time zone" type keeps its local part; a
 *       date alone in a timestamp is its midnight; a date-time in a date column gives its date as written.
 *       Accepted: RFC 3339 / ISO-8601 with a "T", "t" or space between date and time, seconds optional, a fraction
 *       up to nanoseconds (further digits dropped), offsets {@code Z}, {@code +hh:mm}, {@code +hhmm}, {@code +hh},
 *       years of 4 to 9 digits or signed, a {@code [Region/Zone]} suffix. " BC" gives proleptic years (1 BC is
 *       year 0). A leap second (23:59:60 UTC) is read as 23:59:59, as {@link java.time.Instant#parse} does;
 *       24:00:00 in a timestamp is the next day's midnight and in a time a typecast error.</li>
 *   <li>binary: {@code byte[]} from base64, standard or URL-safe alphabet, padding optional.</li>
 *   <li>array, object: {@link RawJson} of the value; a value of another JSON kind is a typecast error.</li>
 *   <li>union, unknown: {@link RawJson} of any value, scalars included ({@code "\"abc\""}, {@code "12"}).</li>
 * </ul>
 * JSON null is null for every type.
 */
public final class ValueDecoders {
  // Longer numeric text is refused before BigDecimal parses it (which costs more than linear time); it is
  // Jackson's default limit on a number's length in JSON too.
  private static final int MAX_NUMBER_TEXT = 1000;
  // A long has at most 19 digits: text with more digits before the point is too large without parsing it whole.
  private static final int LONG_DIGITS = 19;

  private static final ValueDecoder STRING = ValueDecoders::string;
  private static final ValueDecoder BOOLEAN = ValueDecoders::bool;
  private static final ValueDecoder INTEGER = ValueDecoders::integer;
  private static final ValueDecoder NUMBER = ValueDecoders::number;
  private static final ValueDecoder DATE = temporal(IsoTemporals::date);
  private static final ValueDecoder TIMESTAMP_WITH_TIMEZONE = temporal(IsoTemporals::timestampWithTimezone);
  private static final ValueDecoder TIMESTAMP_WITHOUT_TIMEZONE = temporal(IsoTemporals::timestampWithoutTimezone);
  private static final ValueDecoder TIME_WITH_TIMEZONE = temporal(IsoTemporals::timeWithTimezone);
  private static final ValueDecoder TIME_WITHOUT_TIMEZONE = temporal(IsoTemporals::timeWithoutTimezone);
  private static final ValueDecoder BINARY = ValueDecoders::binary;
  private static final ValueDecoder ARRAY = ValueDecoders::array;
  private static final ValueDecoder OBJECT = ValueDecoders::object;
  private static final ValueDecoder ANY_JSON = ValueDecoders::anyJson;

  private ValueDecoders() {}

  /** The decoder for values of {@code type}; build it once per column and reuse it for every record. */
  public static ValueDecoder forType(AirbyteType type) {
    Objects.requireNonNull(type, "type");
    return switch (type.kind()) {
      case STRING -> STRING;
      case BOOLEAN -> BOOLEAN;
      case INTEGER -> INTEGER;
      case NUMBER -> NUMBER;
      case DATE -> DATE;
      case TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_WITH_TIMEZONE;
      case TIMESTAMP_WITHOUT_TIMEZONE -> TIMESTAMP_WITHOUT_TIMEZONE;
      case TIME_WITH_TIMEZONE -> TIME_WITH_TIMEZONE;
      case TIME_WITHOUT_TIMEZONE -> TIME_WITHOUT_TIMEZONE;
      case BINARY -> BINARY;
      case ARRAY -> ARRAY;
      case OBJECT -> OBJECT;
      case UNION, UNKNOWN -> ANY_JSON;
    };
  }

  private static Object string(JsonParser parser, String field, List<MetaChange> changes) throws IOException {
    switch (token(parser)) {
      case VALUE_STRING:
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return parser.getText();
      case VALUE_TRUE:
        return "true";
      case VALUE_FALSE:
        return "false";
      case VALUE_NULL:
        return null;
      case START_OBJECT:
      case START_ARRAY:
        return JsonText.compact(parser);
      default:
        return typecastError(parser, field, changes);
    }
  }

  private static Object bool(JsonParser parser, String field, List<MetaChange> changes) throws IOException {
    switch (token(parser)) {
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      case VALUE_STRING:
        String text = parser.getText();
        if ("true".equalsIgnoreCase(text)) {
          return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(text)) {
          return Boolean.FALSE;
        }
        return typecastError(parser, field, changes);
      default:
        return typecastError(parser, field, changes);
    }
  }

  private static Object integer(JsonParser parser, String field, List<MetaChange> changes) throws IOException {
    switch (token(parser)) {
      case VALUE_NUMBER_INT:
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          return tooLarge(field, changes);
        }
        return parser.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return parser.isNaN() ? typecastError(parser, field, changes) : integerText(parser.getText(), field, changes);
      case VALUE_STRING:
        return integerText(parser.getText().trim(), field, changes);
      case VALUE_NULL:
        return null;
      default:
        return typecastError(parser, field, changes);
    }
  }

  /** The {@link Long} that {@code text} writes, if it is a whole number; else null and a change. */
  static Long integerText(String text, String field, List<MetaChange> changes) {
    Long simple = simpleLong(text);
    if (simple != null) {
      return simple;
    }
    BigDecimal value = decimal(text);
    if (value == null) {
      if (text.length() > MAX_NUMBER_TEXT && looksNumeric(text)) {
        changes.add(MetaChange.tooLarge(field));
      } else {
        changes.add(MetaChange.typecastError(field));
      }
      return null;
    }
    if (value.signum() != 0 && value.scale() > 0 && value.stripTrailingZeros().scale() > 0) {
      changes.add(MetaChange.typecastError(field));
      return null;
    }
    if (value.precision() - value.scale() > LONG_DIGITS) {
      changes.add(MetaChange.tooLarge(field));
      return null;
    }
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      changes.add(MetaChange.tooLarge(field));
      return null;
    }
  }

  /** {@code text} as a long when it is an optional sign and at most 18 digits (cannot overflow); else null. */
  private static Long simpleLong(String text) {
    int length = text.length();
    int i = 0;
    boolean negative = false;
    if (length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
      negative = text.charAt(0) == '-';
      i = 1;
    }
    if (length == i || length - i > LONG_DIGITS - 1) {
      return null;
    }
    long value = 0;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      value = value * 10 + (c - '0');
    }
    return negative ? -value : value;
  }

  private static Object number(JsonParser parser, String field, List<MetaChange> changes) throws IOException {
    switch (token(parser)) {
      case VALUE_NUMBER_INT:
        if (parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
          return BigDecimal.valueOf(parser.getLongValue());
        }
        return numberText(parser.getText(), field, changes);
      case VALUE_NUMBER_FLOAT:
        if (parser.isNaN()) {
          return typecastError(parser, field, changes);
        }
        BigDecimal simple = simpleDecimal(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        return simple != null ? simple : numberText(parser.getText(), field, changes);
      case VALUE_STRING:
        return numberText(parser.getText().trim(), field, changes);
      case VALUE_NULL:
        return null;
      default:
        return typecastError(parser, field, changes);
    }
  }

  /**
   * The decimal that {@code text} writes when it is an optional minus, digits, a point and digits, at most 18 digits
   * in all (the common case, which needs no general parsing); else null.
   */
  private static BigDecimal simpleDecimal(char[] text, int offset, int length) {
    int end = offset + length;
    int i = offset;
    boolean negative = i < end && text[i] == '-';
    if (negative) {
      i++;
    }
    long unscaled = 0;
    int digits = 0;
    int scale = -1;
    for (; i < end; i++) {
      char c = text[i];
      if (c >= '0' && c <= '9') {
        unscaled = unscaled * 10 + (c - '0');
        digits++;
        if (scale >= 0) {
          scale++;
        }
      } else if (c == '.' && scale < 0) {
        scale = 0;
      } else {
        return null;
      }
    }
    if (digits == 0 || digits > LONG_DIGITS - 1 || scale <= 0) {
      return null;
    }
    return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
  }

  static BigDecimal numberText(String text, String field, List<MetaChange> changes) {
    BigDecimal value = decimal(text);
    if (value == null) {
      if (text.length() > MAX_NUMBER_TEXT && looksNumeric(text)) {
        changes.add(MetaChange.tooLarge(field));
      } else {
        changes.add(MetaChange.typecastError(field));
      }
    }
    return value;
  }

  /** {@code text} as a decimal, or null if it is not one (NaN and infinities are not) or too long to parse. */
  static BigDecimal decimal(String text) {
    if (text.isEmpty() || text.length() > MAX_NUMBER_TEXT) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean looksNumeric(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E') {
        return false;
      }
    }
    return true;
  }

  /** Parses ISO-8601 text into a java.time value, or null when the text does not hold one. */
  @FunctionalInterface
  private interface TemporalText {
    Object parse(char[] text, int offset, int length);
  }

  /** The decoder of a date or time type: JSON strings parsed by {@code parse}; anything else is a typecast error. */
  private static ValueDecoder temporal(TemporalText parse) {
    return (parser, field, changes) -> {
      JsonToken token = token(parser);
      if (token == JsonToken.VALUE_NULL) {
        return null;
      }
      if (token != JsonToken.VALUE_STRING) {
        return typecastError(parser, field, changes);
      }
      Object value = parse.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
      return value != null ? value : typecastError(parser, field, changes);
    };
  }


  private static Object binary(JsonParser parser, String field, List<MetaChange> changes) throws IOException {
    JsonToken token = token(parser);
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      return typecastError(parser, field, changes);
    }
    String text = parser.getText();
    // The two alphabets differ only in '+' '/' versus '-' '_'; a text mixing them is refused by the URL decoder.
    boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
    try {
      return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
    } catch (IllegalArgumentException e) {
      return typecastError(parser, field, changes);
    }
  }

  private static Object array(JsonParser parser, String field, List<MetaChange> changes) throws IOException {
    switch (token(parser)) {
      case START_ARRAY:
        return new RawJson(JsonText.compact(parser));
      case VALUE_NULL:
        return null;
      default:
        return typecastError(parser, field, changes);
    }
  }

  private static Object object(JsonParser parser, String field, List<MetaChange> changes) throws IOException {
    switch (token(parser)) {
      case START_OBJECT:
        return new RawJson(JsonText.compact(parser));
      case VALUE_NULL:
        return null;
      default:
        return typecastError(parser, field, changes);
    }
  }

  private static Object anyJson(JsonParser parser, String field, List<MetaChange> changes) throws IOException {
    if (token(parser) == JsonToken.VALUE_NULL) {
      return null;
    }
    return new RawJson(JsonText.compact(parser));
  }

  /** The parser's current token, which must start a value: anything else is a bug in the caller, not bad data. */
  private static JsonToken token(JsonParser parser) {
    JsonToken token = parser.currentToken();
    if (token == null || token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT
        || token == JsonToken.END_ARRAY || token == JsonToken.NOT_AVAILABLE) {
      throw new IllegalStateException("The parser must be on a value's first token, but is on " + token
          + "; call nextToken() to move onto the value before decoding it");
    }
    return token;
  }

  /** Skips the rest of the value (an object's or array's children), records the typecast error, gives null. */
  private static Object typecastError(JsonParser parser, String field, List<MetaChange> changes) throws IOException {
    parser.skipChildren();
    changes.add(MetaChange.typecastError(field));
    return null;
  }

  private static Object tooLarge(String field, List<MetaChange> changes) {
    changes.add(MetaChange.tooLarge(field));
    return null;
  }
}

package io.destkit.testkit.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.testkit.messages.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What a value means, by its Airbyte type, whether the suite sent it as JSON or a destination gave it back in its own
 * Java form (see {@link DestinationReader}): text, Boolean, BigDecimal, LocalDate, Instant (timestamps with zone),
 * LocalDateTime, OffsetTime, LocalTime, ByteBuffer (binary) or JsonNode. Two values are the same when their meanings
 * are; a landed value that cannot be read as its type means {@link Unreadable}, which is never the same as anything.
 */
final class ValueMeaning {
  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);
  private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);
  private static final int SHOWN = 200;

  private ValueMeaning() {}

  /** A landed value that is not of its type, e.g. the text "abc" for a number. */
  record Unreadable(Object value, String why) {}

  /** The meaning of a JSON value the suite sent for a field of {@code type}; null for JSON null or no value. */
  static Object ofSent(AirbyteType type, JsonNode sent) {
    if (sent == null || sent.isNull() || sent.isMissingNode()) {
      return null;
    }
    return switch (type.kind()) {
      case STRING -> sent.isTextual() ? sent.textValue() : Json.write(sent);
      case BOOLEAN -> sent.isBoolean() ? sent.booleanValue() : Boolean.valueOf(sent.asText());
      case INTEGER, NUMBER -> sent.isNumber() ? sent.decimalValue() : new BigDecimal(sent.asText().trim());
      case BINARY -> ByteBuffer.wrap(base64(sent.asText()));
      case ARRAY, OBJECT, UNION, UNKNOWN -> sent;
      case DATE, TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_WITHOUT_TIMEZONE, TIME_WITH_TIMEZONE, TIME_WITHOUT_TIMEZONE ->
          ofText(type, sent.asText());
    };
  }

  /** The meaning of a value a {@link DestinationReader} gave for a field of {@code type}; null for null. */
  static Object ofLanded(AirbyteType type, Object landed) {
    if (landed == null) {
      return null;
    }
    try {
      return switch (type.kind()) {
        case STRING -> landed instanceof byte[] bytes ? new Unreadable(landed, "bytes for text") : landed.toString();
        case BOOLEAN -> bool(landed);
        case INTEGER, NUMBER -> decimal(landed);
        case DATE -> date(landed);
        case TIMESTAMP_WITH_TIMEZONE -> instant(landed);
        case TIMESTAMP_WITHOUT_TIMEZONE -> localDateTime(landed);
        case TIME_WITH_TIMEZONE -> landed instanceof OffsetTime time ? time : ofText(type, landed.toString());
        case TIME_WITHOUT_TIMEZONE -> localTime(landed);
        case BINARY -> binary(landed);
        case ARRAY, OBJECT, UNION, UNKNOWN -> {
          JsonNode json = json(landed);
          yield json.isNull() ? null : json;
        }
      };
    } catch (RuntimeException e) {
      return new Unreadable(landed, "not a " + name(type) + ": " + e.getMessage());
    }
  }

  /** Whether two meanings (of {@link #ofSent} or {@link #ofLanded}) are the same value. */
  static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Unreadable || b instanceof Unreadable) {
      return false;
    }
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    if (a instanceof OffsetTime x && b instanceof OffsetTime y) {
      return x.isEqual(y);
    }
    if (a instanceof JsonNode x && b instanceof JsonNode y) {
      return sameJson(x, y);
    }
    return a.equals(b);
  }

  /**
   * Whether {@code landed} holds the value sent as {@code sent}, read as text, as a number (for a number sent) or as
   * JSON. For a field whose type changed between syncs: its column may now be of either type, or a wider one, so the
   * rows of the earlier sync are compared by what a person reading them would see, not by the field's new type.
   */
  static boolean sameLoosely(JsonNode sent, Object landed) {
    if (sent == null || sent.isNull() || sent.isMissingNode() || landed == null) {
      return (sent == null || sent.isNull() || sent.isMissingNode()) && landed == null;
    }
    if (same(ofSent(AirbyteType.STRING, sent), ofLanded(AirbyteType.STRING, landed))) {
      return true;
    }
    // Only for a number sent: the text "0042" read as the number 42 would be a value lost, not kept.
    if (sent.isNumber() && same(ofSent(AirbyteType.NUMBER, sent), ofLanded(AirbyteType.NUMBER, landed))) {
      return true;
    }
    return sameJson(sent, json(landed));
  }

  /** A stable text for a meaning, to match rows by key: equal meanings give equal keys. */
  static String key(Object meaning) {
    if (meaning instanceof BigDecimal number) {
      return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }
    if (meaning instanceof JsonNode json) {
      return Json.write(json);
    }
    return String.valueOf(meaning);
  }

  /** The instant of {@code _airbyte_extracted_at} as landed: a timestamp with time zone, or epoch milliseconds. */
  static Object extractedAt(Object landed) {
    if (landed instanceof Number number && !(landed instanceof BigDecimal && ((BigDecimal) landed).scale() > 0)) {
      return Instant.ofEpochMilli(number.longValue());
    }
    return ofLanded(AirbyteType.TIMESTAMP_WITH_TIMEZONE, landed);
  }

  /** {@code _airbyte_raw_id} as landed: a UUID, or its text. */
  static Object rawId(Object landed) {
    if (landed == null) {
      return null;
    }
    if (landed instanceof UUID uuid) {
      return uuid;
    }
    try {
      return UUID.fromString(landed.toString());
    } catch (IllegalArgumentException e) {
      return new Unreadable(landed, "not a UUID");
    }
  }

  /** JSON as landed: a JsonNode, JSON text, or an object whose text is JSON; text that is not JSON is a string. */
  static JsonNode json(Object landed) {
    if (landed instanceof JsonNode json) {
      return json;
    }
    String text = landed instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
        : landed.toString();
    try {
      JsonNode json = Json.MAPPER.readTree(text);
      return json == null ? Json.value(text) : json;
    } catch (Exception e) {
      return Json.value(text);
    }
  }

  /** A short form of a landed or sent value for messages: its text (cut when long) and its Java class. */
  static String show(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Unreadable unreadable) {
      return show(unreadable.value()) + " (" + unreadable.why() + ")";
    }
    String text;
    if (value instanceof byte[] bytes) {
      text = "bytes " + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 64));
    } else if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      text = "bytes " + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 64));
    } else if (value instanceof JsonNode json) {
      text = Json.write(json);
    } else if (value instanceof String string) {
      text = '"' + string + '"';
    } else {
      text = value.toString();
    }
    if (text.length() > SHOWN) {
      text = text.substring(0, SHOWN) + "... (" + text.length() + " characters)";
    }
    return text + (value instanceof String || value instanceof JsonNode ? "" : " (" + value.getClass().getSimpleName()
        + ")");
  }

  /** The type's name as Airbyte writes it, e.g. {@code timestamp_with_timezone}. */
  static String name(AirbyteType type) {
    return type.kind().name().toLowerCase(Locale.ROOT);
  }

  private static Object ofText(AirbyteType type, String text) {
    String trimmed = text.trim();
    return switch (type.kind()) {
      case DATE -> parseDate(trimmed);
      case TIMESTAMP_WITH_TIMEZONE -> {
        TemporalAccessor instant = DATE_TIME.parseBest(trimmed, OffsetDateTime::from, LocalDateTime::from);
        yield instant instanceof OffsetDateTime offset ? offset.toInstant()
            : ((LocalDateTime) instant).toInstant(ZoneOffset.UTC);
      }
      case TIMESTAMP_WITHOUT_TIMEZONE -> {
        TemporalAccessor dateTime = DATE_TIME.parseBest(trimmed, OffsetDateTime::from, LocalDateTime::from);
        yield dateTime instanceof OffsetDateTime offset ? offset.toLocalDateTime() : dateTime;
      }
      case TIME_WITH_TIMEZONE -> {
        TemporalAccessor time = TIME.parseBest(trimmed, OffsetTime::from, LocalTime::from);
        yield time instanceof OffsetTime offsetTime ? offsetTime : ((LocalTime) time).atOffset(ZoneOffset.UTC);
      }
      case TIME_WITHOUT_TIMEZONE -> {
        TemporalAccessor local = TIME.parseBest(trimmed, OffsetTime::from, LocalTime::from);
        yield local instanceof OffsetTime offsetTime ? offsetTime.toLocalTime() : local;
      }
      case STRING, BOOLEAN, INTEGER, NUMBER, BINARY, ARRAY, OBJECT, UNION, UNKNOWN -> trimmed;
    };
  }

  /** ISO dates, negative years, {@code " BC"} (1 BC is year 0), and the date of a date-time. */
  private static LocalDate parseDate(String text) {
    boolean bc = text.toUpperCase(Locale.ROOT).endsWith(" BC");
    String iso = bc ? text.substring(0, text.length() - 3).trim() : text;
    LocalDate date = iso.length() > 10 && iso.indexOf(':') > 0
        ? LocalDate.from(DATE_TIME.parse(iso)) : LocalDate.parse(iso);
    return bc ? date.with(ChronoField.YEAR, 1 - date.getYear()) : date;
  }

  private static Boolean bool(Object landed) {
    if (landed instanceof Boolean bool) {
      return bool;
    }
    if (landed instanceof Number number) {
      return decimal(number).compareTo(BigDecimal.ZERO) != 0;
    }
    switch (landed.toString().trim().toLowerCase(Locale.ROOT)) {
      case "true":
      case "t":
      case "1":
        return true;
      case "false":
      case "f":
      case "0":
        return false;
      default:
        throw new IllegalArgumentException("not true or false");
    }
  }

  private static BigDecimal decimal(Object landed) {
    if (landed instanceof BigDecimal number) {
      return number;
    }
    if (landed instanceof BigInteger number) {
      return new BigDecimal(number);
    }
    if (landed instanceof Long || landed instanceof Integer || landed instanceof Short || landed instanceof Byte) {
      return BigDecimal.valueOf(((Number) landed).longValue());
    }
    if (landed instanceof Double || landed instanceof Float) {
      // Double.toString: the shortest text that reads back as the same double, as the value was stored.
      return new BigDecimal(landed.toString());
    }
    return new BigDecimal(landed.toString().trim());
  }

  private static Object date(Object landed) {
    if (landed instanceof LocalDate date) {
      return date;
    }
    if (landed instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    return parseDate(landed.toString().trim());
  }

  private static Object instant(Object landed) {
    if (landed instanceof Instant instant) {
      return instant;
    }
    if (landed instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (landed instanceof ZonedDateTime time) {
      return time.toInstant();
    }
    if (landed instanceof java.util.Date date) {
      // java.sql.Timestamp too: an instant, whatever zone the driver printed it in.
      return date.toInstant();
    }
    return ofText(AirbyteType.TIMESTAMP_WITH_TIMEZONE, landed.toString());
  }

  private static Object localDateTime(Object landed) {
    if (landed instanceof LocalDateTime time) {
      return time;
    }
    if (landed instanceof java.sql.Timestamp time) {
      return time.toLocalDateTime();
    }
    return ofText(AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE, landed.toString());
  }

  private static Object localTime(Object landed) {
    if (landed instanceof LocalTime time) {
      return time;
    }
    if (landed instanceof java.sql.Time time) {
      return time.toLocalTime();
    }
    return ofText(AirbyteType.TIME_WITHOUT_TIMEZONE, landed.toString());
  }

  private static Object binary(Object landed) {
    if (landed instanceof byte[] bytes) {
      return ByteBuffer.wrap(bytes);
    }
    if (landed instanceof ByteBuffer buffer) {
      return buffer;
    }
    return ByteBuffer.wrap(base64(landed.toString()));
  }

  private static byte[] base64(String text) {
    String trimmed = text.trim();
    return trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
        ? Base64.getUrlDecoder().decode(trimmed) : Base64.getDecoder().decode(trimmed);
  }

  /** JSON equality by meaning: numbers by value, object keys in any order, arrays in order. */
  static boolean sameJson(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> field : a.properties()) {
        JsonNode other = b.get(field.getKey());
        if (other == null || !sameJson(field.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!sameJson(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}

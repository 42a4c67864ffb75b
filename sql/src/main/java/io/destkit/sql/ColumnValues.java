package io.destkit.sql;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.destkit.runtime.types.RawJson;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Turns a decoded value into what its column stores once the column has been widened: the text of any value for a
 * STRING column, its JSON for a JSON column, a BigDecimal for a whole number in a NUMBER column. The text forms are
 * the ones a person expects: ISO-8601 for dates and times, base64 for bytes, {@code true}/{@code false}.
 */
public final class ColumnValues {
  private ColumnValues() {}

  /** {@code value} (as the runtime decoded it, or null) in the form a column of {@code type} stores. */
  static Object forColumn(Object value, StorageType type) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case STRING -> value instanceof String ? value : text(value);
      case JSON -> value instanceof RawJson ? value : new RawJson(json(value));
      case NUMBER -> value instanceof Long ? BigDecimal.valueOf((Long) value) : value;
      case BOOLEAN, INTEGER, DATE, TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_WITHOUT_TIMEZONE, TIME_WITH_TIMEZONE,
          TIME_WITHOUT_TIMEZONE, BINARY -> value;
    };
  }

  /** The text of a value: strings as they are, JSON values as their JSON. */
  static String text(Object value) {
    if (value instanceof String) {
      return (String) value;
    } else if (value instanceof RawJson) {
      return ((RawJson) value).json();
    } else if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toString();
    } else if (value instanceof byte[]) {
      return Base64.getEncoder().encodeToString((byte[]) value);
    } else if (value instanceof OffsetDateTime) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
    } else if (value instanceof LocalDateTime) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format((LocalDateTime) value);
    } else if (value instanceof OffsetTime) {
      return DateTimeFormatter.ISO_OFFSET_TIME.format((OffsetTime) value);
    } else if (value instanceof LocalTime) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format((LocalTime) value);
    } else if (value instanceof LocalDate) {
      return DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) value);
    }
    // Long, Boolean.
    return value.toString();
  }

  /** The JSON of a value: numbers and booleans as JSON literals, everything else as a JSON string of its text. */
  static String json(Object value) {
    if (value instanceof RawJson) {
      return ((RawJson) value).json();
    } else if (value instanceof Long || value instanceof Boolean || value instanceof BigDecimal) {
      return value.toString();
    }
    return quote(text(value));
  }

  /** {@code text} as a JSON string literal. */
  static String quote(String text) {
    return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
  }
}

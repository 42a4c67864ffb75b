package io.destkit.sql.postgres;

import io.destkit.runtime.types.IsoText;
import io.destkit.runtime.types.RawJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Rows as COPY's CSV format reads them: every value quoted (a quote doubled inside; line breaks need nothing more
 * inside quotes), null as an unquoted empty field. Values are written in the text forms PostgreSQL reads for their
 * column type: ISO-8601 dates and times (years outside 1..9999 written as PostgreSQL spells them, with BC),
 * {@code \x}-hex bytes. The text must not hold NUL: {@link PostgresDialect#sanitize} removed it before.
 */
final class PostgresCsv {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS");
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

  private final StringBuilder text = new StringBuilder(1 << 16);
  private boolean rowStarted;

  /** The characters written since the last {@link #take()}. */
  int length() {
    return text.length();
  }

  /** The rows written so far, as UTF-8; starts afresh. */
  byte[] take() {
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    text.setLength(0);
    return bytes;
  }

  void endRow() {
    text.append('\n');
    rowStarted = false;
  }

  /** A field holding {@code value} in the form its column stores ({@link ColumnValues#forColumn}), or null. */
  void value(Object value) {
    if (value == null) {
      separator();
    } else if (value instanceof String string) {
      quoted(string);
    } else if (value instanceof RawJson json) {
      quoted(json.json());
    } else if (value instanceof byte[] bytes) {
      plain("\\x" + HexFormat.of().formatHex(bytes));
    } else if (value instanceof BigDecimal || value instanceof Long || value instanceof Boolean) {
      plain(value.toString());
    } else if (value instanceof OffsetDateTime timestamp) {
      plain(ordinaryYear(timestamp.getYear()) ? IsoText.offsetDateTime(timestamp)
          : withEra(timestamp.toLocalDateTime(), OFFSET.format(timestamp)));
    } else if (value instanceof LocalDateTime timestamp) {
      plain(ordinaryYear(timestamp.getYear()) ? DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(timestamp)
          : withEra(timestamp, ""));
    } else if (value instanceof LocalDate date) {
      plain(ordinaryYear(date.getYear()) ? date.toString() : withEra(date.getYear(),
          String.format(Locale.ROOT, "-%02d-%02d", date.getMonthValue(), date.getDayOfMonth())));
    } else if (value instanceof OffsetTime time) {
      plain(DateTimeFormatter.ISO_OFFSET_TIME.format(time));
    } else if (value instanceof LocalTime time) {
      plain(DateTimeFormatter.ISO_LOCAL_TIME.format(time));
    } else {
      quoted(value.toString());
    }
  }

  /** A field holding text. */
  void quoted(String value) {
    separator();
    text.append('"');
    int from = 0;
    for (int quote = value.indexOf('"'); quote >= 0; quote = value.indexOf('"', from)) {
      text.append(value, from, quote + 1).append('"');
      from = quote + 1;
    }
    text.append(value, from, value.length()).append('"');
  }

  /** A field whose text holds no quote, separator or line break: numbers, dates, hex. */
  void plain(String value) {
    separator();
    text.append(value);
  }

  private void separator() {
    if (rowStarted) {
      text.append(',');
    }
    rowStarted = true;
  }

  private static boolean ordinaryYear(int year) {
    return year >= 1 && year <= 9999;
  }

  private static String withEra(LocalDateTime timestamp, String offset) {
    return withEra(timestamp.getYear(), String.format(Locale.ROOT, "-%02d-%02dT", timestamp.getMonthValue(),
        timestamp.getDayOfMonth()) + TIME.format(timestamp) + offset);
  }

  /** The year then {@code rest}: four digits or more, and for years up to 0 (1 BC) the BC that PostgreSQL reads. */
  private static String withEra(int year, String rest) {
    return year > 0 ? year + rest : String.format(Locale.ROOT, "%04d", 1 - year) + rest + " BC";
  }
}

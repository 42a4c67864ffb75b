package io.destkit.sql.postgres;

import io.destkit.runtime.types.IsoText;
import io.destkit.runtime.types.RawJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * Rows as COPY's CSV format reads them: every value quoted (a quote doubled inside; line breaks need nothing more
 * inside quotes), null as an unquoted empty field. Values are written in the text forms PostgreSQL reads for their
 * column type: ISO-8601 dates and times (years outside 1..9999 written as PostgreSQL spells them, with BC),
 * {@code \x}-hex bytes. The text must not hold NUL: {@link PostgresDialect#sanitize} removed it before.
 *
 * <p>Rows are written as UTF-8 straight into one growing byte array, which goes to the driver as it is: no String
 * per value nor per chunk on the way (the commonest values, whole numbers, ids and timestamps, are written digit by
 * digit), since this runs for every value of every row (BENCHMARKS.md, issue 18).
 */
final class PostgresCsv extends CopyData {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSSSS");
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

  private boolean rowStarted;
  /** The last extraction time written and its text: records of a batch mostly share one. */
  private long lastEmittedAt = Long.MIN_VALUE;
  private byte[] lastExtractedAt;
  /** The last meta written, as a quoted field: most rows share one. */
  private String lastMeta;
  private byte[] lastMetaField;

  /** The bytes written since the last {@link #clear()}. */
  @Override
  void startData() {
    // CSV has no header here.
  }

  @Override
  void startRow(int fields) {
    // A row is its fields and a line break.
  }

  @Override
  void extractedAt(long epochMillis) {
    if (epochMillis != lastEmittedAt) {
      lastEmittedAt = epochMillis;
      lastExtractedAt = Instant.ofEpochMilli(epochMillis).toString().getBytes(StandardCharsets.US_ASCII);
    }
    plain(lastExtractedAt);
  }

  @Override
  void meta(String json) {
    if (json != lastMeta) {
      lastMeta = json;
      lastMetaField = quotedBytes(json);
    }
    field(lastMetaField);
  }

  @Override
  void column(int index, Object value) {
    value(value);
  }

  @Override
  void endData() {
    // CSV ends with its last row.
  }

  @Override
  void endRow() {
    room(1);
    bytes[length++] = '\n';
    rowStarted = false;
  }

  /** A field holding {@code value} in the form its column stores ({@code ColumnValues.forColumn}), or null. */
  void value(Object value) {
    if (value == null) {
      separator();
    } else if (value instanceof String string) {
      quoted(string);
    } else if (value instanceof Long number) {
      bigint(number);
    } else if (value instanceof OffsetDateTime timestamp) {
      timestamp(timestamp);
    } else if (value instanceof RawJson json) {
      quoted(json.json());
    } else if (value instanceof BigDecimal decimal) {
      plain(decimal.toString());
    } else if (value instanceof Boolean bool) {
      plain(bool ? TRUE : FALSE);
    } else if (value instanceof byte[] binary) {
      hex(binary);
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

  /** A field holding text: quoted, its quotes doubled, as UTF-8. */
  void quoted(String value) {
    separator();
    String text = value.indexOf('"') < 0 ? value : value.replace("\"", "\"\"");
    room(Utf8.maxBytes(text.length()) + 2);
    bytes[length++] = '"';
    length = Utf8.encode(text, bytes, length);
    bytes[length++] = '"';
  }

  /** A field whose text holds no quote, separator or line break: numbers, dates, hex. */
  void plain(String value) {
    separator();
    int count = value.length();
    room(count);
    for (int i = 0; i < count; i++) {
      bytes[length++] = (byte) value.charAt(i);
    }
  }

  /** A field of ASCII bytes that need no quotes, as {@link #plain(String)}. */
  void plain(byte[] ascii) {
    separator();
    room(ascii.length);
    System.arraycopy(ascii, 0, bytes, length, ascii.length);
    length += ascii.length;
  }

  /** A field of bytes that are already a quoted CSV field (see {@link #quotedBytes}). */
  void field(byte[] csvField) {
    plain(csvField);
  }

  /** A whole number, digit by digit. */
  @Override
  void bigint(long value) {
    separator();
    room(20);
    if (value < 0) {
      bytes[length++] = '-';
      if (value == Long.MIN_VALUE) {
        plainDigits("9223372036854775808");
        return;
      }
      value = -value;
    }
    int digits = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    int end = length + digits;
    for (int i = end - 1; i >= length; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length = end;
  }

  /** A UUID in its 36-character form. */
  @Override
  void uuid(UUID id) {
    separator();
    room(36);
    hexDigits(id.getMostSignificantBits() >>> 32, 8);
    bytes[length++] = '-';
    hexDigits(id.getMostSignificantBits() >>> 16, 4);
    bytes[length++] = '-';
    hexDigits(id.getMostSignificantBits(), 4);
    bytes[length++] = '-';
    hexDigits(id.getLeastSignificantBits() >>> 48, 4);
    bytes[length++] = '-';
    hexDigits(id.getLeastSignificantBits(), 12);
  }

  /** A timestamp with its offset; years outside 1..9999 as PostgreSQL spells them. */
  void timestamp(OffsetDateTime timestamp) {
    if (!ordinaryYear(timestamp.getYear())) {
      plain(withEra(timestamp.toLocalDateTime(), OFFSET.format(timestamp)));
    } else if (timestamp.getOffset().getTotalSeconds() % 60 != 0) {
      plain(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(timestamp));
    } else {
      separator();
      room(IsoText.MAX_OFFSET_DATE_TIME);
      length = IsoText.offsetDateTime(timestamp, bytes, length);
    }
  }

  /** {@code text} as a CSV field of its own, to write again and again with {@link #field}. */
  static byte[] quotedBytes(String text) {
    PostgresCsv csv = new PostgresCsv();
    csv.quoted(text);
    return csv.take();
  }

  private void hex(byte[] binary) {
    separator();
    room(2 + binary.length * 2);
    bytes[length++] = '\\';
    bytes[length++] = 'x';
    for (byte b : binary) {
      bytes[length++] = HEX[(b >> 4) & 0xF];
      bytes[length++] = HEX[b & 0xF];
    }
  }

  private void hexDigits(long value, int count) {
    for (int i = length + count - 1; i >= length; i--) {
      bytes[i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
    length += count;
  }

  private void plainDigits(String digits) {
    for (int i = 0; i < digits.length(); i++) {
      bytes[length++] = (byte) digits.charAt(i);
    }
  }

  private void separator() {
    if (rowStarted) {
      room(1);
      bytes[length++] = ',';
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

package io.destkit.runtime.types;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 text of java.time values, written directly: the same text as {@link DateTimeFormatter}'s ISO formats, at
 * a fraction of their cost (they walk a general printer per field), for writers that turn millions of values into
 * text: CSV for COPY, SQLite's text dates.
 */
public final class IsoText {
  private IsoText() {}

  /** The most bytes {@link #offsetDateTime(OffsetDateTime, byte[], int)} writes. */
  public static final int MAX_OFFSET_DATE_TIME = 35;

  /**
   * {@code value} as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes it: {@code 2024-03-01T09:30:00.123Z},
   * seconds always, a fraction only when there is one and without trailing zeros, {@code Z} for UTC.
   */
  public static String offsetDateTime(OffsetDateTime value) {
    byte[] out = new byte[MAX_OFFSET_DATE_TIME];
    int end = offsetDateTime(value, out, 0);
    return end < 0 ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value)
        : new String(out, 0, end, StandardCharsets.ISO_8859_1);
  }

  /**
   * Writes {@code value} as {@link #offsetDateTime(OffsetDateTime)} spells it, in ASCII, into {@code out} from
   * {@code at} (which has room for {@value #MAX_OFFSET_DATE_TIME} bytes), for writers that build their output as
   * bytes (COPY rows). Returns the index after the text, or -1 for the values left to the general formatter: years
   * before 0 or after 9999, offsets with seconds.
   */
  public static int offsetDateTime(OffsetDateTime value, byte[] out, int at) {
    int year = value.getYear();
    int offset = value.getOffset().getTotalSeconds();
    if (year < 0 || year > 9999 || offset % 60 != 0) {
      return -1;
    }
    int n = digits(out, at, year, 4);
    out[n++] = '-';
    n = digits(out, n, value.getMonthValue(), 2);
    out[n++] = '-';
    n = digits(out, n, value.getDayOfMonth(), 2);
    out[n++] = 'T';
    n = digits(out, n, value.getHour(), 2);
    out[n++] = ':';
    n = digits(out, n, value.getMinute(), 2);
    out[n++] = ':';
    n = digits(out, n, value.getSecond(), 2);
    int nano = value.getNano();
    if (nano != 0) {
      out[n++] = '.';
      int end = digits(out, n, nano, 9);
      while (out[end - 1] == '0') {
        end--;
      }
      n = end;
    }
    if (offset == 0) {
      out[n++] = 'Z';
    } else {
      out[n++] = (byte) (offset < 0 ? '-' : '+');
      int minutes = Math.abs(offset) / 60;
      n = digits(out, n, minutes / 60, 2);
      out[n++] = ':';
      n = digits(out, n, minutes % 60, 2);
    }
    return n;
  }

  /** Writes {@code value} (not negative) in exactly {@code width} digits, zero-padded; gives the next index. */
  private static int digits(byte[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }
}

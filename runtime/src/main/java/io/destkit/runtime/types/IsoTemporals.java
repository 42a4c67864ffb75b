package io.destkit.runtime.types;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;

/**
 * Reads the date and time texts of Airbyte records. Each method returns null for text it cannot read; it never
 * throws. A hand-written parser reads the common RFC 3339 / ISO-8601 shapes straight from the parser's characters
 * (this runs for every temporal value of every record); {@link DateTimeFormatter} reads the rare rest.
 *
 * <p>Shapes read by the fast path (surrounding whitespace ignored):
 * <pre>
 *   date      = year "-" MM "-" dd                  year: 4 to 9 digits, no sign
 *   date-time = date [("T" | "t" | " ") time] [" BC"]
 *   time      = HH ":" mm [":" ss [("." | ",") fraction]] [offset]
 *   offset    = "Z" | "z" | [" "] ("+" | "-") H[H] [[":"] mm [[":"] ss]]
 * </pre>
 * Rules: a fraction keeps its first 9 digits (nanoseconds; further digits are dropped); a leap second {@code :60}
 * is accepted at 23:59 UTC only (23:59 local without offset) and read as {@code :59}, as
 * {@link java.time.Instant#parse} does, because java.time has no 61st second; {@code 24:00:00} ends the day, so it
 * is midnight of the next day in a timestamp and unreadable as a time of day; " BC" (case-insensitive) gives the
 * proleptic year (1 BC is year 0, 2 BC year -1), which java.time represents, and is accepted on unsigned 4+ digit
 * years only, not on times.
 *
 * <p>The fallback ({@link DateTimeFormatter}) reads only dates and timestamps with a signed year
 * ({@code +12345-01-01}, {@code -0044-03-15}) or a {@code [Region/Zone]} suffix; times need none (the fast path
 * reads every shape of {@code ISO_LOCAL_TIME} plus offsets). Text that the fast path refuses otherwise is invalid.
 */
final class IsoTemporals {
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart()
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMMss", "Z").optionalEnd()
      .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']').optionalEnd()
      .optionalEnd()
      .toFormatter(Locale.ROOT)
      .withChronology(IsoChronology.INSTANCE)
      .withResolverStyle(ResolverStyle.STRICT);

  private static final int MAX_OFFSET_SECONDS = 18 * 3600;

  private IsoTemporals() {}

  /** A date; a date-time text gives its date as written (its offset, if any, is not applied). */
  static LocalDate date(char[] text, int offset, int length) {
    try {
      Parts parts = dateTime(text, offset, length);
      if (parts != null) {
        return parts.date();
      }
      TemporalAccessor parsed = fallbackTimestamp(text, offset, length);
      return parsed == null ? null : parsed.query(TemporalQueries.localDate());
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** An instant; a text without offset is taken as UTC, a date alone as its midnight UTC. */
  static OffsetDateTime timestampWithTimezone(char[] text, int offset, int length) {
    try {
      Parts parts = dateTime(text, offset, length);
      if (parts != null) {
        return parts.offsetDateTime();
      }
      TemporalAccessor parsed = fallbackTimestamp(text, offset, length);
      if (parsed == null) {
        return null;
      }
      LocalDateTime local = localDateTime(parsed);
      ZoneOffset zoneOffset;
      if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
        zoneOffset = ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS));
      } else {
        ZoneId zone = parsed.query(TemporalQueries.zoneId());
        zoneOffset = zone == null ? ZoneOffset.UTC : zone.getRules().getOffset(local);
      }
      return OffsetDateTime.of(local, zoneOffset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** A wall-clock date and time; a text with an offset keeps its local part, a date alone gives its midnight. */
  static LocalDateTime timestampWithoutTimezone(char[] text, int offset, int length) {
    try {
      Parts parts = dateTime(text, offset, length);
      if (parts != null) {
        return parts.localDateTime();
      }
      TemporalAccessor parsed = fallbackTimestamp(text, offset, length);
      return parsed == null ? null : localDateTime(parsed);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** A time of day with offset; a text without offset is taken as UTC. */
  static OffsetTime timeWithTimezone(char[] text, int offset, int length) {
    Parts parts = time(text, offset, length);
    return parts == null || parts.hour == 24 ? null : OffsetTime.of(parts.localTime(), parts.zoneOffset());
  }

  /** A wall-clock time of day; a text with an offset keeps its local part. */
  static LocalTime timeWithoutTimezone(char[] text, int offset, int length) {
    Parts parts = time(text, offset, length);
    return parts == null || parts.hour == 24 ? null : parts.localTime();
  }

  private static LocalDateTime localDateTime(TemporalAccessor parsed) {
    LocalDate date = parsed.query(TemporalQueries.localDate());
    LocalTime time = parsed.query(TemporalQueries.localTime());
    return LocalDateTime.of(date, time == null ? LocalTime.MIDNIGHT : time);
  }

  /**
   * The text read by {@link DateTimeFormatter}, only for what the fast path does not read: a signed year or a
   * {@code [Region/Zone]}. Any other text the fast path refused is invalid, and java.time (which takes
   * {@code 01:23:45.} as {@code 01:23:45}) does not get a second say.
   */
  private static TemporalAccessor fallbackTimestamp(char[] text, int offset, int length) {
    String value = new String(text, offset, length).trim();
    if (value.isEmpty() || (value.charAt(0) != '+' && value.charAt(0) != '-' && value.indexOf('[') < 0)) {
      return null;
    }
    try {
      return TIMESTAMP.parse(value);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Each thread's {@link Parts}, filled anew by every text read: a new one per value was 7% of what reading a record
   * allocated (JFR), and the parse is too large for the JIT to keep it off the heap.
   */
  private static final ThreadLocal<Parts> SCRATCH = ThreadLocal.withInitial(Parts::new);

  /** The fields of a date, date-time or time text that the fast path read and checked. */
  private static final class Parts {
    int year;
    int month;
    int day;
    int hour;
    int minute;
    int second;
    int nano;
    int offsetSeconds;
    boolean hasOffset;

    /** This thread's parts, cleared. */
    static Parts cleared() {
      Parts p = SCRATCH.get();
      p.year = 0;
      p.month = 0;
      p.day = 0;
      p.hour = 0;
      p.minute = 0;
      p.second = 0;
      p.nano = 0;
      p.offsetSeconds = 0;
      p.hasOffset = false;
      return p;
    }

    LocalDate date() {
      return LocalDate.of(year, month, day);
    }

    LocalTime localTime() {
      return LocalTime.of(hour, minute, second, nano);
    }

    ZoneOffset zoneOffset() {
      // Most offsets are zero: UTC without the lookup in ZoneOffset's cache.
      return hasOffset && offsetSeconds != 0 ? ZoneOffset.ofTotalSeconds(offsetSeconds) : ZoneOffset.UTC;
    }

    LocalDateTime localDateTime() {
      if (hour == 24) {
        return LocalDateTime.of(date().plusDays(1), LocalTime.MIDNIGHT);
      }
      return LocalDateTime.of(year, month, day, hour, minute, second, nano);
    }

    OffsetDateTime offsetDateTime() {
      return OffsetDateTime.of(localDateTime(), zoneOffset());
    }
  }

  /** Reads {@code date-time} (see the class comment); null if the text has another shape or a field is out of range. */
  private static Parts dateTime(char[] b, int offset, int length) {
    int i = offset;
    int end = offset + length;
    while (i < end && b[i] <= ' ') {
      i++;
    }
    while (end > i && b[end - 1] <= ' ') {
      end--;
    }
    boolean bc = false;
    if (end - i > 3 && (b[end - 1] | 0x20) == 'c' && (b[end - 2] | 0x20) == 'b' && b[end - 3] == ' ') {
      bc = true;
      end -= 3;
    }
    Parts p = Parts.cleared();
    int year = 0;
    int digits = 0;
    while (i < end && isDigit(b[i]) && digits < 9) {
      year = year * 10 + (b[i] - '0');
      i++;
      digits++;
    }
    if (digits < 4 || end - i < 6 || b[i] != '-' || b[i + 3] != '-') {
      return null;
    }
    p.month = twoDigits(b, i + 1);
    p.day = twoDigits(b, i + 4);
    i += 6;
    if (bc) {
      if (year == 0) {
        return null;
      }
      year = 1 - year;
    }
    p.year = year;
    if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > lengthOfMonth(year, p.month)) {
      return null;
    }
    if (i < end) {
      char separator = b[i];
      if (separator != 'T' && separator != 't' && separator != ' ') {
        return null;
      }
      if (!timeAndOffset(b, i + 1, end, p)) {
        return null;
      }
    }
    return p;
  }

  /** Reads {@code time} alone (no date, no era); null if the text has another shape or a field is out of range. */
  private static Parts time(char[] b, int offset, int length) {
    int i = offset;
    int end = offset + length;
    while (i < end && b[i] <= ' ') {
      i++;
    }
    while (end > i && b[end - 1] <= ' ') {
      end--;
    }
    Parts p = Parts.cleared();
    return timeAndOffset(b, i, end, p) ? p : null;
  }

  /** Reads {@code time} from {@code i} to exactly {@code end} into {@code p}; false if it cannot. */
  private static boolean timeAndOffset(char[] b, int i, int end, Parts p) {
    if (end - i < 5 || b[i + 2] != ':') {
      return false;
    }
    int hour = twoDigits(b, i);
    int minute = twoDigits(b, i + 3);
    int second = 0;
    int nano = 0;
    i += 5;
    if (i < end && b[i] == ':') {
      if (end - i < 3) {
        return false;
      }
      second = twoDigits(b, i + 1);
      i += 3;
      if (i < end && (b[i] == '.' || b[i] == ',')) {
        i++;
        int start = i;
        int digits = 0;
        while (i < end && isDigit(b[i])) {
          if (digits < 9) {
            nano = nano * 10 + (b[i] - '0');
            digits++;
          }
          i++;
        }
        if (i == start) {
          return false;
        }
        for (; digits < 9; digits++) {
          nano *= 10;
        }
      }
    }
    if (minute < 0 || minute > 59 || second < 0 || second > 60 || hour < 0 || hour > 24
        || (hour == 24 && (minute != 0 || second != 0 || nano != 0))) {
      return false;
    }
    p.hour = hour;
    p.minute = minute;
    p.second = second == 60 ? 59 : second;
    p.nano = nano;
    if (i == end) {
      return second != 60 || isLeapSecondMinute(hour, minute, 0);
    }
    char c = b[i];
    if (c == ' ' && i + 1 < end && (b[i + 1] == '+' || b[i + 1] == '-')) {
      c = b[++i];
    }
    if (c == 'Z' || c == 'z') {
      p.hasOffset = true;
      p.offsetSeconds = 0;
      return i + 1 == end && (second != 60 || isLeapSecondMinute(hour, minute, 0));
    }
    if (c != '+' && c != '-') {
      return false;
    }
    i++;
    int offsetHours;
    int offsetMinutes = 0;
    int offsetSeconds = 0;
    if (i + 1 < end && isDigit(b[i]) && isDigit(b[i + 1])) {
      offsetHours = twoDigits(b, i);
      i += 2;
    } else if (i < end && isDigit(b[i])) {
      offsetHours = b[i] - '0';
      i++;
    } else {
      return false;
    }
    if (i < end) {
      boolean colon = b[i] == ':';
      if (colon) {
        i++;
      }
      if (end - i < 2 || (offsetMinutes = twoDigits(b, i)) < 0) {
        return false;
      }
      i += 2;
      if (i < end) {
        if (colon != (b[i] == ':')) {
          return false;
        }
        if (colon) {
          i++;
        }
        if (end - i != 2 || (offsetSeconds = twoDigits(b, i)) < 0) {
          return false;
        }
        i += 2;
      }
    }
    int total = offsetHours * 3600 + offsetMinutes * 60 + offsetSeconds;
    if (offsetMinutes > 59 || offsetSeconds > 59 || total > MAX_OFFSET_SECONDS || i != end) {
      return false;
    }
    p.hasOffset = true;
    p.offsetSeconds = c == '-' ? -total : total;
    return second != 60 || isLeapSecondMinute(hour, minute, p.offsetSeconds);
  }

  /** Whether local {@code hour:minute} at {@code offsetSeconds} is 23:59 UTC, the only minute with a leap second. */
  private static boolean isLeapSecondMinute(int hour, int minute, int offsetSeconds) {
    int utcMinute = Math.floorMod(hour * 60 + minute - offsetSeconds / 60, 24 * 60);
    return utcMinute == 23 * 60 + 59 && offsetSeconds % 60 == 0;
  }

  /** The two-digit number at {@code i}, or -1; the caller has checked that two characters are there. */
  private static int twoDigits(char[] b, int i) {
    char tens = b[i];
    char ones = b[i + 1];
    if (!isDigit(tens) || !isDigit(ones)) {
      return -1;
    }
    return (tens - '0') * 10 + (ones - '0');
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        return IsoChronology.INSTANCE.isLeapYear(year) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}

package io.destkit.sql.duckdb;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** What DuckDB's column types hold: the ranges a value must be within, and the precision it keeps. */
final class DuckdbValues {
  /** The type of a NUMBER column: exact, and wide enough for every 64-bit integer, so an INTEGER column widens to it. */
  static final String DECIMAL = "DECIMAL(38,9)";
  /** Digits after the decimal point, and before it, that {@link #DECIMAL} holds. */
  static final int SCALE = 9;
  private static final BigDecimal DECIMAL_LIMIT = BigDecimal.TEN.pow(38 - SCALE);
  /** DATE holds days since 1970 within these (5877642 BC to 5881580 AD); the values past them mean infinity. */
  private static final long MAX_EPOCH_DAY = 2_147_483_646L;
  /** TIMESTAMP holds microseconds since 1970 within these (290309 BC to 294247 AD). */
  private static final long MIN_EPOCH_MICROS = -9_223_372_022_400_000_000L;
  private static final long MAX_EPOCH_MICROS = Long.MAX_VALUE - 1;
  /** TIME WITH TIME ZONE holds offsets up to 15:59:59 either side of UTC. */
  private static final int MAX_OFFSET_SECONDS = 15 * 3600 + 59 * 60 + 59;

  private DuckdbValues() {}

  /**
   * A number needs at most 29 digits before the point (once rounded to 9 after it); a date, a timestamp and an offset
   * of a time of day must be within DuckDB's ranges.
   */
  static boolean fits(Object value) {
    if (value instanceof BigDecimal decimal) {
      // Looked at before rounding, so that 1E+100000000 is not written out in full.
      return decimal.precision() - decimal.scale() <= 38 - SCALE
          && decimal.setScale(SCALE, RoundingMode.HALF_EVEN).abs().compareTo(DECIMAL_LIMIT) < 0;
    } else if (value instanceof LocalDate date) {
      return Math.abs(date.toEpochDay()) <= MAX_EPOCH_DAY;
    } else if (value instanceof LocalDateTime timestamp) {
      return inTimestampRange(timestamp.toEpochSecond(ZoneOffset.UTC));
    } else if (value instanceof OffsetDateTime timestamp) {
      return inTimestampRange(timestamp.toEpochSecond());
    } else if (value instanceof OffsetTime time) {
      return Math.abs(time.getOffset().getTotalSeconds()) <= MAX_OFFSET_SECONDS;
    }
    return true;
  }

  /** Whole seconds since 1970 whose every microsecond DuckDB's TIMESTAMP holds. */
  private static boolean inTimestampRange(long epochSecond) {
    return epochSecond > MIN_EPOCH_MICROS / 1_000_000 && epochSecond < MAX_EPOCH_MICROS / 1_000_000;
  }

  /**
   * A number with more than 9 digits after the point is rounded to 9; a time or timestamp with nanoseconds is cut to
   * microseconds, all DuckDB keeps.
   */
  static Object approximate(Object value) {
    if (value instanceof BigDecimal decimal) {
      if (decimal.scale() <= SCALE) {
        return value;
      }
      BigDecimal rounded = decimal.setScale(SCALE, RoundingMode.HALF_EVEN);
      return rounded.compareTo(decimal) == 0 ? value : rounded;
    } else if (value instanceof OffsetDateTime timestamp) {
      return timestamp.getNano() % 1000 == 0 ? value : timestamp.truncatedTo(ChronoUnit.MICROS);
    } else if (value instanceof LocalDateTime timestamp) {
      return timestamp.getNano() % 1000 == 0 ? value : timestamp.truncatedTo(ChronoUnit.MICROS);
    } else if (value instanceof OffsetTime time) {
      return time.getNano() % 1000 == 0 ? value : time.truncatedTo(ChronoUnit.MICROS);
    } else if (value instanceof LocalTime time) {
      return time.getNano() % 1000 == 0 ? value : time.truncatedTo(ChronoUnit.MICROS);
    }
    return value;
  }

  /** A number as {@link #DECIMAL} holds it: scale 9, which DuckDB's appender requires. */
  static BigDecimal decimal(BigDecimal value) {
    return value.setScale(SCALE, RoundingMode.HALF_EVEN);
  }
}

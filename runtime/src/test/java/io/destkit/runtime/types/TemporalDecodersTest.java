package io.destkit.runtime.types;

import static io.destkit.runtime.types.Decoding.good;
import static io.destkit.runtime.types.Decoding.typecastError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TemporalDecodersTest {
  private static final ZoneOffset PLUS_5 = ZoneOffset.ofHours(5);
  private static final ZoneOffset PLUS_5_30 = ZoneOffset.ofHoursMinutes(5, 30);

  /** Values that are not temporal text at all, for every temporal type. */
  private static final List<String> NOT_TEMPORAL = List.of(
      "\"\"", "\"   \"", "\"not a date\"", "1669080225", "1669080225000", "1.5", "true", "[\"2022-11-22\"]",
      "{\"date\": \"2022-11-22\"}");

  @Nested
  class Dates {
    private final AirbyteType type = AirbyteType.DATE;

    @Test
    void rfc3339Dates() {
      assertEquals(LocalDate.of(2021, 1, 23), good(type, "\"2021-01-23\""));
      assertEquals(LocalDate.of(2024, 2, 29), good(type, "\"2024-02-29\""));
      assertEquals(LocalDate.of(2000, 2, 29), good(type, "\"2000-02-29\""));
      assertEquals(LocalDate.of(1, 1, 1), good(type, "\"0001-01-01\""));
      assertEquals(LocalDate.of(9999, 12, 31), good(type, "\"9999-12-31\""));
      assertEquals(LocalDate.of(2021, 1, 23), good(type, "\" 2021-01-23 \""));
    }

    @Test
    void bcDatesAreProlepticYears() {
      assertEquals(LocalDate.of(-2020, 1, 23), good(type, "\"2021-01-23 BC\""));
      assertEquals(LocalDate.of(0, 12, 31), good(type, "\"0001-12-31 BC\""));
      assertEquals(LocalDate.of(-43, 3, 15), good(type, "\"0044-03-15 bc\""));
      // 1 BC is proleptic year 0, a leap year.
      assertEquals(LocalDate.of(0, 2, 29), good(type, "\"0001-02-29 BC\""));
    }

    @Test
    void longAndSignedYears() {
      assertEquals(LocalDate.of(12345, 1, 1), good(type, "\"12345-01-01\""));
      assertEquals(LocalDate.of(12345, 1, 1), good(type, "\"+12345-01-01\""));
      assertEquals(LocalDate.of(-44, 3, 15), good(type, "\"-0044-03-15\""));
    }

    @Test
    void aTimestampGivesItsDateAsWritten() {
      assertEquals(LocalDate.of(2021, 1, 23), good(type, "\"2021-01-23T23:30:00-05:00\""));
      assertEquals(LocalDate.of(2021, 1, 23), good(type, "\"2021-01-23 01:23:45\""));
    }

    @Test
    void invalidDatesAreTypecastErrors() {
      for (String bad : List.of("\"2023-02-29\"", "\"1900-02-29\"", "\"2021-13-01\"", "\"2021-00-10\"",
          "\"2021-04-31\"", "\"2021-01-00\"", "\"2021-1-5\"", "\"21-01-23\"", "\"2021/01/23\"", "\"2021-01-23X\"",
          "\"0000-01-01 BC\"", "\"2021-01-23T25:00:00\"", "\"yesterday\"")) {
        typecastError(type, bad);
      }
      NOT_TEMPORAL.forEach(bad -> typecastError(type, bad));
    }
  }

  @Nested
  class TimestampsWithTimezone {
    private final AirbyteType type = AirbyteType.TIMESTAMP_WITH_TIMEZONE;

    @Test
    void offsetsInEveryShape() {
      assertEquals(OffsetDateTime.of(2022, 11, 22, 1, 23, 45, 123_456_000, PLUS_5),
          good(type, "\"2022-11-22T01:23:45.123456+05:00\""));
      assertEquals(OffsetDateTime.of(2022, 11, 22, 1, 23, 45, 0, ZoneOffset.UTC), good(type, "\"2022-11-22T01:23:45Z\""));
      assertEquals(OffsetDateTime.of(2022, 11, 22, 1, 23, 45, 0, PLUS_5_30), good(type, "\"2022-11-22T01:23:45+0530\""));
      assertEquals(OffsetDateTime.of(2022, 11, 22, 1, 23, 45, 0, PLUS_5), good(type, "\"2022-11-22T01:23:45+05\""));
      assertEquals(OffsetDateTime.of(2022, 11, 22, 1, 23, 45, 0, PLUS_5_30), good(type, "\"2022-11-22T01:23:45+5:30\""));
      assertEquals(OffsetDateTime.of(2022, 11, 22, 1, 23, 45, 0, ZoneOffset.ofHoursMinutes(-11, -30)),
          good(type, "\"2022-11-22T01:23:45-11:30\""));
      assertEquals(OffsetDateTime.of(2022, 11, 22, 1, 23, 45, 0, ZoneOffset.ofHoursMinutesSeconds(1, 2, 3)),
          good(type, "\"2022-11-22T01:23:45+01:02:03\""));
      assertEquals(OffsetDateTime.of(2022, 11, 22, 1, 23, 45, 0, ZoneOffset.ofHours(18)),
          good(type, "\"2022-11-22T01:23:45+18:00\""));
      assertEquals(OffsetDateTime.of(2022, 11, 22, 1, 23, 45, 0, PLUS_5),
          good(type, "\"2022-11-22 01:23:45 +05:00\""));
      assertEquals(OffsetDateTime.of(2022, 11, 22, 1, 23, 45, 0, ZoneOffset.UTC), good(type, "\"2022-11-22t01:23:45z\""));
    }

    @Test
    void withoutOffsetIsUtc() {
      assertEquals(OffsetDateTime.of(2022, 11, 22, 1, 23, 45, 0, ZoneOffset.UTC), good(type, "\"2022-11-22T01:23:45\""));
      assertEquals(OffsetDateTime.of(2022, 11, 22, 1, 23, 45, 0, ZoneOffset.UTC), good(type, "\"2022-11-22 01:23:45\""));
      assertEquals(OffsetDateTime.of(2022, 11, 22, 1, 23, 0, 0, ZoneOffset.UTC), good(type, "\"2022-11-22T01:23\""));
      assertEquals(OffsetDateTime.of(2022, 11, 22, 0, 0, 0, 0, ZoneOffset.UTC), good(type, "\"2022-11-22\""));
    }

    @Test
    void fractionsUpToNanosecondsAndBeyondTruncated() {
      assertEquals(OffsetDateTime.of(2022, 11, 22, 1, 23, 45, 500_000_000, ZoneOffset.UTC),
          good(type, "\"2022-11-22T01:23:45.5Z\""));
      assertEquals(OffsetDateTime.of(2022, 11, 22, 1, 23, 45, 123_456_789, ZoneOffset.UTC),
          good(type, "\"2022-11-22T01:23:45.123456789Z\""));
      assertEquals(OffsetDateTime.of(2022, 11, 22, 1, 23, 45, 123_456_789, ZoneOffset.UTC),
          good(type, "\"2022-11-22T01:23:45.123456789999Z\""));
      assertEquals(OffsetDateTime.of(2022, 11, 22, 1, 23, 45, 100_000_000, ZoneOffset.UTC),
          good(type, "\"2022-11-22T01:23:45,1Z\""));
    }

    @Test
    void edgesOfTheCalendarAndTheClock() {
      assertEquals(OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_999, ZoneOffset.UTC),
          good(type, "\"2024-02-29T23:59:59.999999999Z\""));
      // A leap second is read as second 59 of the same minute, as Instant.parse does.
      assertEquals(OffsetDateTime.of(2016, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC),
          good(type, "\"2016-12-31T23:59:60Z\""));
      assertEquals(OffsetDateTime.of(2017, 1, 1, 5, 29, 59, 500_000_000, PLUS_5_30),
          good(type, "\"2017-01-01T05:29:60.5+05:30\""));
      // 24:00 ends the day: midnight of the next one.
      assertEquals(OffsetDateTime.of(2023, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), good(type, "\"2022-12-31T24:00:00Z\""));
      assertEquals(OffsetDateTime.of(-2021, 11, 22, 1, 23, 45, 0, ZoneOffset.UTC),
          good(type, "\"2022-11-22T01:23:45Z BC\""));
      assertEquals(OffsetDateTime.of(-2021, 11, 22, 1, 23, 45, 678_000_000, ZoneOffset.ofHoursMinutes(-11, -30)),
          good(type, "\"2022-11-22T01:23:45.678-11:30 BC\""));
    }

    @Test
    void rarerShapesThroughTheFallback() {
      assertEquals(OffsetDateTime.of(2022, 11, 22, 1, 23, 45, 0, PLUS_5_30),
          good(type, "\"2022-11-22T01:23:45+05:30[Asia/Kolkata]\""));
      assertEquals(OffsetDateTime.of(2022, 7, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)),
          good(type, "\"2022-07-01T12:00:00[Europe/Paris]\""));
      assertEquals(OffsetDateTime.of(12345, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
          good(type, "\"+12345-01-01T00:00:00Z\""));
      assertEquals(OffsetDateTime.of(-44, 3, 15, 12, 0, 0, 0, ZoneOffset.UTC), good(type, "\"-0044-03-15T12:00:00Z\""));
    }

    @Test
    void invalidTimestampsAreTypecastErrors() {
      for (String bad : List.of("\"2022-11-22T25:00:00Z\"", "\"2022-11-22T01:60:00Z\"", "\"2022-11-22T01:23:61Z\"",
          "\"2022-11-22T24:00:01Z\"", "\"2022-11-22T01:23:45+19:00\"", "\"2022-11-22T01:23:45+05:60\"",
          "\"2022-11-22T01:23:45.Z\"", "\"2022-11-22T01:23:45ZZ\"", "\"2022-11-22T1:23:45Z\"",
          "\"2022-11-22T01:23:45+\"", "\"2022-11-22T01:23:45+530\"", "\"2022-11-22T01:23:4\"",
          "\"2022-11-22X01:23:45Z\"", "\"2022-02-30T00:00:00Z\"", "\"2022-11-22T01:23:45 UTC\"",
          "\"2022-11-22T01:23:45Z BC BC\"", "\"0000-11-22T01:23:45Z BC\"", "\"2022-11-22T\"",
          // A leap second is only ever 23:59:60 UTC.
          "\"2016-12-31T12:30:60Z\"", "\"2016-12-31T23:59:60+01:00\"")) {
        typecastError(type, bad);
      }
      NOT_TEMPORAL.forEach(bad -> typecastError(type, bad));
    }

    @Test
    void theEndOfJavaTimeIsATypecastErrorNotACrash() {
      typecastError(type, "\"999999999-12-31T24:00:00Z\"");
    }
  }

  @Nested
  class TimestampsWithoutTimezone {
    private final AirbyteType type = AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE;

    @Test
    void localDateTimes() {
      assertEquals(LocalDateTime.of(2022, 11, 22, 1, 23, 45), good(type, "\"2022-11-22T01:23:45\""));
      assertEquals(LocalDateTime.of(2022, 11, 22, 1, 23, 45, 500_000_000), good(type, "\"2022-11-22 01:23:45.5\""));
      assertEquals(LocalDateTime.of(-2021, 11, 22, 1, 23, 45, 123_456_000),
          good(type, "\"2022-11-22T01:23:45.123456 BC\""));
      assertEquals(LocalDateTime.of(2022, 11, 22, 0, 0), good(type, "\"2022-11-22\""));
      assertEquals(LocalDateTime.of(2016, 12, 31, 23, 59, 59), good(type, "\"2016-12-31T23:59:60\""));
    }

    @Test
    void anOffsetIsDroppedKeepingTheLocalPart() {
      assertEquals(LocalDateTime.of(2022, 11, 22, 1, 23, 45), good(type, "\"2022-11-22T01:23:45+05:00\""));
      assertEquals(LocalDateTime.of(2022, 11, 22, 1, 23, 45), good(type, "\"2022-11-22T01:23:45Z\""));
    }

    @Test
    void invalidTimestampsAreTypecastErrors() {
      for (String bad : List.of("\"2022-11-22T01:23:45X\"", "\"2022-11-31T01:23:45\"", "\"2022-11-22T01:23:45.\"")) {
        typecastError(type, bad);
      }
      NOT_TEMPORAL.forEach(bad -> typecastError(type, bad));
    }
  }

  @Nested
  class TimesWithTimezone {
    private final AirbyteType type = AirbyteType.TIME_WITH_TIMEZONE;

    @Test
    void offsetTimes() {
      assertEquals(OffsetTime.of(1, 23, 45, 123_456_000, PLUS_5), good(type, "\"01:23:45.123456+05:00\""));
      assertEquals(OffsetTime.of(1, 23, 45, 0, ZoneOffset.UTC), good(type, "\"01:23:45Z\""));
      assertEquals(OffsetTime.of(1, 23, 45, 0, PLUS_5_30), good(type, "\"01:23:45+0530\""));
      assertEquals(OffsetTime.of(23, 59, 59, 999_999_999, ZoneOffset.ofHours(-8)),
          good(type, "\"23:59:59.999999999-08:00\""));
      assertEquals(OffsetTime.of(23, 59, 59, 0, ZoneOffset.UTC), good(type, "\"23:59:60Z\""));
    }

    @Test
    void withoutOffsetIsUtc() {
      assertEquals(OffsetTime.of(1, 23, 45, 0, ZoneOffset.UTC), good(type, "\"01:23:45\""));
      assertEquals(OffsetTime.of(1, 23, 0, 0, ZoneOffset.UTC), good(type, "\"01:23\""));
    }

    @Test
    void invalidTimesAreTypecastErrors() {
      for (String bad : List.of("\"24:00:00Z\"", "\"25:00\"", "\"12:00:60Z\"", "\"12:00:00.\"", "\"1:23:45\"", "\"01:23:45 BC\"",
          "\"2022-11-22T01:23:45Z\"", "\"01:23:45+19:00\"", "\"12:3\"")) {
        typecastError(type, bad);
      }
      NOT_TEMPORAL.forEach(bad -> typecastError(type, bad));
    }
  }

  @Nested
  class TimesWithoutTimezone {
    private final AirbyteType type = AirbyteType.TIME_WITHOUT_TIMEZONE;

    @Test
    void localTimes() {
      assertEquals(LocalTime.of(1, 23, 45, 123_456_000), good(type, "\"01:23:45.123456\""));
      assertEquals(LocalTime.of(1, 23, 45), good(type, "\"01:23:45\""));
      assertEquals(LocalTime.MIDNIGHT, good(type, "\"00:00\""));
      assertEquals(LocalTime.MAX, good(type, "\"23:59:59.999999999\""));
    }

    @Test
    void anOffsetIsDroppedKeepingTheLocalPart() {
      assertEquals(LocalTime.of(1, 23, 45), good(type, "\"01:23:45+05:00\""));
      assertEquals(LocalTime.of(1, 23, 45), good(type, "\"01:23:45Z\""));
    }

    @Test
    void invalidTimesAreTypecastErrors() {
      for (String bad : List.of("\"24:00\"", "\"24:00:00\"", "\"12:3\"", "\"12:30:\"", "\"12:30:00.\"", "\"noon\"")) {
        typecastError(type, bad);
      }
      NOT_TEMPORAL.forEach(bad -> typecastError(type, bad));
    }
  }
}

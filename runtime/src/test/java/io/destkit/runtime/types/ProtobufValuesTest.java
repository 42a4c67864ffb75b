package io.destkit.runtime.types;

import static io.destkit.runtime.types.ProtobufDecoding.DAYS;
import static io.destkit.runtime.types.ProtobufDecoding.EIGHTEEN_HOURS;
import static io.destkit.runtime.types.ProtobufDecoding.EPOCH_SECOND;
import static io.destkit.runtime.types.ProtobufDecoding.NANO;
import static io.destkit.runtime.types.ProtobufDecoding.NANOS;
import static io.destkit.runtime.types.ProtobufDecoding.NANOS_PER_DAY;
import static io.destkit.runtime.types.ProtobufDecoding.PLUS_TWO;
import static io.destkit.runtime.types.ProtobufDecoding.bigDecimal;
import static io.destkit.runtime.types.ProtobufDecoding.bigInteger;
import static io.destkit.runtime.types.ProtobufDecoding.bool;
import static io.destkit.runtime.types.ProtobufDecoding.concat;
import static io.destkit.runtime.types.ProtobufDecoding.date;
import static io.destkit.runtime.types.ProtobufDecoding.empty;
import static io.destkit.runtime.types.ProtobufDecoding.good;
import static io.destkit.runtime.types.ProtobufDecoding.integer;
import static io.destkit.runtime.types.ProtobufDecoding.isNull;
import static io.destkit.runtime.types.ProtobufDecoding.json;
import static io.destkit.runtime.types.ProtobufDecoding.number;
import static io.destkit.runtime.types.ProtobufDecoding.string;
import static io.destkit.runtime.types.ProtobufDecoding.stringBytes;
import static io.destkit.runtime.types.ProtobufDecoding.timeWith;
import static io.destkit.runtime.types.ProtobufDecoding.timeWithout;
import static io.destkit.runtime.types.ProtobufDecoding.timestampWith;
import static io.destkit.runtime.types.ProtobufDecoding.timestampWithout;
import static io.destkit.runtime.types.ProtobufDecoding.tooLarge;
import static io.destkit.runtime.types.ProtobufDecoding.typecastError;
import static io.destkit.runtime.types.ProtobufDecoding.value;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProtobufValuesTest {
  private static final AirbyteType[] ALL_TYPES = {
      AirbyteType.STRING, AirbyteType.BOOLEAN, AirbyteType.INTEGER, AirbyteType.NUMBER, AirbyteType.DATE,
      AirbyteType.TIMESTAMP_WITH_TIMEZONE, AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE, AirbyteType.TIME_WITH_TIMEZONE,
      AirbyteType.TIME_WITHOUT_TIMEZONE, AirbyteType.BINARY, new AirbyteType.ArrayType(AirbyteType.INTEGER),
      new AirbyteType.ObjectType(Map.of("a", AirbyteType.STRING)),
      AirbyteType.UnionType.of(List.of(AirbyteType.STRING, AirbyteType.INTEGER)), AirbyteType.UNKNOWN};

  @Test
  void noCaseIsNullOrAnUnknownFieldIsNullWithoutChangeForEveryType() {
    byte[] newerNull = value(out -> out.writeEnum(14, 0));
    byte[] unknownText = value(out -> out.writeString(14, "x"));
    byte[] knownNumberOtherWireType = value(out -> out.writeString(ProtobufValues.INTEGER, "5"));
    for (AirbyteType type : ALL_TYPES) {
      for (byte[] value : List.of(empty(), isNull(), newerNull, unknownText, knownNumberOtherWireType,
          concat(string("not a fit for most"), isNull()), concat(isNull(), date(Long.MAX_VALUE)))) {
        assertNull(good(type, value), type::toString);
      }
    }
  }

  @Test
  void aKnownCaseBesideAnUnknownFieldIsKeptAndTheLastCaseWins() {
    assertEquals(5L, good(AirbyteType.INTEGER, concat(value(out -> out.writeEnum(14, 0)), integer(5))));
    assertEquals(5L, good(AirbyteType.INTEGER, concat(integer(5), value(out -> out.writeString(15, "x")))));
    assertEquals(5L, good(AirbyteType.INTEGER, concat(string("abc"), integer(5))));
    assertEquals(5L, good(AirbyteType.INTEGER, concat(integer(5), value(out -> out.writeBool(13, false)))));
    typecastError(AirbyteType.INTEGER, concat(integer(5), string("abc")));
  }

  @Test
  void bigIntegerAndBigDecimalWinOverIntegerAndNumberInEitherOrder() {
    assertEquals(new BigDecimal("123456789012345678901234567890"), good(AirbyteType.NUMBER,
        concat(bigInteger("123456789012345678901234567890"), integer(7))));
    assertEquals(new BigDecimal("123456789012345678901234567890"), good(AirbyteType.NUMBER,
        concat(integer(7), bigInteger("123456789012345678901234567890"))));
    assertEquals(new BigDecimal("0.1000000000000000055511151231257827"), good(AirbyteType.NUMBER,
        concat(bigDecimal("0.1000000000000000055511151231257827"), number(0.1))));
    assertEquals(new BigDecimal("0.1000000000000000055511151231257827"), good(AirbyteType.NUMBER,
        concat(number(0.1), bigDecimal("0.1000000000000000055511151231257827"))));
    // Among the others, the last case read still wins.
    assertEquals(new BigDecimal("7"), good(AirbyteType.NUMBER, concat(number(0.5), integer(7))));
  }

  @Test
  void aStringThatIsNotUtf8IsATypecastErrorAndTheNextValueStillReads() {
    byte[] invalid = stringBytes((byte) 'a', (byte) 0xff, (byte) 'b');
    for (AirbyteType type : ALL_TYPES) {
      typecastError(type, invalid);
    }
    typecastError(AirbyteType.NUMBER, value(out -> out.writeByteArray(ProtobufValues.BIG_DECIMAL, new byte[] {-64})));
    // The rest of the value is skipped after it, is_null included: the value was not readable.
    typecastError(AirbyteType.STRING, concat(invalid, isNull()));
  }

  @Test
  void aBrokenMessageIsAnIoExceptionNotAChange() {
    byte[] truncated = value(out -> {
      out.writeTag(ProtobufValues.STRING, 2);
      out.writeUInt32NoTag(50);
      out.writeRawBytes("short".getBytes(StandardCharsets.US_ASCII));
    });
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> good(AirbyteType.STRING, truncated));
    assertTrue(e.getCause() instanceof InvalidProtocolBufferException, e::toString);
  }

  @Nested
  class Strings {
    private final AirbyteType type = AirbyteType.STRING;

    @Test
    void everyCaseGivesItsText() {
      assertEquals("héllo ✓ 😀 \"q\"\n", good(type, string("héllo ✓ 😀 \"q\"\n")));
      assertEquals("", good(type, string("")));
      assertEquals("-12", good(type, integer(-12)));
      assertEquals("123456789012345678901234567890", good(type, bigInteger("123456789012345678901234567890")));
      assertEquals("1.50", good(type, bigDecimal("1.50")));
      assertEquals("3.0", good(type, number(3.0)));
      assertEquals("1.0E-5", good(type, number(1e-5)));
      assertEquals("NaN", good(type, number(Double.NaN)));
      assertEquals("-Infinity", good(type, number(Double.NEGATIVE_INFINITY)));
      assertEquals("true", good(type, bool(true)));
      assertEquals("false", good(type, bool(false)));
      assertEquals("2024-01-02", good(type, date(DAYS)));
      assertEquals("03:04:05.123456789+02:00", good(type, timeWith(NANOS, PLUS_TWO)));
      assertEquals("00:00:00Z", good(type, timeWith(0, 0)));
      assertEquals("03:04:05.123456789", good(type, timeWithout(NANOS)));
      assertEquals("2024-01-02T03:04:05.123456789+02:00", good(type, timestampWith(EPOCH_SECOND, NANO, PLUS_TWO)));
      assertEquals("1969-12-31T23:00:00.5-01:00:30", good(type, timestampWith(30, 500_000_000, -3630)));
      assertEquals("2024-01-02T00:00:00", good(type, timestampWithout(DAYS, 0)));
      assertEquals("{\"a\":[1,2.50,\"x y\"]}", good(type, json(" { \"a\" : [1, 2.50, \"x y\"] } ")));
      assertEquals("\"abc\"", good(type, json("\"abc\"")));
    }

    @Test
    void valuesOutOfRangeAndInvalidJsonAreTypecastErrors() {
      typecastError(type, date(Long.MAX_VALUE));
      typecastError(type, timeWithout(NANOS_PER_DAY));
      typecastError(type, json("{\"a\": "));
      typecastError(type, json(""));
    }
  }

  @Nested
  class Booleans {
    private final AirbyteType type = AirbyteType.BOOLEAN;

    @Test
    void booleansAndTheirStrings() {
      assertEquals(true, good(type, bool(true)));
      assertEquals(false, good(type, bool(false)));
      assertEquals(true, good(type, string("TRUE")));
      assertEquals(false, good(type, string("False")));
    }

    @Test
    void anythingElseIsATypecastError() {
      for (byte[] bad : List.of(string("yes"), string(" true"), integer(1), number(1.0), bigDecimal("1"),
          json("true"), date(0), timeWithout(0))) {
        typecastError(type, bad);
      }
    }
  }

  @Nested
  class Integers {
    private final AirbyteType type = AirbyteType.INTEGER;

    @Test
    void wholeNumbersFromEveryNumericCase() {
      assertEquals(0L, good(type, integer(0)));
      assertEquals(Long.MIN_VALUE, good(type, integer(Long.MIN_VALUE)));
      assertEquals(Long.MAX_VALUE, good(type, bigInteger("9223372036854775807")));
      assertEquals(Long.MIN_VALUE, good(type, bigInteger("-9223372036854775808")));
      assertEquals(3L, good(type, bigDecimal("3.00")));
      assertEquals(100L, good(type, bigDecimal("1E+2")));
      assertEquals(3L, good(type, number(3.0)));
      assertEquals(0L, good(type, number(-0.0)));
      assertEquals(Long.MIN_VALUE, good(type, number(-0x1p63)));
      assertEquals(9223372036854774784L, good(type, number(Math.nextDown(0x1p63))));
      assertEquals(42L, good(type, string(" 42 ")));
      assertEquals(3L, good(type, string("3.0")));
    }

    @Test
    void beyondLongIsNulledForSize() {
      tooLarge(type, bigInteger("9223372036854775808"));
      tooLarge(type, bigInteger("-9223372036854775809"));
      tooLarge(type, bigDecimal("1" + "0".repeat(400)));
      tooLarge(type, bigDecimal("1E+400"));
      tooLarge(type, number(0x1p63));
      tooLarge(type, number(1e19));
      tooLarge(type, number(-1e300));
      tooLarge(type, string("99999999999999999999"));
      tooLarge(type, bigInteger("9".repeat(1001)));
    }

    @Test
    void fractionsAndNonNumbersAreTypecastErrors() {
      for (byte[] bad : List.of(number(1.5), number(-0.5), number(Double.MIN_VALUE), number(Double.NaN),
          number(Double.POSITIVE_INFINITY), number(Double.NEGATIVE_INFINITY), bigDecimal("1.5"), bigInteger("12abc"),
          bigDecimal("NaN"), string("abc"), string("3.5"), string(""), bool(true), json("5"), date(1),
          timeWithout(1), timestampWith(0, 0, 0))) {
        typecastError(type, bad);
      }
    }
  }

  @Nested
  class Numbers {
    private final AirbyteType type = AirbyteType.NUMBER;

    @Test
    void decimalsFromEveryNumericCase() {
      assertEquals(BigDecimal.valueOf(Long.MIN_VALUE), good(type, integer(Long.MIN_VALUE)));
      assertEquals(new BigDecimal("123456789012345678901234567890"),
          good(type, bigInteger("123456789012345678901234567890")));
      assertEquals(new BigDecimal("0.10"), good(type, bigDecimal("0.10")));
      assertEquals(new BigDecimal("0.1000000000000000055511151231257827"),
          good(type, bigDecimal("0.1000000000000000055511151231257827")));
      assertEquals(new BigDecimal("1E+400"), good(type, bigDecimal("1E+400")));
      assertEquals(new BigDecimal("9".repeat(1000)), good(type, bigDecimal("9".repeat(1000))));
      assertEquals(new BigDecimal("1.5"), good(type, number(1.5)));
      assertEquals(new BigDecimal("0.1"), good(type, number(0.1)));
      assertEquals(new BigDecimal("-12.50"), good(type, string(" -12.50 ")));
    }

    @Test
    void misfitsAndNumericTextTooLongToParse() {
      for (byte[] bad : List.of(number(Double.NaN), number(Double.POSITIVE_INFINITY), bigDecimal("NaN"),
          bigDecimal("Infinity"), bigInteger("abc"), string("1,5"), string(""), bool(false), json("1.5"),
          date(0), timeWith(0, 0))) {
        typecastError(type, bad);
      }
      tooLarge(type, bigDecimal("9".repeat(1001)));
      tooLarge(type, string("9".repeat(1001)));
    }
  }

  @Nested
  class Dates {
    private final AirbyteType type = AirbyteType.DATE;

    @Test
    void datesTimestampsAtTheirOwnOffsetAndStrings() {
      assertEquals(LocalDate.of(2024, 1, 2), good(type, date(DAYS)));
      assertEquals(LocalDate.of(1969, 12, 31), good(type, date(-1)));
      assertEquals(LocalDate.MAX, good(type, date(LocalDate.MAX.toEpochDay())));
      assertEquals(LocalDate.MIN, good(type, date(LocalDate.MIN.toEpochDay())));
      assertEquals(LocalDate.of(1969, 12, 31), good(type, timestampWith(0, 0, -3600)));
      assertEquals(LocalDate.of(2024, 1, 2), good(type, timestampWith(EPOCH_SECOND - 2 * 3600, 0, 3 * 3600)));
      assertEquals(LocalDate.of(2024, 1, 2), good(type, timestampWithout(DAYS, NANOS_PER_DAY - 1)));
      assertEquals(LocalDate.of(2024, 1, 2), good(type, string("2024-01-02")));
      assertEquals(LocalDate.of(2024, 1, 2), good(type, string("2024-01-02T03:04:05.123456789+02:00")));
    }

    @Test
    void outOfRangeAndMisfitsAreTypecastErrors() {
      for (byte[] bad : List.of(date(LocalDate.MAX.toEpochDay() + 1), date(LocalDate.MIN.toEpochDay() - 1),
          date(Long.MIN_VALUE), timestampWith(0, 1_000_000_000, 0), timestampWithout(DAYS, -1),
          string("2024-02-30"), string("yesterday"), integer(DAYS), timeWithout(0), timeWith(0, 0), bool(true),
          json("\"2024-01-02\""))) {
        typecastError(type, bad);
      }
    }
  }

  @Nested
  class TimestampsWithTimezone {
    private final AirbyteType type = AirbyteType.TIMESTAMP_WITH_TIMEZONE;

    @Test
    void instantsAtTheirOffsetLocalTimestampsAndDatesAtUtc() {
      assertEquals(OffsetDateTime.parse("2024-01-02T03:04:05.123456789+02:00"),
          good(type, timestampWith(EPOCH_SECOND, NANO, PLUS_TWO)));
      assertEquals(OffsetDateTime.parse("1969-12-31T23:59:59.999999999Z"),
          good(type, timestampWith(-1, 999_999_999, 0)));
      assertEquals(OffsetDateTime.parse("1970-01-01T18:00+18:00"), good(type, timestampWith(0, 0, EIGHTEEN_HOURS)));
      assertEquals(OffsetDateTime.parse("1969-12-31T06:00-18:00"), good(type, timestampWith(0, 0, -EIGHTEEN_HOURS)));
      assertEquals(OffsetDateTime.MAX, good(type, timestampWith(OffsetDateTime.MAX.toEpochSecond(), 999_999_999,
          OffsetDateTime.MAX.getOffset().getTotalSeconds())));
      assertEquals(OffsetDateTime.parse("2024-01-02T03:04:05.123456789Z"),
          good(type, timestampWithout(DAYS, NANOS)));
      assertEquals(OffsetDateTime.parse("2024-01-02T00:00Z"), good(type, date(DAYS)));
      assertEquals(OffsetDateTime.parse("2024-01-02T03:04:05Z"), good(type, string("2024-01-02T03:04:05")));
      assertEquals(OffsetDateTime.parse("2024-01-02T03:04:05-05:00"),
          good(type, string("2024-01-02 03:04:05-05")));
    }

    @Test
    void outOfRangeAndMisfitsAreTypecastErrors() {
      for (byte[] bad : List.of(timestampWith(0, 1_000_000_000, 0), timestampWith(0, -1, 0),
          timestampWith(0, 0, EIGHTEEN_HOURS + 1), timestampWith(0, 0, -EIGHTEEN_HOURS - 1),
          timestampWith(0, 0, Integer.MIN_VALUE), timestampWith(Long.MAX_VALUE, 0, 0),
          timestampWith(Long.MIN_VALUE, 0, 0), timestampWith(OffsetDateTime.MAX.toEpochSecond() + 1, 0, 0),
          timestampWithout(LocalDate.MAX.toEpochDay() + 1, 0), date(Long.MAX_VALUE), string("2024-01-02T25:00Z"),
          integer(EPOCH_SECOND), timeWith(0, 0), timeWithout(0), json("\"2024-01-02T03:04:05Z\""))) {
        typecastError(type, bad);
      }
    }
  }

  @Nested
  class TimestampsWithoutTimezone {
    private final AirbyteType type = AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE;

    @Test
    void localTimestampsTheLocalPartOfInstantsAndMidnights() {
      LocalDateTime expected = LocalDateTime.parse("2024-01-02T03:04:05.123456789");
      assertEquals(expected, good(type, timestampWithout(DAYS, NANOS)));
      assertEquals(expected, good(type, timestampWith(EPOCH_SECOND, NANO, PLUS_TWO)));
      assertEquals(LocalDateTime.parse("2024-01-02T00:00"), good(type, date(DAYS)));
      assertEquals(LocalDateTime.MIN, good(type, timestampWithout(LocalDate.MIN.toEpochDay(), 0)));
      assertEquals(expected, good(type, string("2024-01-02T03:04:05.123456789+02:00")));
    }

    @Test
    void outOfRangeAndMisfitsAreTypecastErrors() {
      for (byte[] bad : List.of(timestampWithout(DAYS, NANOS_PER_DAY), timestampWithout(DAYS, -1),
          timestampWithout(LocalDate.MIN.toEpochDay() - 1, 0), timestampWith(0, 0, EIGHTEEN_HOURS + 1),
          string("2024-01-02T03:04:05.+02:00"), integer(0), timeWithout(0), bigDecimal("1.5"))) {
        typecastError(type, bad);
      }
    }
  }

  @Nested
  class TimesWithTimezone {
    private final AirbyteType type = AirbyteType.TIME_WITH_TIMEZONE;

    @Test
    void timesAtTheirOffsetAndLocalTimesAtUtc() {
      assertEquals(OffsetTime.parse("03:04:05.123456789+02:00"), good(type, timeWith(NANOS, PLUS_TWO)));
      assertEquals(OffsetTime.parse("23:59:59.999999999-18:00"),
          good(type, timeWith(NANOS_PER_DAY - 1, -EIGHTEEN_HOURS)));
      assertEquals(OffsetTime.parse("03:04:05.123456789Z"), good(type, timeWithout(NANOS)));
      assertEquals(OffsetTime.parse("03:04:05+02:00"), good(type, string("03:04:05+02:00")));
      assertEquals(OffsetTime.parse("03:04Z"), good(type, string("03:04")));
    }

    @Test
    void outOfRangeAndMisfitsAreTypecastErrors() {
      for (byte[] bad : List.of(timeWith(NANOS_PER_DAY, 0), timeWith(-1, 0), timeWith(0, EIGHTEEN_HOURS + 1),
          timeWithout(NANOS_PER_DAY), string("24:00:00"), string("2024-01-02T03:04:05Z"), date(0),
          timestampWith(0, 0, 0), timestampWithout(0, 0), integer(0))) {
        typecastError(type, bad);
      }
    }
  }

  @Nested
  class TimesWithoutTimezone {
    private final AirbyteType type = AirbyteType.TIME_WITHOUT_TIMEZONE;

    @Test
    void localTimesAndTheLocalPartOfTimesWithOffset() {
      assertEquals(LocalTime.parse("03:04:05.123456789"), good(type, timeWithout(NANOS)));
      assertEquals(LocalTime.MIDNIGHT, good(type, timeWithout(0)));
      assertEquals(LocalTime.MAX, good(type, timeWithout(NANOS_PER_DAY - 1)));
      assertEquals(LocalTime.parse("03:04:05.123456789"), good(type, timeWith(NANOS, -PLUS_TWO)));
      assertEquals(LocalTime.parse("03:04"), good(type, string("03:04+01:00")));
    }

    @Test
    void outOfRangeAndMisfitsAreTypecastErrors() {
      for (byte[] bad : List.of(timeWithout(NANOS_PER_DAY), timeWithout(-1), timeWithout(Long.MIN_VALUE),
          timeWith(0, -EIGHTEEN_HOURS - 1), string("3 o'clock"), timestampWithout(DAYS, NANOS),
          timestampWith(0, 0, 0), number(1.5))) {
        typecastError(type, bad);
      }
    }
  }

  @Nested
  class Binary {
    private final AirbyteType type = AirbyteType.BINARY;

    @Test
    void base64InTheStringCase() {
      byte[] high = {(byte) 0xfb, (byte) 0xff};
      assertArrayEquals(high, (byte[]) good(type, string("+/8=")));
      assertArrayEquals(high, (byte[]) good(type, string("-_8")));
      assertArrayEquals(new byte[0], (byte[]) good(type, string("")));
      for (byte[] bad : List.of(string("Zm9v!"), string("+_8="), json("\"Zm9v\""), bigInteger("1234"), integer(1))) {
        typecastError(type, bad);
      }
    }
  }
}

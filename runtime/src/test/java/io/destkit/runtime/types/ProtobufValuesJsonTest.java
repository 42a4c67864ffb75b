package io.destkit.runtime.types;

import static io.destkit.runtime.types.ProtobufDecoding.DAYS;
import static io.destkit.runtime.types.ProtobufDecoding.EPOCH_SECOND;
import static io.destkit.runtime.types.ProtobufDecoding.NANO;
import static io.destkit.runtime.types.ProtobufDecoding.NANOS;
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
import static io.destkit.runtime.types.ProtobufDecoding.typecastError;
import static io.destkit.runtime.types.ProtobufDecoding.value;
import static io.destkit.runtime.types.ProtobufDecoding.writeJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The JSON side of {@link ProtobufValues}: the json case in array, object, union and unknown columns, and
 * {@link ProtobufValues#writeJson}. The other kinds are in {@link ProtobufValuesTest}.
 */
class ProtobufValuesJsonTest {
  @Nested
  class JsonKinds {
    @Test
    void arraysOneAfterAnotherAreEachCheckedAloneWhateverCameBefore() {
      // One checker serves a thread's values in turn: a broken or odd value must not touch the next one's verdict.
      AirbyteType array = new AirbyteType.ArrayType(AirbyteType.STRING);
      for (int round = 0; round < 3; round++) {
        assertEquals(new RawJson("[\"a\",\"b\"]"), good(array, json("[\"a\", \"b\"]")));
        typecastError(array, json("[\"a\","));
        assertEquals(new RawJson("[[],{\"x\":[1]}]"), good(array, json("[[],{\"x\":[1]}]")));
        typecastError(array, json("{\"x\":1}"));
        typecastError(array, json("[1]]"));
        typecastError(array, json("[1][2]"));
        assertEquals(new RawJson("[\"NaN\"]"), good(array, json("[NaN]")));
        typecastError(array, json("[\"\u00e9\"" + "x"));
        assertEquals(new RawJson("[\"é\"]"), good(array, json(" [\"é\"] ")));
        typecastError(array, json("[" + "[".repeat(1500) + "]".repeat(1501)));
        assertEquals(new RawJson("[3]"), good(array, json("[3]")));
      }
    }

    @Test
    void arraysAndObjectsFromTheJsonCaseOnlyAsCompactJson() {
      AirbyteType array = new AirbyteType.ArrayType(AirbyteType.UNKNOWN);
      assertEquals(new RawJson("[1e400,0.10,-0,\"a b\",{\"c\":null}]"),
          good(array, json("[1e400, 0.10, -0, \"a b\", {\"c\": null}]")));
      assertEquals(new RawJson("[\"NaN\",\"-Infinity\"]"), good(array, json("[NaN, -Infinity]")));
      AirbyteType object = AirbyteType.ObjectType.schemaless();
      assertEquals(new RawJson("{\"a\":[{}],\"é\":\"\\u0001\"}"),
          good(object, json("{\"a\": [ {} ], \"é\": \"\\u0001\"}")));
      for (byte[] bad : List.of(json("{\"a\": 1}"), json("1"), json("[1,"), json("[1] [2]"), json(""),
          json("[1] x"), string("[1]"), integer(1))) {
        typecastError(array, bad);
      }
      for (byte[] bad : List.of(json("[{\"a\": 1}]"), json("\"{}\""), json("{\"a\" 1}"), string("{}"), bool(true))) {
        typecastError(object, bad);
      }
    }

    @Test
    void unionsAndUnknownTakeEveryCaseAsItsJson() {
      AirbyteType union = AirbyteType.UnionType.of(List.of(AirbyteType.STRING, AirbyteType.INTEGER));
      for (AirbyteType type : List.of(union, AirbyteType.UNKNOWN)) {
        assertEquals(new RawJson("\"line\\nquote\\\"\\u0001 é\""), good(type, string("line\nquote\"\u0001 é")));
        assertEquals(new RawJson("-12"), good(type, integer(-12)));
        assertEquals(new RawJson("12345678901234567890"), good(type, bigInteger("12345678901234567890")));
        assertEquals(new RawJson("1.50"), good(type, bigDecimal("1.50")));
        assertEquals(new RawJson("0.5"), good(type, bigDecimal("+.5")));
        assertEquals(new RawJson("\"abc\""), good(type, bigDecimal("abc")));
        assertEquals(new RawJson("1.5"), good(type, number(1.5)));
        assertEquals(new RawJson("\"NaN\""), good(type, number(Double.NaN)));
        assertEquals(new RawJson("\"Infinity\""), good(type, number(Double.POSITIVE_INFINITY)));
        assertEquals(new RawJson("false"), good(type, bool(false)));
        assertEquals(new RawJson("\"2024-01-02\""), good(type, date(DAYS)));
        assertEquals(new RawJson("\"03:04:05.123456789+02:00\""), good(type, timeWith(NANOS, PLUS_TWO)));
        assertEquals(new RawJson("\"2024-01-02T03:04:05.123456789\""), good(type, timestampWithout(DAYS, NANOS)));
        assertEquals(new RawJson("{\"a\":[1]}"), good(type, json("{\"a\": [1]}")));
        assertEquals(new RawJson("\"x\""), good(type, json(" \"x\" ")));
        typecastError(type, json("{"));
        typecastError(type, date(Long.MIN_VALUE));
      }
    }
  }

  @Nested
  class WriteJson {
    @Test
    void everyCaseAsTheJsonASourceWouldHaveSent() throws IOException {
      assertEquals("\"a\\\"b\\n\"", writeJson(string("a\"b\n")));
      assertEquals("-12", writeJson(integer(-12)));
      assertEquals("12345678901234567890", writeJson(bigInteger("12345678901234567890")));
      assertEquals("\"12abc\"", writeJson(bigInteger("12abc")));
      assertEquals("1.50", writeJson(bigDecimal("1.50")));
      assertEquals("5", writeJson(bigDecimal("+5")));
      assertEquals("\"abc\"", writeJson(bigDecimal("abc")));
      assertEquals("1.5", writeJson(number(1.5)));
      assertEquals("\"NaN\"", writeJson(number(Double.NaN)));
      assertEquals("\"Infinity\"", writeJson(number(Double.POSITIVE_INFINITY)));
      assertEquals("\"-Infinity\"", writeJson(number(Double.NEGATIVE_INFINITY)));
      assertEquals("true", writeJson(bool(true)));
      assertEquals("\"2024-01-02\"", writeJson(date(DAYS)));
      assertEquals("\"+999999999-12-31\"", writeJson(date(LocalDate.MAX.toEpochDay())));
      assertEquals("\"03:04:05.123456789+02:00\"", writeJson(timeWith(NANOS, PLUS_TWO)));
      assertEquals("\"03:04:05.123456789\"", writeJson(timeWithout(NANOS)));
      assertEquals("\"2024-01-02T03:04:05.123456789+02:00\"",
          writeJson(timestampWith(EPOCH_SECOND, NANO, PLUS_TWO)));
      assertEquals("\"2024-01-02T01:04:05.123456789Z\"", writeJson(timestampWith(EPOCH_SECOND, NANO, 0)));
      assertEquals("\"2024-01-02T03:04:05.123456789\"", writeJson(timestampWithout(DAYS, NANOS)));
      assertEquals("{\"a\":[1e400,0.10,123456789012345678901,\"NaN\",null,true]}",
          writeJson(json("{ \"a\": [1e400, 0.10, 123456789012345678901, NaN, null, true] }")));
      for (byte[] value : List.of(empty(), isNull(), concat(integer(1), isNull()), concat(date(-1L << 50), isNull()),
          value(o -> o.writeEnum(14, 0)))) {
        assertEquals("null", writeJson(value));
      }
    }

    @Test
    void theJsonOfAScalarCaseIsWhatAUnionColumnKeeps() throws IOException {
      for (byte[] value : List.of(string("q\"\u0001"), integer(7), bigInteger("-99999999999999999999"),
          bigDecimal("1.0E+3"), bigDecimal("x"), number(-0.0), number(1e300), bool(false), date(-1),
          timeWith(1, -60), timeWithout(1), timestampWith(-1, 1, 30), timestampWithout(-1, 1))) {
        assertEquals(new RawJson(writeJson(value)), good(AirbyteType.UNKNOWN, value));
      }
    }

    @Test
    void aValueWithoutJsonIsAnIoExceptionThatDoesNotQuoteIt() {
      for (String invalid : List.of("{\"secret\": ", "{\"secret\" 1}", "", "[\"secret\"] 1", "[\"secret\"")) {
        IOException e = assertThrows(IOException.class, () -> writeJson(json(invalid)));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertNull(e.getCause());
      }
      IOException utf8 = assertThrows(IOException.class, () -> writeJson(stringBytes((byte) 0xff)));
      assertTrue(utf8.getMessage().contains("not valid UTF-8"), utf8.getMessage());
      IOException range = assertThrows(IOException.class, () -> writeJson(timestampWith(0, 1_000_000_000, 0)));
      assertTrue(range.getMessage().contains("timestamp_with_timezone value"), range.getMessage());
    }
  }
}

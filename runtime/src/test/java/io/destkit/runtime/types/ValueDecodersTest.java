package io.destkit.runtime.types;

import static io.destkit.runtime.types.Decoding.good;
import static io.destkit.runtime.types.Decoding.quoted;
import static io.destkit.runtime.types.Decoding.tooLarge;
import static io.destkit.runtime.types.Decoding.typecastError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ValueDecodersTest {
  private static final AirbyteType[] ALL_TYPES = {
      AirbyteType.STRING, AirbyteType.BOOLEAN, AirbyteType.INTEGER, AirbyteType.NUMBER, AirbyteType.DATE,
      AirbyteType.TIMESTAMP_WITH_TIMEZONE, AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE, AirbyteType.TIME_WITH_TIMEZONE,
      AirbyteType.TIME_WITHOUT_TIMEZONE, AirbyteType.BINARY, new AirbyteType.ArrayType(AirbyteType.INTEGER),
      new AirbyteType.ObjectType(Map.of("a", AirbyteType.STRING)), AirbyteType.ObjectType.schemaless(),
      AirbyteType.UnionType.of(List.of(AirbyteType.STRING, AirbyteType.INTEGER)), AirbyteType.UNKNOWN};

  @Test
  void nullIsNullWithoutChangeForEveryType() {
    for (AirbyteType type : ALL_TYPES) {
      assertNull(good(type, "null"), type::toString);
    }
  }

  @Test
  void aDecoderRefusesAParserThatIsNotOnAValue() throws Exception {
    try (JsonParser parser = new JsonFactory().createParser("{\"a\": 1}")) {
      ValueDecoder decoder = ValueDecoders.forType(AirbyteType.INTEGER);
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> decoder.decode(parser, "a", new ArrayList<>()));
      assertTrue(e.getMessage().contains("nextToken()"), e.getMessage());
      parser.nextToken();
      parser.nextToken();
      assertThrows(IllegalStateException.class, () -> decoder.decode(parser, "a", new ArrayList<>()));
    }
  }

  @Nested
  class Strings {
    private final AirbyteType type = AirbyteType.STRING;

    @Test
    void stringsAreKeptAsTheyAre() {
      assertEquals("abc", good(type, "\"abc\""));
      assertEquals("", good(type, "\"\""));
      assertEquals("héllo ✓ 😀 日本", good(type, "\"héllo ✓ 😀 日本\""));
      assertEquals("escaped \u00e9 \ud83d\ude00", good(type, "\"escaped \\u00e9 \\ud83d\\ude00\""));
      assertEquals("tab\tquote\"backslash\\newline\n", good(type, "\"tab\\tquote\\\"backslash\\\\newline\\n\""));
    }

    @Test
    void lineAndParagraphSeparatorsSurvive() {
      assertEquals("a\u2028b\u2029c", good(type, "\"a\u2028b\u2029c\""));
      assertEquals("a\u2028b\u2029c", good(type, "\"a\\u2028b\\u2029c\""));
    }

    @Test
    void otherScalarsBecomeTheirJsonText() {
      assertEquals("12", good(type, "12"));
      assertEquals("-0", good(type, "-0"));
      assertEquals("1.50", good(type, "1.50"));
      assertEquals("1e400", good(type, "1e400"));
      assertEquals("true", good(type, "true"));
      assertEquals("false", good(type, "false"));
      assertEquals("NaN", good(type, "NaN"));
    }

    @Test
    void objectsAndArraysBecomeCompactJson() {
      assertEquals("{\"a\":[1,\"x\",{\"b\":null}],\"c\":0.10}", good(type, "{ \"a\" : [ 1, \"x\", {\"b\": null} ], \"c\": 0.10 }"));
      assertEquals("[]", good(type, "[ ]"));
      assertEquals("{}", good(type, "{ }"));
    }
  }

  @Nested
  class Booleans {
    private final AirbyteType type = AirbyteType.BOOLEAN;

    @Test
    void booleansAndTheirStrings() {
      assertEquals(true, good(type, "true"));
      assertEquals(false, good(type, "false"));
      assertEquals(true, good(type, "\"true\""));
      assertEquals(true, good(type, "\"TRUE\""));
      assertEquals(false, good(type, "\"False\""));
    }

    @Test
    void anythingElseIsATypecastError() {
      for (String bad : List.of("\"yes\"", "\"\"", "\" true\"", "1", "0", "1.0", "NaN", "{\"a\": true}", "[true]")) {
        typecastError(type, bad);
      }
    }
  }

  @Nested
  class Integers {
    private final AirbyteType type = AirbyteType.INTEGER;

    @Test
    void wholeNumbers() {
      assertEquals(0L, good(type, "0"));
      assertEquals(0L, good(type, "-0"));
      assertEquals(42L, good(type, "42"));
      assertEquals(-42L, good(type, "-42"));
      assertEquals(Long.MAX_VALUE, good(type, "9223372036854775807"));
      assertEquals(Long.MIN_VALUE, good(type, "-9223372036854775808"));
    }

    @Test
    void numbersWithAZeroFraction() {
      assertEquals(3L, good(type, "3.0"));
      assertEquals(3L, good(type, "3.000"));
      assertEquals(0L, good(type, "-0.0"));
      assertEquals(100L, good(type, "1e2"));
      assertEquals(1200L, good(type, "1.2E3"));
      assertEquals(Long.MAX_VALUE, good(type, "9223372036854775807.0"));
    }

    @Test
    void numericStrings() {
      assertEquals(42L, good(type, "\"42\""));
      assertEquals(-42L, good(type, "\"-42\""));
      assertEquals(7L, good(type, "\"+7\""));
      assertEquals(42L, good(type, "\" 42 \""));
      assertEquals(3L, good(type, "\"3.0\""));
      assertEquals(100L, good(type, "\"1e2\""));
      assertEquals(Long.MAX_VALUE, good(type, "\"9223372036854775807\""));
      assertEquals(Long.MIN_VALUE, good(type, "\"-9223372036854775808\""));
      assertEquals(123456789012345678L, good(type, "\"123456789012345678\""));
    }

    @Test
    void tooLargeForALongIsNulledForSize() {
      tooLarge(type, "9223372036854775808");
      tooLarge(type, "-9223372036854775809");
      tooLarge(type, "123456789012345678901234567890");
      tooLarge(type, "1e19");
      tooLarge(type, "1e400");
      tooLarge(type, "-1e400");
      tooLarge(type, "9223372036854775808.0");
      tooLarge(type, "\"9223372036854775808\"");
      tooLarge(type, "\"99999999999999999999\"");
      tooLarge(type, "\"1e999999999\"");
      tooLarge(type, quoted("1".repeat(5000)));
    }

    @Test
    void fractionsAndNonNumbersAreTypecastErrors() {
      for (String bad : List.of("3.5", "-0.5", "1e-400", "\"3.5\"", "\"abc\"", "\"\"", "\"   \"", "\"12abc\"",
          "\"0x10\"", "\"-\"", "true", "NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"",
          "{\"a\": 1}", "[1]", "[]", quoted("x".repeat(5000)))) {
        typecastError(type, bad);
      }
    }
  }

  @Nested
  class Numbers {
    private final AirbyteType type = AirbyteType.NUMBER;

    @Test
    void numbersExactlyAsWritten() {
      assertEquals(new BigDecimal("1234.56"), good(type, "1234.56"));
      assertEquals(new BigDecimal("1.50"), good(type, "1.50"));
      assertEquals(new BigDecimal("0.1000000000000000055511151231257827"),
          good(type, "0.1000000000000000055511151231257827"));
      assertEquals(new BigDecimal("1e400"), good(type, "1e400"));
      assertEquals(new BigDecimal("-1E-400"), good(type, "-1E-400"));
      assertEquals(new BigDecimal("123456789012345678901234567890"), good(type, "123456789012345678901234567890"));
      assertEquals(BigDecimal.valueOf(Long.MAX_VALUE), good(type, "9223372036854775807"));
      assertEquals(BigDecimal.valueOf(Long.MIN_VALUE), good(type, "-9223372036854775808"));
      assertEquals(BigDecimal.ZERO, good(type, "-0"));
      assertEquals(new BigDecimal("0.0"), good(type, "-0.0"));
      assertEquals(new BigDecimal("42"), good(type, "42"));
    }

    @Test
    void numericStrings() {
      assertEquals(new BigDecimal("12.50"), good(type, "\"12.50\""));
      assertEquals(new BigDecimal("-3"), good(type, "\" -3 \""));
      assertEquals(new BigDecimal("1e400"), good(type, "\"1e400\""));
    }

    @Test
    void nanAndInfinitiesAreTypecastErrors() {
      for (String bad : List.of("NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"",
          "\"+Infinity\"")) {
        typecastError(type, bad);
      }
    }

    @Test
    void nonNumbersAreTypecastErrors() {
      for (String bad : List.of("\"abc\"", "\"\"", "\"1,5\"", "\"1e\"", "true", "false", "{}", "[1.5]")) {
        typecastError(type, bad);
      }
    }

    @Test
    void numericTextLongerThanJacksonAllowsForNumbersIsNulledForSize() {
      tooLarge(type, quoted("9".repeat(1001)));
      assertEquals(new BigDecimal("9".repeat(1000)), good(type, quoted("9".repeat(1000))));
    }
  }

  @Nested
  class Binary {
    private final AirbyteType type = AirbyteType.BINARY;

    @Test
    void standardAndUrlSafeBase64WithOrWithoutPadding() {
      byte[] fooBar = "foo bar\n".getBytes(StandardCharsets.UTF_8);
      assertArrayEquals(fooBar, (byte[]) good(type, "\"Zm9vIGJhcgo=\""));
      assertArrayEquals(fooBar, (byte[]) good(type, "\"Zm9vIGJhcgo\""));
      byte[] high = {(byte) 0xfb, (byte) 0xff};
      assertArrayEquals(high, (byte[]) good(type, "\"+/8=\""));
      assertArrayEquals(high, (byte[]) good(type, "\"+/8\""));
      assertArrayEquals(high, (byte[]) good(type, "\"-_8=\""));
      assertArrayEquals(high, (byte[]) good(type, "\"-_8\""));
      assertArrayEquals(new byte[0], (byte[]) good(type, "\"\""));
    }

    @Test
    void invalidBase64IsATypecastError() {
      for (String bad : List.of("\"Zm9v!\"", "\"a\"", "\"+_8=\"", "\"Zm9=vIGJh\"", "\"Zm9vIGJhcgo==\"", "\"héllo\"",
          "123", "true", "[\"Zm9v\"]", "{\"b\": \"Zm9v\"}")) {
        typecastError(type, bad);
      }
    }
  }

  @Nested
  class JsonKinds {
    @Test
    void arraysAreKeptAsCompactJson() {
      AirbyteType type = new AirbyteType.ArrayType(AirbyteType.UNKNOWN);
      assertEquals(new RawJson("[1,\"a\",{\"b\":null}]"), good(type, "[1, \"a\", {\"b\": null}]"));
      assertEquals(new RawJson("[]"), good(type, "[]"));
      assertEquals(new RawJson("[[1,[2]],[{\"a\":[{}]}]]"), good(type, "[[1, [2]], [{\"a\": [{}]}]]"));
      assertEquals(new RawJson("[1e400,0.10,-0,123456789012345678901234567890]"),
          good(type, "[1e400, 0.10, -0, 123456789012345678901234567890]"));
      assertEquals(new RawJson("[\"NaN\",\"-Infinity\"]"), good(type, "[NaN, -Infinity]"));
    }

    @Test
    void objectsAreKeptAsCompactJson() {
      AirbyteType type = new AirbyteType.ObjectType(Map.of("a", AirbyteType.INTEGER));
      assertEquals(new RawJson("{\"a\":1,\"b\":[true,false]}"), good(type, "{ \"a\": 1, \"b\": [true, false] }"));
      assertEquals(new RawJson("{}"), good(type, "{}"));
      assertEquals(new RawJson("{\"clé ✓\":\"a\u2028b\",\"q\":\"say \\\"hi\\\"\\n\"}"),
          good(type, "{\"clé ✓\": \"a\\u2028b\", \"q\": \"say \\\"hi\\\"\\n\"}"));
      assertEquals(new RawJson("{\"a\":{\"b\":{\"c\":[]}}}"), good(AirbyteType.ObjectType.schemaless(),
          "{\"a\": {\"b\": {\"c\": []}}}"));
    }

    @Test
    void theWrongJsonKindIsATypecastError() {
      AirbyteType array = new AirbyteType.ArrayType(AirbyteType.STRING);
      for (String bad : List.of("\"[1,2]\"", "{\"a\": [1]}", "1", "true")) {
        typecastError(array, bad);
      }
      AirbyteType object = AirbyteType.ObjectType.schemaless();
      for (String bad : List.of("\"{}\"", "[{\"a\": 1}]", "3", "false")) {
        typecastError(object, bad);
      }
    }

    @Test
    void unionsAndUnknownKeepAnyValueAsJson() {
      AirbyteType union = AirbyteType.UnionType.of(List.of(AirbyteType.STRING, AirbyteType.INTEGER));
      for (AirbyteType type : List.of(union, AirbyteType.UNKNOWN)) {
        assertEquals(new RawJson("\"abc\""), good(type, "\"abc\""));
        assertEquals(new RawJson("\"line\\nquote\\\"\""), good(type, "\"line\\nquote\\\"\""));
        assertEquals(new RawJson("12"), good(type, "12"));
        assertEquals(new RawJson("1.50"), good(type, "1.50"));
        assertEquals(new RawJson("true"), good(type, "true"));
        assertEquals(new RawJson("\"NaN\""), good(type, "NaN"));
        assertEquals(new RawJson("{\"a\":[1]}"), good(type, "{\"a\": [1]}"));
        assertEquals(new RawJson("[{\"a\":1}]"), good(type, "[{\"a\": 1}]"));
      }
    }
  }
}

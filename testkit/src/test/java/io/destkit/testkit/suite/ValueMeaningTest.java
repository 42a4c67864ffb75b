package io.destkit.testkit.suite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.destkit.runtime.types.AirbyteType;
import io.destkit.testkit.messages.Json;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import org.junit.jupiter.api.Test;

/** How the suite tells a landed value from the one sent: by meaning, whatever Java form the destination gives. */
class ValueMeaningTest {

  @Test
  void numbersCompareByValueButPrecisionLostIsAMismatch() {
    assertTrue(matches(AirbyteType.NUMBER, "12.50", 12.5d));
    assertTrue(matches(AirbyteType.NUMBER, "12.50", "12.5"));
    assertTrue(matches(AirbyteType.INTEGER, "42", 42));
    assertFalse(matches(AirbyteType.NUMBER, "0.1000000000000000055511151231257827", 0.1d));
    assertFalse(matches(AirbyteType.NUMBER, "12.5", "twelve"));
  }

  @Test
  void timestampsWithZoneCompareAsInstants() {
    String sent = "\"2024-03-01T09:30:00.123+02:00\"";
    assertTrue(matches(AirbyteType.TIMESTAMP_WITH_TIMEZONE, sent, "2024-03-01T07:30:00.123Z"));
    assertTrue(matches(AirbyteType.TIMESTAMP_WITH_TIMEZONE, sent, "2024-03-01 07:30:00.123+00"));
    assertTrue(matches(AirbyteType.TIMESTAMP_WITH_TIMEZONE, sent,
        OffsetDateTime.parse("2024-03-01T09:30:00.123+02:00")));
    assertTrue(matches(AirbyteType.TIMESTAMP_WITH_TIMEZONE, sent,
        Timestamp.from(Instant.parse("2024-03-01T07:30:00.123Z"))));
    assertFalse(matches(AirbyteType.TIMESTAMP_WITH_TIMEZONE, sent, "2024-03-01T09:30:00.123Z"));
  }

  @Test
  void timesWithZoneAreTheSameMomentOfTheDay() {
    assertTrue(matches(AirbyteType.TIME_WITH_TIMEZONE, "\"10:15:30+05:30\"", OffsetTime.parse("04:45:30Z")));
    assertFalse(matches(AirbyteType.TIME_WITH_TIMEZONE, "\"10:15:30+05:30\"", "10:15:30Z"));
  }

  @Test
  void datesBeforeChristKeepTheirYear() {
    assertTrue(matches(AirbyteType.DATE, "\"0044-03-15 BC\"", LocalDate.of(-43, 3, 15)));
    assertTrue(matches(AirbyteType.DATE, "\"0044-03-15 BC\"", "-0043-03-15"));
    assertFalse(matches(AirbyteType.DATE, "\"0044-03-15 BC\"", LocalDate.of(44, 3, 15)));
  }

  @Test
  void jsonComparesByMeaningAndTextThatIsNotJsonIsAString() {
    AirbyteType object = AirbyteType.ObjectType.schemaless();
    assertTrue(matches(object, "{\"a\":1.50,\"b\":[1,2]}", "{\"b\": [1, 2], \"a\": 1.5}"));
    assertFalse(matches(object, "{\"b\":[1,2]}", "{\"b\": [2, 1]}"));
    assertTrue(matches(AirbyteType.UNKNOWN, "\"abc\"", "abc"));
  }

  @Test
  void binaryFromBytesOrBase64() {
    assertTrue(matches(AirbyteType.BINARY, "\"AAEC/w==\"", new byte[] {0, 1, 2, -1}));
    assertTrue(matches(AirbyteType.BINARY, "\"AAEC/w==\"", "AAEC/w=="));
    assertFalse(matches(AirbyteType.BINARY, "\"AAEC/w==\"", new byte[] {0, 1, 2}));
  }

  @Test
  void booleansFromNumbersAndText() {
    assertTrue(matches(AirbyteType.BOOLEAN, "true", 1));
    assertTrue(matches(AirbyteType.BOOLEAN, "false", "f"));
    assertFalse(matches(AirbyteType.BOOLEAN, "true", 0));
  }

  @Test
  void keysOfEqualNumbersAreEqual() {
    assertTrue(ValueMeaning.key(new BigDecimal("1.0")).equals(ValueMeaning.key(BigDecimal.ONE)));
  }

  @Test
  void aValueOfAFieldWhoseTypeChangedMatchesAsTextNumberOrJson() {
    assertTrue(ValueMeaning.sameLoosely(Json.parse("5"), "5"));
    assertTrue(ValueMeaning.sameLoosely(Json.parse("5"), 5L));
    assertTrue(ValueMeaning.sameLoosely(Json.parse("\"12\""), 12L));
    assertTrue(ValueMeaning.sameLoosely(Json.parse("\"B7\""), "\"B7\""), "a string kept in a JSON column");
    assertTrue(ValueMeaning.sameLoosely(Json.parse("null"), null));
    assertFalse(ValueMeaning.sameLoosely(Json.parse("\"0042\""), 42L), "leading zeros lost");
    assertFalse(ValueMeaning.sameLoosely(Json.parse("9007199254740993"), 9007199254740992d), "precision lost");
    assertFalse(ValueMeaning.sameLoosely(Json.parse("5"), null));
  }

  private static boolean matches(AirbyteType type, String sentJson, Object landed) {
    return ValueMeaning.same(ValueMeaning.ofSent(type, Json.parse(sentJson)), ValueMeaning.ofLanded(type, landed));
  }
}

package io.destkit.sql.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** PostgreSQL's own pieces: JSON it can store, and COPY rows. */
class PostgresPiecesTest {
  @Nested
  class PostgresJson {
    @Test
    void dropsNulEscapesAndMendsLoneSurrogatesButKeepsEscapedBackslashes() {
      assertNull(JsonEscapes.forPostgres("{\"a\":\"\\\\u0000\"}"), "an escaped backslash then u0000 is text");
      assertNull(JsonEscapes.forPostgres("\"\\ud83d\\ude00 \\u00e9\""), "a pair and other escapes are fine");
      assertEquals("\"ab\"", JsonEscapes.forPostgres("\"a\\u0000b\""));
      assertEquals("\"x\\uFFFDy\"", JsonEscapes.forPostgres("\"x\\udc00y\""));
      assertEquals("\"x\\uFFFD\"", JsonEscapes.forPostgres("\"x\\ud800\""));
    }
  }

  @Nested
  class PostgresCopyRows {
    @Test
    void quoteEveryTextAndLeaveNullsUnquoted() {
      PostgresCsv csv = new PostgresCsv();
      csv.value("say \"hi\",\nbye");
      csv.value(null);
      csv.value("");
      csv.value(new BigDecimal("1E+400"));
      csv.value(new byte[] {0, (byte) 255});
      csv.value(LocalDate.of(-43, 3, 15));
      csv.value(LocalDate.of(12345, 1, 2));
      csv.endRow();
      assertEquals("\"say \"\"hi\"\",\nbye\",,\"\",1E+400,\\x00ff,0044-03-15 BC,12345-01-02\n",
          new String(csv.take(), StandardCharsets.UTF_8));
    }

    @Test
    void writeTextAsUtf8AndNumbersIdsAndTimestampsDigitByDigit() {
      String text = "caf\u00e9 \u20ac \ud83d\ude00 \"q\" \ud800";
      UUID id = UUID.fromString("0189f1e2-3b4c-7d5e-8f60-718293a4b5c6");
      OffsetDateTime timestamp = OffsetDateTime.of(2024, 3, 1, 9, 5, 7, 120_000_000, ZoneOffset.ofHoursMinutes(-3, -30));
      PostgresCsv csv = new PostgresCsv();
      csv.value(text);
      csv.bigint(0);
      csv.bigint(-42);
      csv.bigint(Long.MIN_VALUE);
      csv.value(Long.MAX_VALUE);
      csv.uuid(id);
      csv.value(timestamp);
      csv.value(OffsetDateTime.of(2024, 3, 1, 9, 5, 7, 0, ZoneOffset.ofTotalSeconds(3723)));
      csv.value(true);
      csv.field(PostgresCsv.quotedBytes("{\"a\":1}"));
      csv.endRow();
      String expected = "\"" + text.replace("\"", "\"\"") + "\",0,-42,-9223372036854775808,9223372036854775807,"
          + id + "," + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(timestamp) + ",2024-03-01T09:05:07+01:02:03,true,"
          + "\"{\"\"a\"\":1}\"\n";
      assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), csv.take());
    }

    @Test
    void growAsLongRowsNeed() {
      PostgresCsv csv = new PostgresCsv();
      String longText = "\u20ac".repeat(100_000);
      csv.value(longText);
      csv.endRow();
      assertEquals("\"" + longText + "\"\n", new String(csv.take(), StandardCharsets.UTF_8));
      assertEquals(0, csv.length());
    }
  }
}

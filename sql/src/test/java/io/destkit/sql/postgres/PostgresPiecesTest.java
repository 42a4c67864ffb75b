package io.destkit.sql.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
  }
}

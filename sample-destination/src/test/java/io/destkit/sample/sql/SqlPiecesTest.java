package io.destkit.sample.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.destkit.runtime.types.RawJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The small rules the warehouse is built on: how types widen, helper table names, JSON and CSV for PostgreSQL. */
class SqlPiecesTest {

  @Nested
  class Widening {
    @Test
    void aTypeOnlyEverWidensToOneThatHoldsBoth() {
      assertEquals(StorageType.INTEGER, StorageType.INTEGER.widen(StorageType.INTEGER));
      assertEquals(StorageType.NUMBER, StorageType.INTEGER.widen(StorageType.NUMBER));
      assertEquals(StorageType.NUMBER, StorageType.NUMBER.widen(StorageType.INTEGER));
      assertEquals(StorageType.STRING, StorageType.DATE.widen(StorageType.TIMESTAMP_WITH_TIMEZONE));
      assertEquals(StorageType.STRING, StorageType.BOOLEAN.widen(StorageType.INTEGER));
      assertEquals(StorageType.JSON, StorageType.STRING.widen(StorageType.JSON));
      assertEquals(StorageType.JSON, StorageType.JSON.widen(StorageType.INTEGER));
      for (StorageType a : StorageType.values()) {
        for (StorageType b : StorageType.values()) {
          assertEquals(a.widen(b), b.widen(a), a + " and " + b);
          assertEquals(a.widen(b), a.widen(b).widen(a), "widening again changes nothing");
        }
      }
    }

    @Test
    void valuesTakeTheFormOfTheWiderColumn() {
      assertEquals("12", ColumnValues.forColumn(12L, StorageType.STRING));
      assertEquals("2024-01-02T03:04:05+02:00", ColumnValues.forColumn(
          OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)), StorageType.STRING));
      assertEquals(new RawJson("\"a \\\"b\\\"\""), ColumnValues.forColumn("a \"b\"", StorageType.JSON));
      assertEquals(new RawJson("true"), ColumnValues.forColumn(true, StorageType.JSON));
      assertEquals(new RawJson("\"AAE=\""), ColumnValues.forColumn(new byte[] {0, 1}, StorageType.JSON));
      assertEquals(new BigDecimal("7"), ColumnValues.forColumn(7L, StorageType.NUMBER));
    }
  }

  @Nested
  class HelperTableNames {
    @Test
    void areTheTablesNamePlusASuffixNoStreamNameCanHave() {
      assertEquals("users$airbyte_tmp", Names.helper("users", StreamTables.STAGING, 63));
      assertEquals(Names.normalize("users$airbyte_tmp", 63), "users_airbyte_tmp", "a stream named so gets no $");
    }

    @Test
    void staySeparateWhenLongNamesAreCut() {
      String a = "a".repeat(60) + "_one";
      String b = "a".repeat(60) + "_two";
      String helperA = Names.helper(a, StreamTables.STAGING_DELETED, 63);
      String helperB = Names.helper(b, StreamTables.STAGING_DELETED, 63);
      assertEquals(63, helperA.length());
      assertNotEquals(helperA, helperB);
      assertTrue(helperA.endsWith("$airbyte_tmp_deleted"), helperA);
    }

    @Test
    void aNameThatIsTheHashedFormOfAnotherIsHashedAgain() {
      Names names = new Names(63, false);
      String first = names.assign("a-b");
      String second = names.assign("a_b");
      String third = names.assign(second);
      assertEquals("a_b", first);
      assertEquals(3, java.util.Set.of(first, second, third).size(), first + " " + second + " " + third);
    }
  }

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

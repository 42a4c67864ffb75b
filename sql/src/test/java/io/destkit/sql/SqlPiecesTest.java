package io.destkit.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.destkit.runtime.types.RawJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
  class MergeSteps {
    @Test
    void aGuardedStepRunsOnlyWhenItsGuardFindsARowAndTheGuardIsAskedOnce() throws Exception {
      try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE load (id INTEGER)");
        statement.execute("CREATE TABLE ran (what TEXT)");
        String anyLoaded = "SELECT 1 FROM load LIMIT 1";
        MergeStatements.run(statement, List.of(
            new MergeStatements.Step(anyLoaded, "INSERT INTO ran VALUES ('guarded, load empty')"),
            MergeStatements.Step.always("INSERT INTO load VALUES (1)"),
            new MergeStatements.Step(anyLoaded, "INSERT INTO ran VALUES ('same guard, not asked again')"),
            new MergeStatements.Step("SELECT 1 FROM load WHERE id = 1", "INSERT INTO ran VALUES ('guard found a row')"),
            MergeStatements.Step.always("INSERT INTO ran VALUES ('always')")));
        List<String> ran = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT what FROM ran ORDER BY rowid")) {
          while (rows.next()) {
            ran.add(rows.getString(1));
          }
        }
        assertEquals(List.of("guard found a row", "always"), ran);
      }
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

    @Test
    void aNameHeldByATableOfAnEarlierSyncGoesToTheNewStreamHashed() throws Exception {
      // "Users" was synced before; to an engine blind to case, "users" would be that table: it gets another name.
      Names names = new Names(63, true);
      String renamed = names.assign("users", candidate -> candidate.equals("users"));
      assertTrue(renamed.startsWith("users_") && renamed.length() == "users_".length() + 8, renamed);
      assertEquals("Users", new Names(63, true).assign("Users", candidate -> false));
    }
  }
}

package io.destkit.sql.duckdb;

import static io.destkit.sql.Fixtures.batch;
import static io.destkit.sql.Fixtures.row;
import static io.destkit.sql.Fixtures.rows;
import static io.destkit.sql.Fixtures.users;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.engine.CatalogReader;
import io.destkit.runtime.write.StreamContext;
import io.destkit.sql.JdbcWarehouse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse on a real DuckDB file through {@link DuckdbEngine} and its appender: rows join the open transaction
 * (an append the driver would commit on its own is not), and a table whose columns are not in the plan's order, not
 * all the plan's, or not of the dialect's types still takes the rows, each value in its column. DuckDB's buffers keep
 * to the engine's memory limit: a merge spills to disk within it, and one that needs more fails naming the limit.
 */
class DuckdbWarehouseTest {
  @TempDir
  Path folder;

  @Test
  void rowsAreVisibleOnlyOnceCommittedAndThoseOfAnUncommittedBatchAreLost() throws Exception {
    StreamContext users = users("append", "");
    try (JdbcWarehouse warehouse = open()) {
      warehouse.prepare(users);
      warehouse.load(batch(users, row(1, "Ada", 10), row(2, "Grace", 20)));
      assertEquals(List.of(), rows(url(), "SELECT id FROM users"), "nothing is visible before the commit");
      warehouse.commit();
      // The batch after a commit: the driver opens no transaction until a statement runs.
      warehouse.load(batch(users, row(3, "lost", 30)));
      assertEquals(List.of("1", "2"), rows(url(), "SELECT id FROM users ORDER BY id"), "not visible before the commit");
    }
    assertEquals(List.of("1 Ada", "2 Grace"), rows(url(), "SELECT id, name FROM users ORDER BY id"),
        "what was not committed is gone with the connection");
  }

  @Test
  void aTableWithItsColumnsInAnotherOrderAndOneOfTheUsersTakesEachValueInItsColumn() throws Exception {
    execute("CREATE TABLE users (note VARCHAR DEFAULT 'by the user', seq BIGINT, name VARCHAR, id BIGINT,"
        + " _airbyte_meta JSON NOT NULL, _airbyte_generation_id BIGINT, _airbyte_extracted_at TIMESTAMPTZ NOT NULL,"
        + " _airbyte_raw_id UUID NOT NULL)");
    StreamContext users = users("append", "");
    try (JdbcWarehouse warehouse = open()) {
      warehouse.prepare(users);
      warehouse.load(batch(users, row(1, "Ada", 10)));
      warehouse.commit();
    }
    assertEquals(List.of("by the user 10 Ada 1 1"), rows(url(), "SELECT note, seq, name, id, _airbyte_generation_id"
        + " FROM users"));
  }

  @Test
  void aTableWhoseTypesTheAppenderCannotWriteIsLoadedWithInserts() throws Exception {
    execute("CREATE TABLE users (id INTEGER, name TEXT, seq SMALLINT, _airbyte_raw_id VARCHAR NOT NULL,"
        + " _airbyte_extracted_at TIMESTAMP WITH TIME ZONE NOT NULL, _airbyte_meta VARCHAR NOT NULL,"
        + " _airbyte_generation_id INTEGER)");
    StreamContext users = users("append_dedup", ",\"primary_key\":[[\"id\"]],\"cursor_field\":[\"seq\"]");
    try (JdbcWarehouse warehouse = open()) {
      warehouse.prepare(users);
      warehouse.load(batch(users, row(1, "old", 5), row(1, "new", 7), row(2, "only", 1)));
      warehouse.commit();
    }
    assertEquals(List.of("1 new 7", "2 only 1"), rows(url(), "SELECT id, name, seq FROM users ORDER BY id"));
  }

  @Test
  void duckdbsBuffersKeepToTheEnginesLimitWhichIsLowByDefault() throws Exception {
    Path file = folder.resolve("warehouse.duckdb");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
        JdbcWarehouse warehouse = new JdbcWarehouse(new DuckdbEngine(file.toString(), 64), connection,
            DuckdbEngine.DEFAULT_SCHEMA)) {
      assertEquals(setting("64MB"), limit(connection));
    }
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
        JdbcWarehouse warehouse = new JdbcWarehouse(new DuckdbEngine(file.toString()), connection,
            DuckdbEngine.DEFAULT_SCHEMA)) {
      assertEquals(setting(DuckdbEngine.DEFAULT_MEMORY_LIMIT_MB + "MB"), limit(connection));
    }
  }

  @Test
  void aMergeWithinTheLimitSpillsToDiskAndOneBeyondItFailsNamingTheLimitToRaise() throws Exception {
    StreamContext users = users("append_dedup", ",\"primary_key\":[[\"id\"]],\"cursor_field\":[\"seq\"]");
    // Every key twice, the later with the higher cursor: the merge ranks 300,000 rows (about 40 MB in DuckDB).
    int keys = 150_000;
    Object[][] rows = new Object[2 * keys][];
    for (int i = 0; i < keys; i++) {
      rows[2 * i] = row(i, "old " + "x".repeat(40), 1);
      rows[2 * i + 1] = row(i, "new " + "y".repeat(40), 2);
    }
    Path file = folder.resolve("warehouse.duckdb");
    try (JdbcWarehouse warehouse = new JdbcWarehouse(new DuckdbEngine(file.toString(), 64),
        DriverManager.getConnection("jdbc:duckdb:" + file), DuckdbEngine.DEFAULT_SCHEMA)) {
      warehouse.prepare(users);
      warehouse.load(batch(users, rows));
      warehouse.commit();
    }
    assertEquals(List.of(keys + " " + keys + " 2 2"), rows("jdbc:duckdb:" + file, "SELECT COUNT(*),"
        + " COUNT(DISTINCT id), MIN(seq), MAX(seq) FROM users"));

    Path small = folder.resolve("small.duckdb");
    try (JdbcWarehouse warehouse = new JdbcWarehouse(new DuckdbEngine(small.toString(), 16),
        DriverManager.getConnection("jdbc:duckdb:" + small), DuckdbEngine.DEFAULT_SCHEMA)) {
      warehouse.prepare(users);
      warehouse.load(batch(users, rows));
      ConfigException e = assertThrows(ConfigException.class, warehouse::commit);
      assertTrue(e.getMessage().contains("needed more than the 16 MB of memory the connector lets it use: raise the"
          + " connector's DuckDB memory limit"), e.getMessage());
    }
  }

  @Test
  void numbersReachTheirDecimalColumnExactlyRoundedOrNulledAtItsEdges() throws Exception {
    StreamContext amounts = CatalogReader.read(new ObjectMapper().readTree("{\"streams\":[{\"stream\":{\"name\":"
        + "\"amounts\",\"json_schema\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
        + "\"amount\":{\"type\":\"number\"}}}},\"sync_mode\":\"full_refresh\",\"destination_sync_mode\":"
        + "\"append\",\"generation_id\":1,\"minimum_generation_id\":0,\"sync_id\":3}]}")).streams().get(0);
    List<BigDecimal> numbers = new ArrayList<>();
    // Around the long's edges once scaled by 10^9, either sign; scales past 9 (rounded), negative scales.
    for (String text : List.of("0", "-0.000000001", "1.5", "-1.5", "9223372036.854775807", "9223372036.854775808",
        "-9223372036.854775808", "-9223372036.854775809", "9223372036", "9223372037", "-9223372037",
        "999999999999999999", "-999999999999999999.5", "12345678901234567890.123456789", "0.1234567894",
        "0.1234567895", "1E+3", "-7E+20", "0.000000000", "1E-9", "-1E-10")) {
      numbers.add(new BigDecimal(text));
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 2_000; i++) {
      long digits = random.nextLong() >> random.nextInt(64);
      numbers.add(BigDecimal.valueOf(digits, random.nextInt(-3, 13)));
    }
    Object[][] rows = new Object[numbers.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new Object[] {(long) i, numbers.get(i)};
    }
    Path file = folder.resolve("warehouse.duckdb");
    try (JdbcWarehouse warehouse = new JdbcWarehouse(new DuckdbEngine(file.toString()),
        DriverManager.getConnection("jdbc:duckdb:" + file), DuckdbEngine.DEFAULT_SCHEMA)) {
      warehouse.prepare(amounts);
      warehouse.load(batch(amounts, rows));
      warehouse.commit();
    }
    List<String> stored = rows("jdbc:duckdb:" + file, "SELECT id, amount FROM amounts ORDER BY id");
    assertEquals(numbers.size(), stored.size());
    for (int i = 0; i < numbers.size(); i++) {
      BigDecimal expected = numbers.get(i);
      if (expected.precision() - expected.scale() > 29) {
        assertEquals(i + " null", stored.get(i), "too large for DECIMAL(38,9): nulled");
        continue;
      }
      BigDecimal got = new BigDecimal(stored.get(i).substring(stored.get(i).indexOf(' ') + 1));
      assertEquals(0, expected.setScale(9, RoundingMode.HALF_EVEN).compareTo(got), expected + " came back as " + got);
    }
  }

  /** DuckDB's memory limit on {@code connection}, as DuckDB shows it. */
  private static String limit(Connection connection) throws Exception {
    try (Statement statement = connection.createStatement();
        var result = statement.executeQuery("SELECT current_setting('memory_limit')")) {
      result.next();
      return result.getString(1);
    }
  }

  /** How DuckDB shows a memory limit of {@code value}, set on a database of its own. */
  private static String setting(String value) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET memory_limit = '" + value + "'");
      return limit(connection);
    }
  }

  private JdbcWarehouse open() throws Exception {
    Path file = folder.resolve("warehouse.duckdb");
    return new JdbcWarehouse(new DuckdbEngine(file.toString()), DriverManager.getConnection("jdbc:duckdb:" + file),
        DuckdbEngine.DEFAULT_SCHEMA);
  }

  /** The JDBC URL of the test's warehouse file. */
  private String url() {
    return "jdbc:duckdb:" + folder.resolve("warehouse.duckdb");
  }

  private void execute(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"));
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}

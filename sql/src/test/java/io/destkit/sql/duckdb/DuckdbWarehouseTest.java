package io.destkit.sql.duckdb;

import static io.destkit.sql.Fixtures.batch;
import static io.destkit.sql.Fixtures.row;
import static io.destkit.sql.Fixtures.rows;
import static io.destkit.sql.Fixtures.users;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.destkit.runtime.write.StreamContext;
import io.destkit.sql.JdbcWarehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse on a real DuckDB file through {@link DuckdbEngine} and its appender: rows join the open transaction
 * (an append the driver would commit on its own is not), and a table whose columns are not in the plan's order, not
 * all the plan's, or not of the dialect's types still takes the rows, each value in its column.
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
      assertEquals(List.of(), rows("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"), "SELECT id FROM users"), "nothing is visible before the commit");
      warehouse.commit();
      // The batch after a commit: the driver opens no transaction until a statement runs.
      warehouse.load(batch(users, row(3, "lost", 30)));
      assertEquals(List.of("1", "2"), rows("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"), "SELECT id FROM users ORDER BY id"), "not visible before the commit");
    }
    assertEquals(List.of("1 Ada", "2 Grace"), rows("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"), "SELECT id, name FROM users ORDER BY id"),
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
    assertEquals(List.of("by the user 10 Ada 1 1"), rows("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"), "SELECT note, seq, name, id, _airbyte_generation_id"
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
    assertEquals(List.of("1 new 7", "2 only 1"), rows("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"), "SELECT id, name, seq FROM users ORDER BY id"));
  }

  private JdbcWarehouse open() throws Exception {
    Path file = folder.resolve("warehouse.duckdb");
    return new JdbcWarehouse(new DuckdbEngine(file.toString()), DriverManager.getConnection("jdbc:duckdb:" + file),
        DuckdbEngine.DEFAULT_SCHEMA);
  }

  private void execute(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"));
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}

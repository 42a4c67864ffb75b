package io.destkit.sql.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.runtime.engine.CatalogReader;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import io.destkit.sql.JdbcWarehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
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
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path folder;

  @Test
  void rowsAreVisibleOnlyOnceCommittedAndThoseOfAnUncommittedBatchAreLost() throws Exception {
    StreamContext users = stream("append", "");
    try (JdbcWarehouse warehouse = open()) {
      warehouse.prepare(users);
      warehouse.load(batch(users, row(1, "Ada", 10), row(2, "Grace", 20)));
      assertEquals(List.of(), rows("SELECT id FROM users"), "nothing is visible before the commit");
      warehouse.commit();
      // The batch after a commit: the driver opens no transaction until a statement runs.
      warehouse.load(batch(users, row(3, "lost", 30)));
      assertEquals(List.of("1", "2"), rows("SELECT id FROM users ORDER BY id"), "not visible before the commit");
    }
    assertEquals(List.of("1 Ada", "2 Grace"), rows("SELECT id, name FROM users ORDER BY id"),
        "what was not committed is gone with the connection");
  }

  @Test
  void aTableWithItsColumnsInAnotherOrderAndOneOfTheUsersTakesEachValueInItsColumn() throws Exception {
    execute("CREATE TABLE users (note VARCHAR DEFAULT 'by the user', seq BIGINT, name VARCHAR, id BIGINT,"
        + " _airbyte_meta JSON NOT NULL, _airbyte_generation_id BIGINT, _airbyte_extracted_at TIMESTAMPTZ NOT NULL,"
        + " _airbyte_raw_id UUID NOT NULL)");
    StreamContext users = stream("append", "");
    try (JdbcWarehouse warehouse = open()) {
      warehouse.prepare(users);
      warehouse.load(batch(users, row(1, "Ada", 10)));
      warehouse.commit();
    }
    assertEquals(List.of("by the user 10 Ada 1 1"), rows("SELECT note, seq, name, id, _airbyte_generation_id"
        + " FROM users"));
  }

  @Test
  void aTableWhoseTypesTheAppenderCannotWriteIsLoadedWithInserts() throws Exception {
    execute("CREATE TABLE users (id INTEGER, name TEXT, seq SMALLINT, _airbyte_raw_id VARCHAR NOT NULL,"
        + " _airbyte_extracted_at TIMESTAMP WITH TIME ZONE NOT NULL, _airbyte_meta VARCHAR NOT NULL,"
        + " _airbyte_generation_id INTEGER)");
    StreamContext users = stream("append_dedup", ",\"primary_key\":[[\"id\"]],\"cursor_field\":[\"seq\"]");
    try (JdbcWarehouse warehouse = open()) {
      warehouse.prepare(users);
      warehouse.load(batch(users, row(1, "old", 5), row(1, "new", 7), row(2, "only", 1)));
      warehouse.commit();
    }
    assertEquals(List.of("1 new 7", "2 only 1"), rows("SELECT id, name, seq FROM users ORDER BY id"));
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

  private List<String> rows(String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"));
        Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(result.getString(i));
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }

  private static StreamContext stream(String mode, String more) throws Exception {
    return CatalogReader.read(JSON.readTree("{\"streams\":[{\"stream\":{\"name\":\"users\",\"json_schema\":"
        + "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"},"
        + "\"seq\":{\"type\":\"integer\"}}}},\"sync_mode\":\"incremental\",\"destination_sync_mode\":\"" + mode
        + "\",\"generation_id\":1,\"minimum_generation_id\":0,\"sync_id\":3" + more + "}]}")).streams().get(0);
  }

  private static Object[] row(long id, String name, long seq) {
    return new Object[] {id, name, seq};
  }

  private static RecordBatch batch(StreamContext stream, Object[]... rows) {
    List<Record> records = new ArrayList<>();
    long emittedAt = 1_700_000_000_000L;
    for (Object[] values : rows) {
      records.add(new Record(UUID.randomUUID(), emittedAt++, values, null, List.of(), 40));
    }
    return new RecordBatch(stream, records);
  }
}

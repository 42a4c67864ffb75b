package io.destkit.sql.sqlite;

import static io.destkit.sql.Fixtures.batch;
import static io.destkit.sql.Fixtures.row;
import static io.destkit.sql.Fixtures.rows;
import static io.destkit.sql.Fixtures.users;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.runtime.engine.CatalogReader;
import io.destkit.runtime.write.StreamContext;
import io.destkit.sql.JdbcWarehouse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine-neutral warehouse on a real SQLite file through the SQLite engine: what each mode leaves in the table,
 * read back with plain SQL after each step.
 */
class SqliteWarehouseTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path folder;

  @Test
  void appendAddsRowsWithTheAirbyteColumnsOnlyOnceCommitted() throws Exception {
    StreamContext users = users("append", "");
    try (JdbcWarehouse warehouse = open()) {
      warehouse.prepare(users);
      warehouse.load(batch(users, row(1, "Ada", 10), row(2, "Grace", 20)));
      assertEquals(List.of(), rows("jdbc:sqlite:" + folder.resolve("warehouse.sqlite"), "SELECT id FROM users"), "nothing is visible before the commit");
      warehouse.commit();
    }
    assertEquals(List.of("1 Ada", "2 Grace"), rows("jdbc:sqlite:" + folder.resolve("warehouse.sqlite"), "SELECT id, name FROM users ORDER BY id"));
    assertEquals(List.of("2"), rows("jdbc:sqlite:" + folder.resolve("warehouse.sqlite"), "SELECT COUNT(DISTINCT _airbyte_raw_id) FROM users WHERE _airbyte_meta LIKE"
        + " '%changes%' AND _airbyte_generation_id = 1"));
  }

  @Test
  void dedupKeepsTheNewestCursorOfEachKey() throws Exception {
    StreamContext users = users("append_dedup", ",\"primary_key\":[[\"id\"]],\"cursor_field\":[\"seq\"]");
    try (JdbcWarehouse warehouse = open()) {
      warehouse.prepare(users);
      warehouse.load(batch(users, row(1, "old", 5), row(1, "new", 7), row(2, "only", 1), row(1, "older", 6)));
      warehouse.commit();
    }
    assertEquals(List.of("1 new", "2 only"), rows("jdbc:sqlite:" + folder.resolve("warehouse.sqlite"), "SELECT id, name FROM users ORDER BY id"));
  }

  @Test
  void overwriteReplacesTheRowsOnlyWhenTheStreamCompletes() throws Exception {
    StreamContext append = users("append", "");
    try (JdbcWarehouse warehouse = open()) {
      warehouse.prepare(append);
      warehouse.load(batch(append, row(1, "kept until complete", 1)));
      warehouse.commit();
    }
    StreamContext overwrite = users("overwrite", "");
    try (JdbcWarehouse warehouse = open()) {
      warehouse.prepare(overwrite);
      warehouse.load(batch(overwrite, row(9, "new", 1)));
      warehouse.commit();
      assertEquals(List.of("1"), rows("jdbc:sqlite:" + folder.resolve("warehouse.sqlite"), "SELECT id FROM users"), "committed but not complete: the old rows stay");
      warehouse.complete(overwrite);
    }
    assertEquals(List.of("9"), rows("jdbc:sqlite:" + folder.resolve("warehouse.sqlite"), "SELECT id FROM users"));
  }

  @Test
  void aFieldRenamedByCaseOnlyKeepsItsColumnOnAnEngineBlindToCase() throws Exception {
    StreamContext lower = users("append", "");
    try (JdbcWarehouse warehouse = open()) {
      warehouse.prepare(lower);
      warehouse.load(batch(lower, row(1, "Ada", 1)));
      warehouse.commit();
    }
    StreamContext upper = CatalogReader.read(JSON.readTree("{\"streams\":[{\"stream\":{\"name\":\"users\","
        + "\"json_schema\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},\"NAME\":"
        + "{\"type\":\"string\"},\"seq\":{\"type\":\"integer\"}}}},\"sync_mode\":\"incremental\","
        + "\"destination_sync_mode\":\"append\",\"generation_id\":1}]}")).streams().get(0);
    try (JdbcWarehouse warehouse = open()) {
      warehouse.prepare(upper);
      warehouse.load(batch(upper, row(2, "Grace", 2)));
      warehouse.commit();
    }
    assertEquals(List.of("1 Ada", "2 Grace"), rows("jdbc:sqlite:" + folder.resolve("warehouse.sqlite"), "SELECT id, name FROM users ORDER BY id"));
  }

  @Test
  void aBatchOfFullGroupsAndALeftOverLandsWhole() throws Exception {
    StreamContext users = users("append", "");
    Object[][] rows = new Object[250][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = row(i, "user " + i, i);
    }
    try (JdbcWarehouse warehouse = open()) {
      warehouse.prepare(users);
      warehouse.load(batch(users, rows));
      warehouse.load(batch(users, row(1000, "alone", 0)));
      warehouse.commit();
    }
    assertEquals(List.of("251 0 1000 32125"), rows("jdbc:sqlite:" + folder.resolve("warehouse.sqlite"), "SELECT COUNT(*), MIN(id), MAX(id), SUM(id) FROM users"));
  }

  private JdbcWarehouse open() throws Exception {
    Path file = folder.resolve("warehouse.sqlite");
    return new JdbcWarehouse(new SqliteEngine(file.toString()), DriverManager.getConnection("jdbc:sqlite:" + file),
        null);
  }
}

package io.destkit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stream, namespace and field names as tables and columns: normalized, quoted, never pasted into SQL, and never two
 * streams in one table.
 */
class TableNamesTest {
  private static final String SCHEMA = "{\"id\":{\"type\":\"integer\"}}";

  @TempDir
  Path dir;

  private TestDatabase database(String engine) {
    return TestDatabase.of(engine, dir);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres", "duckdb"})
  void aStreamNamedLikeAnInjectionIsJustATableName(String engine) throws Exception {
    TestDatabase db = database(engine);
    Sync setup = new Sync();
    setup.stream(null, "y", "append", SCHEMA).record("{\"id\":1}", 1);
    setup.run(db).assertSucceeded();

    Sync sync = new Sync();
    sync.stream(null, "x\"; DROP TABLE y; --", "append",
        "{\"id\":{\"type\":\"integer\"},\"a\\\"); DROP TABLE y; --\":{\"type\":\"string\"}}")
        .record("{\"id\":2,\"a\\\"); DROP TABLE y; --\":\"'); DROP TABLE y; --\"}", 2).complete();
    sync.run(db).assertSucceeded();

    assertEquals(1, db.count(db.table(null, "y")), "table y is still there");
    List<String> row = db.rows("SELECT * FROM " + db.table(null, "x___DROP_TABLE_y____")).get(0);
    assertEquals(List.of("2", "'); DROP TABLE y; --"), row.subList(4, 6));
    assertEquals(List.of("'); DROP TABLE y; --"), db.column("SELECT \"a____DROP_TABLE_y____\" FROM "
        + db.table(null, "x___DROP_TABLE_y____")), "the field's column is its name, normalized");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres", "duckdb"})
  void theSameStreamNameInTwoNamespacesGivesTwoTables(String engine) throws Exception {
    TestDatabase db = database(engine);
    String eu = db.namespace("eu");
    String us = db.namespace("us");
    Sync sync = new Sync();
    sync.stream(eu, "users", "append", SCHEMA).record("{\"id\":1}", 1);
    sync.stream(us, "users", "append", SCHEMA).record("{\"id\":2}", 2).record("{\"id\":3}", 3);
    sync.stream(null, "users", "append", SCHEMA).record("{\"id\":4}", 4);
    sync.run(db).assertSucceeded();

    assertEquals(List.of("1"), db.column("SELECT id FROM " + db.table(eu, "users")));
    assertEquals(List.of("2", "3"), db.column("SELECT id FROM " + db.table(us, "users") + " ORDER BY id"));
    assertEquals(List.of("4"), db.column("SELECT id FROM " + db.table(null, "users")));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres", "duckdb"})
  void namesThatNormalizeAlikeGetTablesOfTheirOwnAndKeepThemOnTheNextSync(String engine) throws Exception {
    TestDatabase db = database(engine);
    String longName = "a_stream_name_far_longer_than_any_identifier_limit_of_postgresql_allows_";
    Sync sync = new Sync();
    sync.stream(null, "café", "append", SCHEMA).record("{\"id\":1}", 1);
    sync.stream(null, "cafe", "append", SCHEMA).record("{\"id\":2}", 2);
    sync.stream(null, "Users", "append", SCHEMA).record("{\"id\":3}", 3);
    sync.stream(null, "users", "append", SCHEMA).record("{\"id\":4}", 4);
    sync.stream(null, longName + "one", "append", SCHEMA).record("{\"id\":5}", 5);
    sync.stream(null, longName + "two", "append", SCHEMA).record("{\"id\":6}", 6);
    sync.run(db).assertSucceeded();
    List<String> tables = db.tables(null);
    sync.run(db).assertSucceeded();

    assertEquals(tables, db.tables(null), "the same tables on the next sync");
    assertEquals(6, tables.size(), tables::toString);
    List<String> ids = new ArrayList<>();
    for (String table : tables) {
      List<String> rows = db.column("SELECT id FROM " + db.table(null, table));
      assertEquals(2, rows.size(), table + ": its stream's record, once per sync");
      assertEquals(rows.get(0), rows.get(1), table + ": one stream's records only");
      ids.add(rows.get(0));
      assertTrue(table.length() <= (engine.equals("postgres") ? 63 : 128), table);
    }
    assertEquals(List.of("1", "2", "3", "4", "5", "6"), ids.stream().sorted().toList());
    assertEquals(List.of("1", "1"), db.column("SELECT id FROM " + db.table(null, "cafe")),
        "the first stream to claim a name has it; the next gets a hash of its own name added");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres", "duckdb"})
  void fieldNamesBecomeDistinctQuotedColumns(String engine) throws Exception {
    TestDatabase db = database(engine);
    Sync sync = new Sync();
    sync.stream(null, "t", "append", "{\"Name\":{\"type\":\"string\"},\"name\":{\"type\":\"string\"},"
        + "\"select\":{\"type\":\"string\"},\"1st\":{\"type\":\"string\"},\"_airbyte_raw_id\":{\"type\":\"string\"},"
        + "\"a b\":{\"type\":\"string\"},\"a-b\":{\"type\":\"string\"}}")
        .record("{\"Name\":\"N\",\"name\":\"n\",\"select\":\"s\",\"1st\":\"f\",\"_airbyte_raw_id\":\"mine\","
            + "\"a b\":\"space\",\"a-b\":\"dash\"}", 1);
    sync.run(db).assertSucceeded();

    List<String> values = db.rows("SELECT * FROM " + db.table(null, "t")).get(0).subList(4, 11);
    assertEquals(List.of("N", "n", "s", "f", "mine", "space", "dash"), values);
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT \"select\", \"_1st\", \"a_b\" FROM " + db.table(null, "t")).close();
    }
  }
}

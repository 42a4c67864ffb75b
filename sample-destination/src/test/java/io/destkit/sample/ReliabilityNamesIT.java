package io.destkit.sample;

import static io.destkit.sample.ReliabilityRun.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.sql.SqlIdentifiers;
import io.destkit.testkit.ConnectorProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile stream, namespace and field names through the packaged jar, on SQLite, PostgreSQL and DuckDB: every stream
 * lands in a table of its own, every field in a column of its own, and nothing else in the database changes.
 */
class ReliabilityNamesIT {
  private static final String LONG = "l".repeat(1999);
  /** Hostile names; several pairs are equal after normalization, case folding or truncation. */
  private static final List<String> NAMES = List.of(
      "x\"; DROP TABLE y; --", "a'b", "back\\slash\\", "with space", "/* comment */ t", "-- comment", "semi;colon",
      "emoji 🦄", "🦄", "select", "table", "Users", "users", "USERS", "café", "cafe", "a-b", "a_b", "a b",
      LONG + "a", LONG + "b", "_airbyte_raw_id", "1starts_with_digit", "_1starts_with_digit");
  private static final List<String> NAMESPACES = List.of(
      "ns\"; DROP SCHEMA public CASCADE; --", "ns'", "ns ns", "ns-ns", "n".repeat(2000));

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres", "duckdb"})
  void hostileNamesLandInDistinctQuotedTablesAndColumnsAndNothingElseChanges(String engine) throws Exception {
    TestDatabase db = TestDatabase.of(engine, dir);
    String prefix = db instanceof TestDatabase.Postgres
        ? ((SampleConfig.Postgres) db.config().database()).schema() + "_" : "";
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      if (db instanceof TestDatabase.Postgres) {
        statement.execute("CREATE SCHEMA " + SqlIdentifiers.quote(prefix.substring(0, prefix.length() - 1)));
      }
      statement.execute("CREATE TABLE " + db.table(null, "y") + " (id integer)");
      statement.execute("INSERT INTO " + db.table(null, "y") + " VALUES (7)");
    }
    Set<List<String>> before = tables(db);

    // Each stream gets one record whose id is unique; the field stream's values are unique too.
    ArrayNode streams = ReliabilityRun.JSON.createArrayNode();
    StringBuilder input = new StringBuilder();
    int id = 0;
    for (String name : NAMES) {
      addStream(streams, input, null, name, ++id);
    }
    for (String namespace : NAMESPACES) {
      addStream(streams, input, prefix + namespace, "t", ++id);
      addStream(streams, input, prefix + namespace, "x\"; DROP TABLE y; --", ++id);
    }
    int streamCount = id;
    ObjectNode fieldsSchema = ReliabilityRun.JSON.createObjectNode();
    ObjectNode fieldsData = ReliabilityRun.JSON.createObjectNode();
    for (int i = 0; i < NAMES.size(); i++) {
      fieldsSchema.putObject(NAMES.get(i)).put("type", "string");
      fieldsData.put(NAMES.get(i), "value " + i);
    }
    ObjectNode fields = streams.addObject();
    fields.putObject("stream").put("name", "fields").putObject("json_schema").put("type", "object")
        .set("properties", fieldsSchema);
    fields.put("sync_mode", "full_refresh").put("destination_sync_mode", "append");
    input.append("{\"type\":\"RECORD\",\"record\":{\"stream\":\"fields\",\"data\":").append(fieldsData)
        .append(",\"emitted_at\":1}}\n");
    input.append("{\"type\":\"STATE\",\"state\":{\"type\":\"GLOBAL\",\"global\":{\"shared_state\":{\"done\":true},"
        + "\"stream_states\":[]}}}\n");

    ObjectNode catalog = ReliabilityRun.JSON.createObjectNode();
    catalog.set("streams", streams);
    ConnectorProcess.Result result = ReliabilityRun.write(
        ReliabilityRun.file(dir, "config.json", db.configJson()), ReliabilityRun.file(dir, "catalog.json",
            catalog.toString()), input.toString().getBytes(StandardCharsets.UTF_8));
    assertSucceeded(result);
    assertEquals(1, ReliabilityRun.states(result).size(), result::toString);

    Set<List<String>> after = tables(db);
    assertTrue(after.containsAll(before), "no table went away");
    Set<List<String>> created = new HashSet<>(after);
    created.removeAll(before);
    assertEquals(streamCount + 1, created.size(), () -> "one new table per stream, nothing else: " + created);
    assertEquals(List.of(List.of("7")), db.rows("SELECT id FROM " + db.table(null, "y")), "table y is untouched");

    Set<String> ids = new TreeSet<>();
    List<String> fieldValues = new ArrayList<>();
    for (List<String> table : created) {
      String sql = table.get(0).equals("null") ? SqlIdentifiers.quote(table.get(1))
          : SqlIdentifiers.qualified(table.get(0), table.get(1));
      List<List<String>> rows = db.rows("SELECT * FROM " + sql);
      assertEquals(1, rows.size(), () -> "one row in " + table);
      List<String> row = rows.get(0);
      if (row.size() == 5) {
        ids.add(row.get(4));
      } else {
        fieldValues.addAll(row.subList(4, row.size()));
      }
    }
    Set<String> expectedIds = new TreeSet<>();
    for (int i = 1; i <= streamCount; i++) {
      expectedIds.add(Integer.toString(i));
    }
    assertEquals(expectedIds, ids, "every stream's record in a table of its own");
    List<String> expectedValues = new ArrayList<>();
    for (int i = 0; i < NAMES.size(); i++) {
      expectedValues.add("value " + i);
    }
    assertEquals(expectedValues, fieldValues, "every field in a column of its own, in the schema's order");
  }

  private static void addStream(ArrayNode streams, StringBuilder input, String namespace, String name, int id) {
    ObjectNode configured = streams.addObject();
    ObjectNode stream = configured.putObject("stream").put("name", name);
    if (namespace != null) {
      stream.put("namespace", namespace);
    }
    stream.putObject("json_schema").put("type", "object").putObject("properties").putObject("id")
        .put("type", "integer");
    configured.put("sync_mode", "full_refresh").put("destination_sync_mode", "append");
    ObjectNode record = ReliabilityRun.JSON.createObjectNode();
    record.put("stream", name);
    if (namespace != null) {
      record.put("namespace", namespace);
    }
    record.putObject("data").put("id", id);
    record.put("emitted_at", 1);
    input.append("{\"type\":\"RECORD\",\"record\":").append(record).append("}\n");
  }

  /** Every table of the database as (schema or "null", name, its columns), so that a changed table shows. */
  private static Set<List<String>> tables(TestDatabase db) throws Exception {
    Map<List<String>, List<String>> columns = new LinkedHashMap<>();
    String query = db instanceof TestDatabase.Postgres
        ? "SELECT table_schema, table_name, column_name FROM information_schema.columns WHERE table_schema NOT IN "
            + "('pg_catalog', 'information_schema') ORDER BY 1, 2, ordinal_position"
        : db instanceof TestDatabase.Duckdb
        ? "SELECT schema_name, table_name, column_name FROM duckdb_columns() WHERE database_name = current_database()"
            + " ORDER BY 1, 2, column_index"
        : "SELECT NULL, m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' "
            + "ORDER BY 2, p.cid";
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        columns.computeIfAbsent(java.util.Arrays.asList(rows.getString(1), rows.getString(2)), k -> new ArrayList<>())
            .add(rows.getString(3));
      }
    }
    Set<List<String>> tables = new HashSet<>();
    columns.forEach((table, names) -> tables.add(List.of(String.valueOf(table.get(0)), table.get(1),
        String.join(",", names))));
    return tables;
  }
}

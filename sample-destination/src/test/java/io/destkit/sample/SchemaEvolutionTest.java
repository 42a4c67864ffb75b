package io.destkit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stream whose schema changes between syncs: new fields become new columns, a field whose type changes widens its
 * column (integer to number, anything to string, anything to JSON) with the old rows converted, and nothing fails.
 */
class SchemaEvolutionTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres", "duckdb"})
  void widenedAndNewFieldsKeepOldRowsAndTakeNewValues(String engine) throws Exception {
    TestDatabase db = TestDatabase.of(engine, dir);
    Sync before = new Sync();
    before.stream(null, "items", "append", "{\"id\":{\"type\":\"integer\"},\"amount\":{\"type\":\"integer\"},"
        + "\"code\":{\"type\":\"integer\"},\"note\":{\"type\":\"string\"},\"flag\":{\"type\":\"boolean\"},"
        + "\"day\":{\"type\":\"string\",\"format\":\"date\"}}")
        .record("{\"id\":1,\"amount\":5,\"code\":7,\"note\":\"n\",\"flag\":true,\"day\":\"2024-01-02\"}", 1);
    before.run(db).assertSucceeded();

    Sync after = new Sync();
    after.stream(null, "items", "append", "{\"id\":{\"type\":\"integer\"},\"amount\":{\"type\":\"number\"},"
        + "\"code\":{\"type\":\"string\"},\"note\":{\"type\":[\"string\",\"object\"]},\"flag\":{\"type\":\"string\"},"
        + "\"day\":{\"type\":\"string\",\"format\":\"date-time\"},\"extra\":{\"type\":\"string\"}}")
        .record("{\"id\":2,\"amount\":1.5,\"code\":\"B7\",\"note\":{\"a\":1},\"flag\":\"yes\","
            + "\"day\":\"2024-01-03T04:05:06Z\",\"extra\":\"e\"}", 2);
    after.run(db).assertSucceeded();

    List<List<String>> rows = db.rows("SELECT amount, code, note, flag, day, extra FROM " + db.table(null, "items")
        + " ORDER BY id");
    assertEquals(List.of("5", "7", "true", "2024-01-02", "<null>"), without(rows.get(0), 2));
    assertEquals(List.of("1.5", "B7", "yes", "2024-01-03T04:05:06Z", "e"), without(rows.get(1), 2));
    assertEquals(Sync.parse("\"n\""), json(rows.get(0).get(2)), "a string column widened to JSON holds JSON");
    assertEquals(Sync.parse("{\"a\":1}"), json(rows.get(1).get(2)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres", "duckdb"})
  void aNarrowerTypeWritesIntoTheWiderColumnAsItIs(String engine) throws Exception {
    TestDatabase db = TestDatabase.of(engine, dir);
    Sync wide = new Sync();
    wide.stream(null, "items", "append", "{\"v\":{\"type\":\"object\"},\"s\":{\"type\":\"string\"}}")
        .record("{\"v\":{\"k\":[1]},\"s\":\"x\"}", 1);
    wide.run(db).assertSucceeded();
    Sync narrow = new Sync();
    narrow.stream(null, "items", "append", "{\"v\":{\"type\":\"string\"},\"s\":{\"type\":\"integer\"}}")
        .record("{\"v\":\"plain\",\"s\":42}", 2);
    narrow.run(db).assertSucceeded();

    List<List<String>> rows = db.rows("SELECT v, s FROM " + db.table(null, "items") + " ORDER BY _airbyte_extracted_at");
    assertEquals(Sync.parse("{\"k\":[1]}"), json(rows.get(0).get(0)));
    assertEquals(Sync.parse("\"plain\""), json(rows.get(1).get(0)), "a string written to a JSON column is JSON");
    assertEquals(List.of("x", "42"), List.of(rows.get(0).get(1), rows.get(1).get(1)));
  }

  private static List<String> without(List<String> row, int index) {
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      if (i != index) {
        rest.add(row.get(i) == null ? "<null>" : normalizeNumber(normalizeTimestamp(row.get(i))));
      }
    }
    return rest;
  }

  /** PostgreSQL writes a timestamp converted to text as 2024-01-03T04:05:06+00:00: the same instant. */
  private static String normalizeTimestamp(String text) {
    return text.endsWith("+00:00") ? text.substring(0, text.length() - 6) + "Z" : text;
  }

  /** DuckDB's DECIMAL(38,9) reads as 1.500000000: the same number. */
  private static String normalizeNumber(String text) {
    return text.matches("-?[0-9]+\\.[0-9]*0") ? text.replaceAll("\\.?0+$", "") : text;
  }

  private static JsonNode json(String text) {
    return Sync.parse(text);
  }
}

package io.destkit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sync modes of CONTRACT.md on both engines, each checked by what a second sync leaves: append adds, overwrite
 * replaces only when the stream completes, dedup keeps one row per key (the newest) however the records are batched
 * and however often they are sent, and a truncate refresh drops older generations only at COMPLETE.
 */
class SyncModesTest {
  private static final String ORDERS = "{\"id\":{\"type\":\"string\"},\"total\":{\"type\":\"number\"}}";
  private static final String USERS = "{\"id\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"},"
      + "\"updated\":{\"type\":\"string\",\"format\":\"date-time\"},"
      + "\"_ab_cdc_deleted_at\":{\"type\":[\"null\",\"string\"],\"format\":\"date-time\"}}";

  @TempDir
  Path dir;

  private TestDatabase database(String engine) {
    return TestDatabase.of(engine, dir);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres", "duckdb"})
  void appendAddsTheSameRecordsAgainOnASecondSync(String engine) throws Exception {
    TestDatabase db = database(engine);
    String shop = db.namespace("shop");
    Sync sync = new Sync();
    sync.stream(shop, "orders", "append", ORDERS)
        .record("{\"id\":\"A-1\",\"total\":9.5}", 1000).record("{\"id\":\"A-2\",\"total\":3}", 1001)
        .state("{\"n\":1}").complete();

    assertEquals(1, sync.run(db).assertSucceeded().states().size());
    assertEquals(List.of("A-1", "A-2"), ids(db, db.table(shop, "orders")));
    sync.run(db).assertSucceeded();

    assertEquals(List.of("A-1", "A-1", "A-2", "A-2"), ids(db, db.table(shop, "orders")));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres", "duckdb"})
  void overwriteReplacesTheTableOnlyWhenTheStreamCompletes(String engine) throws Exception {
    TestDatabase db = database(engine);
    String shop = db.namespace("shop");
    String orders = db.table(shop, "orders");
    Sync first = new Sync();
    first.stream(shop, "orders", "overwrite", ORDERS).generation(1, 1)
        .record("{\"id\":\"A-1\",\"total\":1}", 1000).record("{\"id\":\"A-2\",\"total\":2}", 1001).complete();
    first.run(db).assertSucceeded();
    List<List<String>> before = db.rows("SELECT _airbyte_raw_id, id FROM " + orders + " ORDER BY id");

    Sync interrupted = new Sync();
    interrupted.stream(shop, "orders", "overwrite", ORDERS).generation(2, 2)
        .record("{\"id\":\"B-1\",\"total\":1}", 2000).state("{\"n\":2}").unfinished();
    assertEquals(1, interrupted.run(db).assertIncomplete(shop + ".orders").states().size(),
        "the state of B-1 is echoed");
    assertEquals(before, db.rows("SELECT _airbyte_raw_id, id FROM " + orders + " ORDER BY id"),
        "no COMPLETE: the old rows, untouched");

    Sync next = new Sync();
    next.stream(shop, "orders", "overwrite", ORDERS).generation(3, 3)
        .record("{\"id\":\"C-1\",\"total\":1}", 3000).complete();
    next.run(db).assertSucceeded();
    assertEquals(List.of("C-1"), ids(db, orders), "generation 3 starts afresh: B-1 was generation 2's");
    next.run(db).assertSucceeded();
    assertEquals(List.of("C-1"), ids(db, orders), "a second sync of the same data replaces it again");
    assertEquals(List.of(), helperTables(db, shop), "no staging table is left");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres", "duckdb"})
  void overwriteWithoutGenerationsDiscardsWhatAnInterruptedSyncStaged(String engine) throws Exception {
    TestDatabase db = database(engine);
    String orders = db.table(null, "orders");
    Sync interrupted = new Sync();
    interrupted.stream(null, "orders", "overwrite", ORDERS).generation(0, 0)
        .record("{\"id\":\"B-1\",\"total\":1}", 2000).state("{\"n\":2}").unfinished();
    interrupted.run(db).assertIncomplete("orders");
    assertEquals(List.of(), ids(db, orders), "the final table exists, empty, until a sync completes");

    Sync next = new Sync();
    next.stream(null, "orders", "overwrite", ORDERS).generation(0, 0)
        .record("{\"id\":\"C-1\",\"total\":1}", 3000).complete();
    next.run(db).assertSucceeded();

    assertEquals(List.of("C-1"), ids(db, orders));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres", "duckdb"})
  void truncateRefreshKeepsOlderGenerationsUntilTheStreamCompletesThenDropsThem(String engine) throws Exception {
    TestDatabase db = database(engine);
    String orders = db.table(null, "orders");
    Sync first = new Sync();
    first.stream(null, "orders", "append", ORDERS).generation(1, 0).record("{\"id\":\"A\"}", 1).complete();
    first.run(db).assertSucceeded();
    Sync second = new Sync();
    second.stream(null, "orders", "append", ORDERS).generation(2, 0).record("{\"id\":\"B\"}", 2).complete();
    second.run(db).assertSucceeded();
    assertEquals(List.of("A", "B"), ids(db, orders), "a minimum generation of 0 removes nothing");

    Sync refreshStarts = new Sync();
    refreshStarts.stream(null, "orders", "append", ORDERS).generation(3, 3).record("{\"id\":\"C\"}", 3)
        .state("{\"n\":3}").unfinished();
    refreshStarts.run(db).assertIncomplete("orders");
    assertEquals(List.of("A", "B"), ids(db, orders), "older generations stay until COMPLETE");

    Sync refreshEnds = new Sync();
    refreshEnds.stream(null, "orders", "append", ORDERS).generation(3, 3).record("{\"id\":\"D\"}", 4).complete();
    refreshEnds.run(db).assertSucceeded();
    assertEquals(List.of("C", "D"), ids(db, orders),
        "generation 3 goes on where its first attempt stopped, then replaces the older ones");
    assertEquals(List.of("3", "3"), db.column("SELECT _airbyte_generation_id FROM " + orders));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres", "duckdb"})
  void dedupKeepsTheNewestVersionOfEachKeyAndTheSameTableOnASecondSync(String engine) throws Exception {
    TestDatabase db = database(engine);
    String crm = db.namespace("crm");
    Sync sync = new Sync();
    sync.stream(crm, "users", "append_dedup", USERS).primaryKey("id").cursor("updated")
        .record("{\"id\":1,\"name\":\"old\",\"updated\":\"2024-01-01T00:00:00Z\"}", 100)
        .record("{\"id\":1,\"name\":\"newest\",\"updated\":\"2024-01-03T00:00:00.5Z\"}", 101)
        .record("{\"id\":1,\"name\":\"late but older\",\"updated\":\"2024-01-03T00:00:00Z\"}", 102)
        .record("{\"id\":2,\"name\":\"extracted first\",\"updated\":null}", 200)
        .record("{\"id\":2,\"name\":\"extracted last\",\"updated\":null}", 201)
        .record("{\"id\":3,\"name\":\"has a cursor\",\"updated\":\"2024-01-01T00:00:00Z\"}", 300)
        .record("{\"id\":3,\"name\":\"null cursor is older\",\"updated\":null}", 301)
        .record("{\"id\":4,\"name\":\"gone\",\"updated\":\"2024-01-01T00:00:00Z\"}", 400)
        .record("{\"id\":4,\"updated\":\"2024-01-02T00:00:00Z\",\"_ab_cdc_deleted_at\":\"2024-01-02T00:00:00Z\"}", 401)
        .state("{\"n\":1}");
    List<List<String>> expected = List.of(List.of("1", "newest"), List.of("2", "extracted last"),
        List.of("3", "has a cursor"));
    String users = db.table(crm, "users");

    sync.run(db).assertSucceeded();
    assertEquals(expected, db.rows("SELECT id, name FROM " + users + " ORDER BY id"));
    sync.oneRecordPerBatch().run(db).assertSucceeded();
    assertEquals(expected, db.rows("SELECT id, name FROM " + users + " ORDER BY id"),
        "the same records again, each in a commit of its own: the same table");
    // DuckDB gets no index: its joins hash, and an index would forbid the ALTER and RENAME the warehouse needs.
    assertEquals(engine.equals("duckdb") ? 0 : 1, db.indexes(crm, "users"), "the key's index, made once");
    assertEquals(List.of(List.of("4")), db.rows("SELECT id FROM " + db.table(crm, "users$airbyte_deleted")),
        "the deleted key's newest version is kept as a tombstone");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres", "duckdb"})
  void aKeyValueTheEngineCannotHoldAsItIsEndsTheSyncInsteadOfChangingIt(String engine) throws Exception {
    TestDatabase db = database(engine);
    // SQLite holds numbers as 64-bit integers or doubles, DuckDB 9 digits after the point; PostgreSQL text cannot
    // hold NUL.
    boolean number = !engine.equals("postgres");
    String key = number ? "{\"type\":\"number\"}" : "{\"type\":\"string\"}";
    String value = number ? "0.1000000000000000055511151231257827" : "\"a\\u0000b\"";
    Sync sync = new Sync();
    sync.stream(null, "keys", "append_dedup", "{\"k\":" + key + "}").primaryKey("k")
        .record("{\"k\":" + value + "}", 1).state("{\"n\":1}");

    Sync.Result result = sync.run(db);

    assertTrue(result.failure() != null, "the sync fails");
    assertContains(result.failure().getMessage(), "stream keys has a value of its primary key or cursor field 'k'");
    assertEquals(List.of(), result.states(), "no state: the record is not committed");
    assertEquals(0, db.count(db.table(null, "keys")));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres", "duckdb"})
  void dedupDeletesStayDeletedWhenAnOlderVersionArrivesLater(String engine) throws Exception {
    TestDatabase db = database(engine);
    String users = db.table(null, "users");
    Sync deleted = new Sync();
    deleted.stream(null, "users", "append_dedup", USERS).primaryKey("id").cursor("updated")
        .record("{\"id\":1,\"name\":\"v5\",\"updated\":\"2024-01-05T00:00:00Z\"}", 10)
        .record("{\"id\":1,\"updated\":\"2024-01-06T00:00:00Z\",\"_ab_cdc_deleted_at\":\"2024-01-06T00:00:00Z\"}", 11)
        .record("{\"id\":2,\"name\":\"v5\",\"updated\":\"2024-01-05T00:00:00Z\"}", 12);
    deleted.oneRecordPerBatch().run(db).assertSucceeded();
    assertEquals(List.of("2"), db.column("SELECT id FROM " + users));

    Sync older = new Sync();
    older.stream(null, "users", "append_dedup", USERS).primaryKey("id").cursor("updated")
        .record("{\"id\":1,\"name\":\"v3\",\"updated\":\"2024-01-03T00:00:00Z\"}", 20)
        .record("{\"id\":2,\"name\":\"v4\",\"updated\":\"2024-01-04T00:00:00Z\"}", 21)
        .record("{\"id\":2,\"name\":\"no cursor\"}", 22);
    older.run(db).assertSucceeded();
    assertEquals(List.of(List.of("2", "v5")), db.rows("SELECT id, name FROM " + users),
        "older versions, and a version without cursor, lose to what is there, deleted or not");

    Sync newer = new Sync();
    newer.stream(null, "users", "append_dedup", USERS).primaryKey("id").cursor("updated")
        .record("{\"id\":1,\"name\":\"v7\",\"updated\":\"2024-01-07T00:00:00Z\"}", 30);
    newer.run(db).assertSucceeded();
    assertEquals(List.of(List.of("1", "v7"), List.of("2", "v5")),
        db.rows("SELECT id, name FROM " + users + " ORDER BY id"), "a newer version brings the key back");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres", "duckdb"})
  void dedupWithATruncateRefreshKeepsOnlyTheNewGeneration(String engine) throws Exception {
    TestDatabase db = database(engine);
    String users = db.table(null, "users");
    Sync first = new Sync();
    first.stream(null, "users", "append_dedup", USERS).primaryKey("id").cursor("updated").generation(1, 0)
        .record("{\"id\":1,\"name\":\"a\",\"updated\":\"2024-01-01T00:00:00Z\"}", 1)
        .record("{\"id\":2,\"name\":\"b\",\"updated\":\"2024-01-01T00:00:00Z\"}", 2).complete();
    first.run(db).assertSucceeded();

    Sync refresh = new Sync();
    refresh.stream(null, "users", "append_dedup", USERS).primaryKey("id").cursor("updated").generation(2, 2)
        .record("{\"id\":2,\"name\":\"b2\",\"updated\":\"2023-01-01T00:00:00Z\"}", 3)
        .record("{\"id\":2,\"name\":\"b3\",\"updated\":\"2023-02-01T00:00:00Z\"}", 4).complete();
    refresh.run(db).assertSucceeded();

    assertEquals(List.of(List.of("2", "b3", "2")),
        db.rows("SELECT id, name, _airbyte_generation_id FROM " + users + " ORDER BY id"),
        "the refresh starts from nothing: an older cursor than generation 1's still lands");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres", "duckdb"})
  void dedupWithoutCursorKeepsTheLastExtracted(String engine) throws Exception {
    TestDatabase db = database(engine);
    Sync sync = new Sync();
    sync.stream(null, "users", "append_dedup", USERS).primaryKey("id")
        .record("{\"id\":1,\"name\":\"first\"}", 5).record("{\"id\":1,\"name\":\"second\"}", 6)
        .record("{\"id\":1,\"name\":\"same time, later in the input\"}", 6)
        .record("{\"name\":\"no key\"}", 7).record("{\"name\":\"no key either\"}", 8);
    sync.run(db).assertSucceeded();
    sync.run(db).assertSucceeded();

    assertEquals(List.of("no key", "no key", "no key either", "no key either", "same time, later in the input"),
        db.column("SELECT name FROM " + db.table(null, "users") + " ORDER BY name"),
        "rows without a key cannot be matched: they are kept, as in append");
  }

  private static List<String> ids(TestDatabase db, String table) throws SQLException {
    return db.column("SELECT id FROM " + table + " ORDER BY id");
  }

  private static List<String> helperTables(TestDatabase db, String namespace) throws SQLException {
    return db.tables(namespace).stream().filter(name -> name.contains("$airbyte_tmp")).toList();
  }

  static void assertContains(String text, String part) {
    assertTrue(text.contains(part), () -> "expected to find '" + part + "' in:\n" + text);
  }
}

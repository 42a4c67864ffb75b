package io.destkit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.WriteHandlers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Loading into PostgreSQL: what COPY carries and what it cannot, and how lost connections and crashes end. */
class PostgresLoadTest {

  @Test
  void copyCarriesQuotesLineBreaksAndOddDatesAndDropsOnlyWhatPostgresCannotHold() throws Exception {
    TestDatabase db = TestDatabase.postgres();
    Sync sync = new Sync();
    sync.stream(null, "odd", "append", "{\"id\":{\"type\":\"integer\"},\"s\":{\"type\":\"string\"},"
        + "\"j\":{\"type\":\"object\"},\"d\":{\"type\":\"string\",\"format\":\"date\"},"
        + "\"t\":{\"type\":\"string\",\"format\":\"date-time\"},\"n\":{\"type\":\"number\"},"
        + "\"b\":{\"type\":\"string\",\"contentEncoding\":\"base64\"}}")
        .record("{\"id\":1,\"s\":\"a \\\"quoted\\\", comma\\nline\\r\\nbreak \\\\. \\\\N é 😀\",\"j\":{\"k\":\"\\\\u0000 is text\"},"
            + "\"d\":\"0044-03-15 BC\",\"t\":\"10000-01-01T00:00:00Z\",\"n\":1e400,\"b\":\"AAEC/w==\"}", 1)
        .record("{\"id\":2,\"s\":\"nul\\u0000inside\",\"j\":{\"k\":\"nul\\u0000\",\"lone\":\"\\ud800\"},"
            + "\"d\":\"2024-02-29\",\"n\":1e200000}", 2)
        .record("{\"id\":3,\"s\":\"\",\"j\":{}}", 3).state("{\"n\":3}");
    Sync.Result result = sync.run(db).assertSucceeded();
    // What the load changed is counted with the state after it: two values cleaned, one nulled.
    JsonNode stats = result.states().get(0).at("/state/destinationStats/additionalStats");
    assertEquals(2, stats.path("truncatedValueCount").asInt(-1), stats::toString);
    assertEquals(1, stats.path("nulledValueCount").asInt(-1), stats::toString);

    List<List<String>> rows = db.rows("SELECT s, j::text, d::text, t::text, n::text, encode(b, 'hex'), "
        + "_airbyte_meta::text FROM " + db.table(null, "odd") + " ORDER BY id");
    assertEquals("a \"quoted\", comma\nline\r\nbreak \\. \\N é 😀", rows.get(0).get(0));
    assertEquals(Sync.parse("{\"k\":\"\\\\u0000 is text\"}"), Sync.parse(rows.get(0).get(1)),
        "an escaped backslash before u0000 is text, kept");
    assertEquals(List.of("0044-03-15 BC", "10000-01-01 00:00:00+00", "1" + "0".repeat(400), "000102ff"),
        rows.get(0).subList(2, 6));
    assertEquals("nulinside", rows.get(1).get(0), "PostgreSQL text cannot hold NUL: it is removed");
    JsonNode json = Sync.parse(rows.get(1).get(1));
    assertEquals("nul", json.get("k").asText(), "nor JSONB the escape \\u0000: it is removed");
    assertEquals(1, json.get("lone").asText().length(), "a lone surrogate is replaced, not fatal");
    assertEquals(null, rows.get(1).get(4), "a number beyond NUMERIC's range is nulled");
    JsonNode changes = Sync.parse(rows.get(1).get(6)).get("changes");
    assertEquals(Sync.parse("[{\"field\":\"s\",\"change\":\"TRUNCATED\",\"reason\":\"DESTINATION_SERIALIZATION_ERROR\"},"
        + "{\"field\":\"j\",\"change\":\"TRUNCATED\",\"reason\":\"DESTINATION_SERIALIZATION_ERROR\"},"
        + "{\"field\":\"n\",\"change\":\"NULLED\",\"reason\":\"DESTINATION_FIELD_SIZE_LIMITATION\"}]"), changes);
    assertEquals(List.of("", "{}"), rows.get(2).subList(0, 2), "an empty string is not null");
  }

  @Test
  void binaryCopyGivesTheValuesTextWouldNumbersTimesAndZones() throws Exception {
    TestDatabase db = TestDatabase.postgres();
    Sync sync = new Sync();
    Sync.Stream stream = sync.stream(null, "exact", "append", "{\"id\":{\"type\":\"integer\"},\"n\":{\"type\":\"number\"},"
        + "\"tz\":{\"type\":\"string\",\"format\":\"time\",\"airbyte_type\":\"time_with_timezone\"},"
        + "\"lt\":{\"type\":\"string\",\"format\":\"time\",\"airbyte_type\":\"time_without_timezone\"},"
        + "\"ts\":{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_without_timezone\"},"
        + "\"d\":{\"type\":\"string\",\"format\":\"date\"},\"f\":{\"type\":\"boolean\"}}");
    String[][] cases = {
        {"-0.5", "\"10:00:00+02:00\"", "\"23:59:59.1234567\"", "\"2024-03-01T09:05:07.1234567\"", "\"1999-12-31\"",
            "true"},
        {"0.00005", "\"00:00:00-09:30\"", "\"00:00:00\"", "\"1970-01-01T00:00:00\"", "\"2000-01-01\"", "false"},
        {"123456789.000100", "\"12:34:56.5Z\"", "\"12:00:00.000001\"", "\"0001-01-01T00:00:00\"", "\"9999-12-31\"",
            "null"},
        {"0", "null", "null", "null", "null", "null"},
        {"-12345678901234567890.12345", "null", "null", "null", "null", "null"},
        {"1e-20", "null", "null", "null", "null", "null"},
        {"100000", "null", "null", "null", "null", "null"},
        {"1.5e3", "null", "null", "null", "null", "null"},
        {"9999999999999999999999999999999999999999.5", "null", "null", "null", "null", "null"},
        // Fifteen digits, the most written without a BigInteger, scaled up by one to three digits to whole groups.
        {"999999999999999", "null", "null", "null", "null", "null"},
        {"-0.123456789012345", "null", "null", "null", "null", "null"},
        {"-99999999999.9999", "null", "null", "null", "null", "null"},
        {"1234567890123.45", "null", "null", "null", "null", "null"},
        {"0.10", "null", "null", "null", "null", "null"}};
    for (int i = 0; i < cases.length; i++) {
      stream.record("{\"id\":" + i + ",\"n\":" + cases[i][0] + ",\"tz\":" + cases[i][1] + ",\"lt\":" + cases[i][2]
          + ",\"ts\":" + cases[i][3] + ",\"d\":" + cases[i][4] + ",\"f\":" + cases[i][5] + "}", i + 1);
    }
    stream.state("{\"n\":1}");
    sync.run(db).assertSucceeded();
    List<List<String>> rows = db.rows("SELECT n::text, tz::text, lt::text, ts::text, d::text, f::text FROM "
        + db.table(null, "exact") + " ORDER BY id");
    assertEquals(List.of("-0.5", "10:00:00+02", "23:59:59.123457", "2024-03-01 09:05:07.123457", "1999-12-31", "true"),
        rows.get(0));
    assertEquals(List.of("0.00005", "00:00:00-09:30", "00:00:00", "1970-01-01 00:00:00", "2000-01-01", "false"),
        rows.get(1));
    assertEquals(Arrays.asList("123456789.000100", "12:34:56.5+00", "12:00:00.000001", "0001-01-01 00:00:00",
        "9999-12-31", null), rows.get(2));
    List<String> numbers = rows.stream().map(row -> row.get(0)).toList();
    assertEquals(List.of("0", "-12345678901234567890.12345", "0.00000000000000000001", "100000", "1500",
        "9999999999999999999999999999999999999999.5", "999999999999999", "-0.123456789012345", "-99999999999.9999",
        "1234567890123.45", "0.10"), numbers.subList(3, 14));
  }

  @Test
  void aTableWithColumnTypesOfItsOwnIsCopiedAsCsv() throws Exception {
    TestDatabase db = TestDatabase.postgres();
    // Made by hand: integer and varchar have no binary form in the warehouse's COPY.
    String table = madeByHand(db, "own", "id integer, s varchar(20)", "INSERT INTO %s VALUES (0, 'by hand')");
    Sync sync = new Sync();
    sync.stream(null, "own", "append", "{\"id\":{\"type\":\"integer\"},\"s\":{\"type\":\"string\"}}")
        .record("{\"id\":1,\"s\":\"a \\\"quoted\\\", comma\"}", 1).record("{\"id\":2}", 2).state("{\"n\":2}");
    sync.run(db).assertSucceeded();
    assertEquals(List.of(List.of("0", "by hand"), List.of("1", "a \"quoted\", comma"), Arrays.asList("2", null)),
        db.rows("SELECT id::text, s FROM " + table + " ORDER BY id"));
    assertEquals(List.of("integer", "character varying"), db.column("SELECT data_type FROM information_schema.columns"
        + " WHERE table_schema || '.' || table_name = '" + table.replace("\"", "") + "' AND column_name IN ('id', 's')"
        + " ORDER BY column_name"), "its types are kept");
  }

  @Test
  void aTableWhoseColumnHoldsTextAsAnotherTypeIsCopiedAsCsv() throws Exception {
    TestDatabase db = TestDatabase.postgres();
    // Every type has a binary form, but the stream's string lands in a uuid column: the server must convert it.
    String table = madeByHand(db, "ids", "id bigint, u uuid");
    Sync sync = new Sync();
    sync.stream(null, "ids", "append", "{\"id\":{\"type\":\"integer\"},\"u\":{\"type\":\"string\"}}")
        .record("{\"id\":1,\"u\":\"0189F1E2-3B4C-7D5E-8F60-718293A4B5C6\"}", 1).state("{\"n\":1}");
    sync.run(db).assertSucceeded();
    assertEquals(List.of(List.of("1", "0189f1e2-3b4c-7d5e-8f60-718293a4b5c6")),
        db.rows("SELECT id::text, u::text FROM " + table));
  }

  /** Creates table {@code name} of the test's schema with {@code columns}, then runs {@code more} on it. */
  private static String madeByHand(TestDatabase db, String name, String columns, String... more) throws SQLException {
    String table = db.table(null, name);
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + table.substring(0, table.indexOf('.')));
      statement.execute("CREATE TABLE " + table + " (" + columns + ")");
      for (String sql : more) {
        statement.execute(String.format(sql, table));
      }
    }
    return table;
  }

  @Test
  void aLostConnectionIsRetriedOnANewOneWithoutLosingOrRepeatingRecords() throws Exception {
    TestDatabase.Postgres db = (TestDatabase.Postgres) TestDatabase.postgres();
    Sync sync = new Sync();
    Sync.Stream users = sync.stream(null, "users", "append_dedup", "{\"id\":{\"type\":\"integer\"}}")
        .primaryKey("id");
    Sync.Stream events = sync.stream(null, "events", "append", "{\"id\":{\"type\":\"integer\"}}");
    for (int i = 1; i <= 4; i++) {
      users.record("{\"id\":" + i + "}", i).state("{\"u\":" + i + "}");
      events.record("{\"id\":" + i + "}", i).state("{\"e\":" + i + "}");
    }
    AtomicInteger commits = new AtomicInteger();
    AtomicInteger batches = new AtomicInteger();
    sync.oneRecordPerBatch().handlers(handlers -> new Interposed(handlers) {
      @Override
      public void records(RecordBatch batch) throws Exception {
        if (batches.incrementAndGet() == 3) {
          cutConnections(db);
        }
        super.records(batch);
      }

      @Override
      public void commit() throws Exception {
        if (commits.incrementAndGet() == 1) {
          cutConnections(db);
        }
        super.commit();
      }
    });

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Sync.Result result = runTellingRetriesTo(sync, db, err);

    result.assertSucceeded();
    assertEquals(8, result.states().size());
    assertEquals(List.of("1", "2", "3", "4"), db.column("SELECT id FROM " + db.table(null, "users") + " ORDER BY id"));
    assertEquals(List.of("1", "2", "3", "4"), db.column("SELECT id FROM " + db.table(null, "events") + " ORDER BY id"));
    String retries = err.toString(StandardCharsets.UTF_8);
    assertTrue(retries.contains("try 2 of 5"), retries);
    assertTrue(retries.contains("on PostgreSQL at " + db.login().host() + ":" + db.login().port()), retries);
    assertFalse(retries.contains(TestDatabase.PASSWORD), retries);
  }

  /**
   * A batch of several MB of COPY data is kept until its commit a chunk at a time outside the heap; when the
   * connection is lost at the commit, every chunk is sent again on a new one, byte for byte.
   */
  @Test
  void aLostConnectionResendsALargeBatchChunkByChunk() throws Exception {
    TestDatabase.Postgres db = (TestDatabase.Postgres) TestDatabase.postgres();
    Sync sync = new Sync();
    Sync.Stream docs = sync.stream(null, "docs", "append",
        "{\"id\":{\"type\":\"integer\"},\"s\":{\"type\":\"string\"}}");
    int records = 3_000;
    StringBuilder all = new StringBuilder();
    for (int i = 1; i <= records; i++) {
      String s = ("r" + i + "-").repeat(2_000 / ("r" + i + "-").length());
      docs.record("{\"id\":" + i + ",\"s\":\"" + s + "\"}", i);
      all.append(i == 1 ? "" : ",").append(s);
    }
    docs.state("{\"d\":1}");
    AtomicInteger commits = new AtomicInteger();
    sync.handlers(handlers -> new Interposed(handlers) {
      @Override
      public void commit() throws Exception {
        if (commits.incrementAndGet() == 1) {
          cutConnections(db);
        }
        super.commit();
      }
    });

    Sync.Result result = runTellingRetriesTo(sync, db, new ByteArrayOutputStream());

    result.assertSucceeded();
    assertEquals(1, result.states().size());
    String table = db.table(null, "docs");
    assertEquals(List.of(Integer.toString(records)), db.column("SELECT count(*) FROM " + table));
    byte[] digest = MessageDigest.getInstance("MD5").digest(all.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(HexFormat.of().formatHex(digest)),
        db.column("SELECT md5(string_agg(s, ',' ORDER BY id)) FROM " + table));
  }

  @Test
  void aSyncThatDiesBeforeItsCommitLeavesNothingAndIsLoadedOnceWhenSentAgain() throws Exception {
    TestDatabase.Postgres db = (TestDatabase.Postgres) TestDatabase.postgres();
    Sync crashing = new Sync();
    crashing.stream(null, "events", "append", "{\"id\":{\"type\":\"integer\"}}").record("{\"id\":1}", 1)
        .record("{\"id\":2}", 2);
    crashing.stream(null, "users", "append_dedup", "{\"id\":{\"type\":\"integer\"}}").primaryKey("id")
        .record("{\"id\":1}", 1);
    crashing.handlers(handlers -> new Interposed(handlers) {
      @Override
      public void commit() {
        throw new IllegalStateException("the process dies before it commits");
      }

      @Override
      public void close() {
        // A dead process closes nothing.
      }
    });
    assertTrue(crashing.run(db).failure() != null);
    // The server ends a dead process's connection, and its transaction with it.
    cutConnections(db);
    assertEquals(0, db.count(db.table(null, "events")), "no row of an uncommitted batch is visible");
    assertEquals(0, db.count(db.table(null, "users")), "no row of an uncommitted batch is visible");

    Sync again = new Sync();
    again.stream(null, "events", "append", "{\"id\":{\"type\":\"integer\"}}").record("{\"id\":1}", 1)
        .record("{\"id\":2}", 2);
    again.stream(null, "users", "append_dedup", "{\"id\":{\"type\":\"integer\"}}").primaryKey("id")
        .record("{\"id\":1}", 1);
    again.run(db).assertSucceeded();

    assertEquals(List.of("1", "2"), db.column("SELECT id FROM " + db.table(null, "events") + " ORDER BY id"));
    assertEquals(List.of("1"), db.column("SELECT id FROM " + db.table(null, "users") + " ORDER BY id"));
    assertEquals(List.of("events", "users"), db.tables(null), "load tables are dropped at the end of a sync");
  }

  @Test
  void aCommitThatFailsOnTheWayIsLookedUpAndItsRecordsCopiedAgainOnce() throws Exception {
    TestDatabase.Postgres db = (TestDatabase.Postgres) TestDatabase.postgres();
    Sync sync = new Sync();
    sync.stream(null, "events", "append", "{\"id\":{\"type\":\"integer\"}}").record("{\"id\":1}", 1)
        .record("{\"id\":2}", 2).state("{\"e\":2}");
    AtomicInteger batches = new AtomicInteger();
    sync.handlers(handlers -> new Interposed(handlers) {
      @Override
      public void records(RecordBatch batch) throws Exception {
        if (batches.incrementAndGet() == 1) {
          dieAtFirstCommit(db, db.table(null, "events"));
        }
        super.records(batch);
      }
    });

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    Sync.Result result;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      result = sync.run(db);
    } finally {
      System.setErr(original);
    }

    result.assertSucceeded();
    assertEquals(1, result.states().size());
    assertEquals(List.of("1", "2"), db.column("SELECT id FROM " + db.table(null, "events") + " ORDER BY id"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("try 2 of 5"), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Makes the server end the destination's connection while it commits, once: a deferred trigger that terminates
   * its own backend (a sequence counts, outside any transaction). The client cannot tell whether the commit went
   * through; here it did not.
   */
  private static void dieAtFirstCommit(TestDatabase.Postgres db, String table) throws SQLException {
    PostgresServer server = PostgresServer.get();
    try (Connection admin = server.connectAsAdmin(db.login().database());
        Statement statement = admin.createStatement()) {
      statement.execute("DROP SEQUENCE IF EXISTS public.destkit_commit_deaths CASCADE");
      statement.execute("CREATE SEQUENCE public.destkit_commit_deaths");
      statement.execute("GRANT ALL ON SEQUENCE public.destkit_commit_deaths TO PUBLIC");
      statement.execute("CREATE OR REPLACE FUNCTION public.destkit_die_at_commit() RETURNS trigger LANGUAGE plpgsql"
          + " AS $$ BEGIN IF nextval('public.destkit_commit_deaths') = 1 THEN"
          + " PERFORM pg_terminate_backend(pg_backend_pid()); END IF; RETURN NULL; END $$");
      statement.execute("CREATE CONSTRAINT TRIGGER destkit_die AFTER INSERT ON " + table + " DEFERRABLE INITIALLY"
          + " DEFERRED FOR EACH ROW EXECUTE FUNCTION public.destkit_die_at_commit()");
    }
  }

  /** Ends every connection the destination holds, as a server restart or a network cut would. */
  /** Runs {@code sync} with the retries' messages, which go to the process's standard error, written to {@code err}. */
  private static Sync.Result runTellingRetriesTo(Sync sync, TestDatabase db, ByteArrayOutputStream err) {
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return sync.run(db);
    } finally {
      System.setErr(original);
    }
  }

  private static void cutConnections(TestDatabase.Postgres db) throws SQLException {
    PostgresServer server = PostgresServer.get();
    try (Connection admin = server.connectAsAdmin(server.database()); Statement statement = admin.createStatement()) {
      statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '"
          + db.login().user() + "' AND pid <> pg_backend_pid()");
    }
  }

  /** Handlers that pass every call on; a test overrides the ones it wants to interfere with. */
  private static class Interposed implements WriteHandlers {
    private final WriteHandlers handlers;

    Interposed(WriteHandlers handlers) {
      this.handlers = handlers;
    }

    @Override
    public boolean accepts(StreamContext stream) {
      return handlers.accepts(stream);
    }

    @Override
    public void streamStart(StreamContext stream) throws Exception {
      handlers.streamStart(stream);
    }

    @Override
    public void records(RecordBatch batch) throws Exception {
      handlers.records(batch);
    }

    @Override
    public void commit() throws Exception {
      handlers.commit();
    }

    @Override
    public void streamComplete(StreamContext stream) throws Exception {
      handlers.streamComplete(stream);
    }

    @Override
    public void close() throws Exception {
      handlers.close();
    }
  }
}

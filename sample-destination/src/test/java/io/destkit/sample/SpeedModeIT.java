package io.destkit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.testkit.ConnectorProcess;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.Field;
import io.destkit.testkit.messages.FieldTypes;
import io.destkit.testkit.messages.Json;
import io.destkit.testkit.messages.Message;
import io.destkit.testkit.messages.Messages;
import io.destkit.testkit.messages.StreamStatus;
import io.destkit.testkit.messages.SyncInput;
import io.destkit.testkit.speed.SpeedModeSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged jar in speed mode, as the platform runs it: the records of a sync come over three real Unix sockets
 * served by the testkit's source (protobuf or JSON lines, spread in a seeded random order, states often before their
 * records), states are echoed on standard output. The tables must be those the same sync leaves through standard
 * input.
 */
class SpeedModeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path JAR = Path.of(System.getProperty("destkit.sampleJar", "target/sample-destination.jar"));
  private static final ConfiguredStream USERS = ConfiguredStream.named("users").inNamespace("crm")
      .withFields(Field.field("id", FieldTypes.integer()), Field.field("name", FieldTypes.string()),
          Field.field("signed_up", FieldTypes.timestampWithTimezone()), Field.field("balance", FieldTypes.number()),
          Field.field("active", FieldTypes.bool()), Field.field("day", FieldTypes.date()))
      .appendDedup(List.of("id"), "signed_up");
  private static final ConfiguredStream EVENTS = ConfiguredStream.named("events").inNamespace("crm")
      .withFields(Field.field("id", FieldTypes.integer()), Field.field("kind", FieldTypes.string()),
          Field.field("at", FieldTypes.timestampWithoutTimezone()))
      .append();
  private static final ConfiguredCatalog CATALOG = ConfiguredCatalog.of(USERS, EVENTS);

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(SpeedModeSource.Format.class)
  void aSyncOverThreeSocketsLeavesTheTablesAndStatesOfTheSameSyncOnStandardInput(SpeedModeSource.Format format)
      throws Exception {
    SyncInput input = input(3000, 250);
    Path stdinDatabase = dir.resolve("stdin.sqlite");
    ConnectorProcess.Result stdin = write(stdinDatabase, ConnectorProcess.of(JAR), input);
    assertEquals(0, stdin.exitCode(), stdin::toString);

    Path socketDatabase = dir.resolve("sockets.sqlite");
    ConnectorProcess.Result sockets;
    try (SpeedModeSource source = SpeedModeSource.start(dir, 3, format, CATALOG, input, 11)) {
      sockets = write(socketDatabase, ConnectorProcess.of(JAR).withEnvironment(source.environment()),
          SyncInput.empty());
      assertEquals(List.of(), source.failures());
    }
    assertEquals(0, sockets.exitCode(), sockets::toString);

    assertEquals(rows(stdinDatabase, "crm_users"), rows(socketDatabase, "crm_users"));
    assertEquals(rows(stdinDatabase, "crm_events"), rows(socketDatabase, "crm_events"));
    List<JsonNode> states = states(sockets);
    assertEquals(input.states().size(), states.size(), sockets::toString);
    for (JsonNode state : states) {
      assertEquals(state.at("/state/sourceStats/recordCount").asLong(),
          state.at("/state/destinationStats/recordCount").asLong(), state::toString);
    }
    // Per stream, ids 1, 2, ... in order, whatever socket each came on.
    for (String stream : List.of("users", "events")) {
      List<Long> ids = states.stream().filter(s -> s.at("/state/stream/stream_descriptor/name").asText()
          .equals(stream)).map(s -> s.at("/state/id").asLong()).toList();
      List<Long> expected = new ArrayList<>();
      for (long id = 1; id <= ids.size(); id++) {
        expected.add(id);
      }
      assertEquals(expected, ids);
    }
  }

  @Test
  void theConnectionsNamespaceMappingNamesTheTablesWhileStatesAreEchoedAsReceived() throws Exception {
    SyncInput input = input(400, 100);
    Path mapping = Files.writeString(dir.resolve("mapping.json"), "{\"namespaceDefinitionType\":\"customformat\","
        + "\"namespaceFormat\":\"${SOURCE_NAMESPACE}_copy\",\"streamPrefix\":\"src_\"}");
    Path database = dir.resolve("mapped.sqlite");
    ConnectorProcess.Result result;
    try (SpeedModeSource source = SpeedModeSource.start(dir, 2, SpeedModeSource.Format.JSONL, CATALOG, input, 9)) {
      Map<String, String> environment = new HashMap<>(source.environment());
      environment.put("NAMESPACE_MAPPING_CONFIG_PATH", mapping.toString());
      result = write(database, ConnectorProcess.of(JAR).withEnvironment(environment), SyncInput.empty());
    }
    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(400, rows(database, "crm_copy_src_users").size());
    assertEquals(200, rows(database, "crm_copy_src_events").size());
    List<JsonNode> states = states(result);
    assertEquals(input.states().size(), states.size());
    assertTrue(states.stream().allMatch(s -> s.at("/state/stream/stream_descriptor/namespace").asText()
        .equals("crm")), "states keep the source's names");
  }

  @Test
  void aSocketCutInsideAFrameFailsNamingItAndNoStateOfAnUnfinishedPartitionIsEchoed() throws Exception {
    SyncInput input = input(2000, 100);
    Path database = dir.resolve("cut.sqlite");
    ConnectorProcess.Result result;
    try (SpeedModeSource source = SpeedModeSource.start(dir, 2, SpeedModeSource.Format.PROTOBUF, CATALOG, input, 5,
        400)) {
      result = write(database, ConnectorProcess.of(JAR).withEnvironment(source.environment()), SyncInput.empty());
      Path cut = source.paths().get(0);
      assertNotEquals(0, result.exitCode(), result::toString);
      JsonNode error = trace(result);
      assertEquals("system_error", error.get("failure_type").asText(), result::toString);
      assertTrue(error.get("message").asText().startsWith("Socket " + cut + ", message "), error::toString);
      assertTrue(error.get("message").asText().contains("ended inside a frame"), error::toString);
    }
    for (JsonNode state : states(result)) {
      assertEquals(state.at("/state/sourceStats/recordCount").asLong(),
          state.at("/state/destinationStats/recordCount").asLong(), state::toString);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "duckdb", "postgres"})
  void killedMidSyncOverSocketsThenResentFromTheLastEchoedStateGivesTheTableOfACleanRun(String engine)
      throws Exception {
    ConfiguredStream t = ConfiguredStream.named("t").withFields(Field.field("id", FieldTypes.integer()),
        Field.field("updated", FieldTypes.integer()), Field.field("v", FieldTypes.string()))
        .appendDedup(List.of("id"), "updated");
    ConfiguredCatalog catalog = ConfiguredCatalog.of(t);
    int records = 60_000;
    // Small batches, each committed: states are echoed while the sockets still hold most of the sync.
    ConnectorProcess connector = ConnectorProcess.of(JAR).withJvmOptions("-Ddestkit.batchRows=2000",
        "-Ddestkit.commitBytes=1");

    TestDatabase killed = TestDatabase.of(engine, dir);
    Path config = Files.writeString(dir.resolve("killed.json"), killed.configJson());
    Path catalogFile = Files.writeString(dir.resolve("t.json"), Json.write(catalog.toJson()));
    CountDownLatch release = new CountDownLatch(1);
    ConnectorProcess.Result killedRun;
    try (SpeedModeSource source = SpeedModeSource.startHeld(dir, 2, SpeedModeSource.Format.PROTOBUF, catalog,
        tInput(t, 1, records), 3, 12_000, release)) {
      killedRun = connector.withEnvironment(source.environment()).run(out -> { }, line -> {
        if (line.contains("\"STATE\"") && release.getCount() > 0) {
          ProcessHandle process = ReliabilityFaultsIT.connectorWith(config);
          process.destroyForcibly();
          process.onExit().join();
          release.countDown();
        }
      }, "write", "--config", config.toString(), "--catalog", catalogFile.toString());
      release.countDown();
    }
    assertNotEquals(0, killedRun.exitCode(), killedRun::toString);
    List<String> echoed = ReliabilityRun.stateValues(killedRun, "/state/stream/stream_state/at");
    assertTrue(!echoed.isEmpty() && Integer.parseInt(echoed.get(echoed.size() - 1)) < records, echoed::toString);
    int last = Integer.parseInt(echoed.get(echoed.size() - 1));

    // The platform resends everything after the last echoed state.
    try (SpeedModeSource source = SpeedModeSource.start(dir, 2, SpeedModeSource.Format.PROTOBUF, catalog,
        tInput(t, last + 1, records), 4)) {
      ReliabilityRun.assertSucceeded(connector.withEnvironment(source.environment()).run(out -> { }, "write",
          "--config", config.toString(), "--catalog", catalogFile.toString()));
    }
    TestDatabase clean = TestDatabase.of(engine, dir);
    Path cleanConfig = Files.writeString(dir.resolve("clean.json"), clean.configJson());
    try (SpeedModeSource source = SpeedModeSource.start(dir, 2, SpeedModeSource.Format.PROTOBUF, catalog,
        tInput(t, 1, records), 5)) {
      ReliabilityRun.assertSucceeded(connector.withEnvironment(source.environment()).run(out -> { }, "write",
          "--config", cleanConfig.toString(), "--catalog", catalogFile.toString()));
    }
    String columns = "SELECT id, updated, v, _airbyte_extracted_at FROM " + killed.table(null, "t") + " ORDER BY id";
    List<List<String>> expected = clean.rows(columns);
    assertEquals(7_000, expected.size());
    assertEquals(expected, killed.rows(columns), "the deduplicated table equals a clean run's");
  }

  /** Records {@code from} to {@code to} of {@code t} (ids repeat every 7,000), a state every 10,000, COMPLETE. */
  private static SyncInput tInput(ConfiguredStream t, int from, int to) {
    List<Message> messages = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      messages.add(Messages.record(t, Json.MAPPER.createObjectNode().put("id", i % 7000).put("updated", i)
          .put("v", "value " + i), 1_700_000_000_000L + i));
      if (i % 10_000 == 0 || i == to) {
        messages.add(Messages.streamState(t, Json.MAPPER.createObjectNode().put("at", i)));
      }
    }
    messages.add(Messages.streamStatus(t, StreamStatus.COMPLETE));
    return SyncInput.of(messages);
  }

  /** {@code records} users and half as many events, a STREAM state every {@code stateEvery} records of a stream. */
  private static SyncInput input(int records, int stateEvery) {
    List<Message> messages = new ArrayList<>();
    for (int i = 1; i <= records; i++) {
      ObjectNode user = Json.MAPPER.createObjectNode().put("id", i).put("name", "user \"" + i + "\" é")
          .put("signed_up", String.format("2024-03-%02dT10:%02d:00.123456+02:00", 1 + i % 28, i % 60))
          .put("balance", i * 3.25).put("active", i % 2 == 0)
          .put("day", String.format("2023-12-%02d", 1 + i % 31));
      if (i % 7 == 0) {
        user.put("balance", "12.50");
      }
      if (i % 97 == 0) {
        user.put("balance", "not a number");
      }
      messages.add(Messages.record(USERS, user));
      if (i % stateEvery == 0) {
        messages.add(Messages.streamState(USERS, Json.MAPPER.createObjectNode().put("users_done", i)));
      }
      if (i % 2 == 0) {
        int id = i / 2;
        messages.add(Messages.record(EVENTS, Json.MAPPER.createObjectNode().put("id", id).put("kind", "k" + id % 5)
            .put("at", String.format("2024-05-01T00:00:%02d", id % 60))));
        if (id % stateEvery == 0) {
          messages.add(Messages.streamState(EVENTS, Json.MAPPER.createObjectNode().put("events_done", id)));
        }
      }
    }
    messages.add(Messages.streamStatus(USERS, StreamStatus.COMPLETE));
    messages.add(Messages.streamStatus(EVENTS, StreamStatus.COMPLETE));
    return SyncInput.of(messages);
  }

  private ConnectorProcess.Result write(Path database, ConnectorProcess process, SyncInput input) throws Exception {
    Path config = dir.resolve("config.json");
    Files.writeString(config, "{\"database\":{\"engine\":\"sqlite\",\"path\":" + JSON.writeValueAsString(
        database.toString()) + "}}");
    Path catalog = dir.resolve("catalog.json");
    Files.writeString(catalog, Json.write(CATALOG.toJson()));
    return process.run(input::writeTo, "write", "--config", config.toString(), "--catalog", catalog.toString());
  }

  /** Every row of {@code table}, in id order, without the columns that differ from run to run. */
  private static List<String> rows(Path database, String table) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = sqlite.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY id")) {
      ResultSetMetaData meta = result.getMetaData();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int column = 1; column <= meta.getColumnCount(); column++) {
          String name = meta.getColumnName(column);
          if (!name.equals("_airbyte_raw_id")) {
            row.append(name).append('=').append(result.getString(column)).append(' ');
          }
        }
        rows.add(row.toString());
      }
    }
    assertTrue(rows.size() >= 100, table + " has " + rows.size() + " rows");
    return rows;
  }

  private static List<JsonNode> states(ConnectorProcess.Result result) throws Exception {
    List<JsonNode> states = new ArrayList<>();
    for (String line : result.stdoutLines()) {
      JsonNode message = JSON.readTree(line);
      if (message.path("type").asText().equals("STATE")) {
        states.add(message);
      }
    }
    return states;
  }

  private static JsonNode trace(ConnectorProcess.Result result) throws Exception {
    for (String line : result.stdoutLines()) {
      JsonNode message = JSON.readTree(line);
      if (message.path("type").asText().equals("TRACE")) {
        return message.at("/trace/error");
      }
    }
    throw new AssertionError("no TRACE ERROR: " + result);
  }
}

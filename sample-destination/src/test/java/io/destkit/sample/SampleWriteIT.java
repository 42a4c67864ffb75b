package io.destkit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.testkit.ConnectorProcess;
import io.destkit.testkit.ProtocolSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar writing into SQLite as the platform runs it: messages piped in, states read back. */
class SampleWriteIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path JAR = Path.of(System.getProperty("destkit.sampleJar", "target/sample-destination.jar"));
  private static final Path EXAMPLES = Path.of(System.getProperty("destkit.examples", "examples"));

  @TempDir
  Path dir;

  @Test
  void writesTheExampleSyncAndEchoesItsStatesWithCounts() throws Exception {
    Path database = dir.resolve("warehouse.sqlite");
    ConnectorProcess.Result result = write(database, Files.readString(EXAMPLES.resolve("catalog.json")),
        Files.readAllBytes(EXAMPLES.resolve("messages.jsonl")), ConnectorProcess.of(JAR));
    assertEquals(0, result.exitCode(), result::toString);
    assertValidProtocol(result);
    List<JsonNode> states = states(result);
    assertEquals(2, states.size(), result::toString);
    assertEquals("2024-03-02T10:00:00+02:00", states.get(0).at("/state/stream/stream_state/signed_up").asText());
    assertEquals(2, states.get(0).at("/state/destinationStats/recordCount").asInt());
    assertEquals(1, states.get(1).at("/state/destinationStats/recordCount").asInt());
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = sqlite.createStatement()) {
      assertEquals(3, count(statement, "crm_users"));
      assertEquals(2, count(statement, "crm_orders"));
      try (ResultSet row = statement.executeQuery(
          "SELECT name, signed_up, balance, tags, _airbyte_meta, _airbyte_generation_id FROM crm_users WHERE id = 2")) {
        assertTrue(row.next());
        assertEquals("Grace", row.getString(1));
        assertEquals("2024-03-02T08:00:00Z", row.getString(2));
        assertEquals(0, row.getInt(3));
        assertEquals("[]", row.getString(4));
        assertEquals("{\"sync_id\":42,\"changes\":[]}", row.getString(5));
        assertEquals(1, row.getInt(6));
      }
      try (ResultSet row = statement.executeQuery("SELECT tags, balance, _airbyte_meta FROM crm_users WHERE id = 3")) {
        assertTrue(row.next());
        assertEquals(null, row.getString(1));
        assertEquals(null, row.getString(2));
        JsonNode changes = JSON.readTree(row.getString(3)).get("changes");
        assertEquals("tags", changes.get(0).get("field").asText());
        assertEquals("DESTINATION_TYPECAST_ERROR", changes.get(0).get("reason").asText());
        assertEquals("balance", changes.get(1).get("field").asText());
        assertEquals("DESTINATION_FIELD_SIZE_LIMITATION", changes.get(1).get("reason").asText());
      }
    }
  }

  @Test
  void theExampleSyncRunTwiceLeavesTheSameTablesAndTheReportShowsThem() throws Exception {
    Path database = dir.resolve("warehouse.sqlite");
    for (int run = 1; run <= 2; run++) {
      ConnectorProcess.Result result = write(database, Files.readString(EXAMPLES.resolve("catalog.json")),
          Files.readAllBytes(EXAMPLES.resolve("messages.jsonl")), ConnectorProcess.of(JAR));
      assertEquals(0, result.exitCode(), result::toString);
    }

    Process report = new ProcessBuilder("java", "-cp", JAR.toString(), "io.destkit.sample.Report",
        dir.resolve("config.json").toString()).redirectErrorStream(true).start();
    String output = new String(report.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, report.waitFor(), output);
    assertEquals(List.of("SQLite file " + database + ": 2 tables", "  crm_orders  2 rows", "  crm_users   3 rows"),
        output.lines().toList(), "users are deduplicated by id, orders overwritten: the same as after one sync");
  }

  @Test
  void theExampleSyncRunTwiceIntoDuckdbLeavesTheSameTablesAndTheReportShowsThem() throws Exception {
    Path database = dir.resolve("warehouse.duckdb");
    Path config = Files.writeString(dir.resolve("duckdb.json"), Files.readString(EXAMPLES.resolve("duckdb-config.json"))
        .replace("sample-destination/target/warehouse.duckdb", database.toString()));
    Path catalog = Files.copy(EXAMPLES.resolve("catalog.json"), dir.resolve("catalog.json"));
    byte[] messages = Files.readAllBytes(EXAMPLES.resolve("messages.jsonl"));
    for (int run = 1; run <= 2; run++) {
      ConnectorProcess.Result result = ConnectorProcess.of(JAR).run(ReliabilityRun.finished(catalog,
          out -> out.write(messages)), "write", "--config", config.toString(), "--catalog", catalog.toString());
      assertEquals(0, result.exitCode(), result::toString);
      assertValidProtocol(result);
      assertEquals(2, states(result).size(), result::toString);
    }

    Process report = new ProcessBuilder("java", "-cp", JAR.toString(), "io.destkit.sample.Report",
        config.toString()).redirectErrorStream(true).start();
    String output = new String(report.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, report.waitFor(), output);
    assertEquals(List.of("DuckDB file " + database + ": 3 tables", "  crm.orders              2 rows",
        "  crm.users               3 rows", "  crm.users$airbyte_load  0 rows"), output.lines().toList(),
        "users are deduplicated by id (their load table emptied at each commit), orders overwritten");
  }

  @Test
  void aMillionRecordsPassWithA128MegabyteHeap() throws Exception {
    Path database = dir.resolve("big.sqlite");
    String catalog = "{\"streams\":[{\"stream\":{\"name\":\"events\",\"json_schema\":{\"type\":\"object\","
        + "\"properties\":{\"id\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"},"
        + "\"at\":{\"type\":\"string\",\"format\":\"date-time\"},\"amount\":{\"type\":\"number\"},"
        + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}},"
        + "\"sync_mode\":\"full_refresh\",\"destination_sync_mode\":\"append\"}]}";
    int records = 1_000_000;
    int stateEvery = 10_000;
    ConnectorProcess.Result result = write(database, catalog, out -> {
      for (int i = 1; i <= records; i++) {
        out.write(("{\"type\":\"RECORD\",\"record\":{\"stream\":\"events\",\"data\":{\"id\":" + i
            + ",\"name\":\"event number " + i + "\",\"at\":\"2024-03-01T09:30:00.123Z\",\"amount\":" + i + ".25,"
            + "\"tags\":[\"a\",\"b\"]},\"emitted_at\":1732270000000}}\n").getBytes(StandardCharsets.UTF_8));
        if (i % stateEvery == 0) {
          out.write(("{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
              + "{\"name\":\"events\"},\"stream_state\":{\"id\":" + i + "}}}}\n").getBytes(StandardCharsets.UTF_8));
        }
      }
    }, ConnectorProcess.of(JAR).withJvmOptions("-Xmx128m"));
    assertEquals(0, result.exitCode(), result::toString);
    assertFalse(result.stderr().contains("OutOfMemoryError"), result.stderr());
    List<JsonNode> states = states(result);
    assertEquals(records / stateEvery, states.size());
    long previous = 0;
    for (JsonNode state : states) {
      long id = state.at("/state/stream/stream_state/id").asLong();
      assertEquals(previous + stateEvery, id, "states in order");
      assertEquals(stateEvery, state.at("/state/destinationStats/recordCount").asLong());
      previous = id;
    }
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = sqlite.createStatement()) {
      assertEquals(records, count(statement, "events"));
    }
  }

  @Test
  void anUnwritableDatabaseEndsWithOneConfigErrorTraceAndNoState() throws Exception {
    Path database = dir.resolve("no such folder").resolve("warehouse.sqlite");
    ConnectorProcess.Result result = write(database, Files.readString(EXAMPLES.resolve("catalog.json")),
        Files.readAllBytes(EXAMPLES.resolve("messages.jsonl")), ConnectorProcess.of(JAR));
    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(1, result.stdoutLines().size(), result::toString);
    JsonNode error = JSON.readTree(result.stdoutLines().get(0)).at("/trace/error");
    assertEquals("config_error", error.get("failure_type").asText());
    assertTrue(error.get("message").asText().startsWith("Cannot open the SQLite file " + database), result::toString);
    assertValidProtocol(result);
  }

  @Test
  void aPostgresServerThatIsDownEndsWithATransientErrorAfterRetries() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path config = dir.resolve("pg.json");
    Files.writeString(config, "{\"database\":{\"engine\":\"postgres\",\"host\":\"127.0.0.1\",\"port\":" + port
        + ",\"database\":\"db\",\"username\":\"u\",\"password\":\"s3cr3t-Pa55\"}}");
    Path catalog = dir.resolve("catalog.json");
    Files.copy(EXAMPLES.resolve("catalog.json"), catalog);
    ConnectorProcess.Result result = ConnectorProcess.of(JAR).run(Files.readAllBytes(EXAMPLES.resolve("messages.jsonl")),
        "write", "--config", config.toString(), "--catalog", catalog.toString());
    assertEquals(1, result.exitCode(), result::toString);
    JsonNode error = JSON.readTree(result.stdoutLines().get(0)).at("/trace/error");
    assertEquals("transient_error", error.get("failure_type").asText());
    assertTrue(error.get("message").asText().contains("failed 5 times"), result::toString);
    assertEquals(4, result.stderr().split("try \\d of 5", -1).length - 1, result::toString);
    assertFalse(result.allOutput().contains("s3cr3t-Pa55"), result::toString);
  }

  @Test
  void theTypedExampleStreamLandsThroughItsGeneratedCodec() throws Exception {
    Path database = dir.resolve("typed.sqlite");
    String catalog = "{\"streams\":[{\"stream\":{\"name\":\"exchange_rates\",\"json_schema\":{\"type\":\"object\","
        + "\"properties\":{\"currency\":{\"type\":\"string\"},\"rate\":{\"type\":\"number\"},"
        + "\"as_of\":{\"type\":\"string\",\"format\":\"date\"},\"source\":{\"type\":\"string\"}}}},"
        + "\"sync_mode\":\"full_refresh\",\"destination_sync_mode\":\"append\",\"sync_id\":7}]}";
    String messages = "{\"type\":\"RECORD\",\"record\":{\"stream\":\"exchange_rates\",\"data\":{\"currency\":\"eur\","
        + "\"rate\":1.0825,\"as_of\":\"2024-03-01\",\"source\":\"ecb\"},\"emitted_at\":1732270000000}}\n"
        + "{\"type\":\"RECORD\",\"record\":{\"stream\":\"exchange_rates\",\"data\":{\"currency\":\"usd\","
        + "\"rate\":\"n/a\",\"as_of\":\"2024-03-01\",\"source\":\"fed\"},\"emitted_at\":1732270000001}}\n"
        + "{\"type\":\"STATE\",\"state\":{\"type\":\"LEGACY\",\"data\":{\"day\":\"2024-03-01\"}}}\n";
    ConnectorProcess.Result result = write(database, catalog, messages.getBytes(StandardCharsets.UTF_8),
        ConnectorProcess.of(JAR));
    assertEquals(0, result.exitCode(), result::toString);
    assertValidProtocol(result);
    assertEquals(2, states(result).get(0).at("/state/destinationStats/recordCount").asInt());
    try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = sqlite.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT currency, rate, as_of, source, _airbyte_meta FROM exchange_rates ORDER BY currency")) {
      assertTrue(rows.next());
      assertEquals("EUR", rows.getString(1), "upper-cased by the typed writer");
      assertEquals(1.0825, rows.getDouble(2));
      assertEquals("2024-03-01", rows.getString(3));
      assertEquals("ecb", rows.getString(4), "a catalog field the schema lacks is kept");
      assertTrue(rows.next());
      assertEquals("USD", rows.getString(1));
      assertEquals(null, rows.getString(2));
      assertEquals("fed", rows.getString(4));
      assertEquals("{\"sync_id\":7,\"changes\":[{\"field\":\"rate\",\"change\":\"NULLED\",\"reason\":"
          + "\"DESTINATION_TYPECAST_ERROR\"}]}", rows.getString(5));
    }
  }

  @Test
  void aCatalogWithoutAFieldTheTypedStreamRequiresIsRefused() throws Exception {
    String catalog = "{\"streams\":[{\"stream\":{\"name\":\"exchange_rates\",\"json_schema\":{\"type\":\"object\","
        + "\"properties\":{\"currency\":{\"type\":\"string\"}}}},\"destination_sync_mode\":\"append\"}]}";
    ConnectorProcess.Result result = write(dir.resolve("refused.sqlite"), catalog, new byte[0], ConnectorProcess.of(JAR));
    assertEquals(1, result.exitCode(), result::toString);
    JsonNode error = JSON.readTree(result.stdoutLines().get(0)).at("/trace/error");
    assertEquals("config_error", error.get("failure_type").asText());
    assertTrue(error.get("message").asText().contains(
        "stream exchange_rates has no field 'as_of', which the connector requires"), result::toString);
  }

  private ConnectorProcess.Result write(Path database, String catalog, byte[] messages, ConnectorProcess process)
      throws IOException {
    return write(database, catalog, out -> out.write(messages), process);
  }

  private ConnectorProcess.Result write(Path database, String catalog, ConnectorProcess.Input messages,
      ConnectorProcess process) throws IOException {
    Path config = dir.resolve("config.json");
    Files.writeString(config, "{\"database\":{\"engine\":\"sqlite\",\"path\":" + JSON.writeValueAsString(
        database.toString()) + "}}");
    Path catalogFile = dir.resolve("catalog.json");
    Files.writeString(catalogFile, catalog);
    return process.run(ReliabilityRun.finished(catalogFile, messages), "write", "--config", config.toString(),
        "--catalog", catalogFile.toString());
  }

  private static long count(Statement statement, String table) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<JsonNode> states(ConnectorProcess.Result result) throws IOException {
    List<JsonNode> states = new ArrayList<>();
    for (String line : result.stdoutLines()) {
      JsonNode message = JSON.readTree(line);
      if (message.get("type").asText().equals("STATE")) {
        states.add(message);
      }
    }
    return states;
  }

  private static void assertValidProtocol(ConnectorProcess.Result result) {
    Optional<ProtocolSchema> schema = ProtocolSchema.locate();
    schema.ifPresent(s -> result.stdoutLines().forEach(s::assertValidMessageLine));
  }
}

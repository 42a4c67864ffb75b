package io.destkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.testkit.ConnectorProcess;
import io.destkit.testkit.ProtocolSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typed records end to end, as the platform runs a connector: destination-devnull's {@code events} stream is
 * decoded by its generated codec in a child process; what the typed writer saw comes back on standard error.
 */
class TypedStreamIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path JAR = Path.of(System.getProperty("destkit.devnullJar",
      "target/destination-devnull.jar"));

  @TempDir
  Path dir;

  @Test
  void typedRecordsAreDecodedNulledAndCheckpointed() throws Exception {
    String catalog = catalog("{\"id\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"},"
        + "\"at\":{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_with_timezone\"},"
        + "\"amount\":{\"type\":\"number\"},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
        + "\"source_only\":{\"type\":\"string\"}}");
    String input = String.join("\n",
        record(1, "\"2024-03-01T09:30:00Z\"", ""),
        record(2, "\"not a time\"", ",\"source_only\":\"kept\""),
        "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"events\"},"
            + "\"stream_state\":{\"id\":2}}}}",
        record(3, "null", ""),
        "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"events\"},"
            + "\"stream_state\":{\"id\":3}}}}",
        "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1,\"stream_status\":{"
            + "\"stream_descriptor\":{\"name\":\"events\"},\"status\":\"COMPLETE\"}}}") + "\n";
    ConnectorProcess.Result result = write(catalog, input);
    assertEquals(0, result.exitCode(), result::toString);
    List<String> lines = result.stdoutLines();
    assertEquals(2, lines.size(), result::toString);
    assertEquals(2, JSON.readTree(lines.get(0)).at("/state/destinationStats/recordCount").asInt());
    assertEquals(1, JSON.readTree(lines.get(1)).at("/state/destinationStats/recordCount").asInt());
    assertTrue(result.stderr().contains("typed events: 3, id sum: 6, extra fields: 1, null timestamps: 2"),
        result::toString);
    Optional<ProtocolSchema> schema = ProtocolSchema.locate();
    schema.ifPresent(s -> lines.forEach(s::assertValidMessageLine));
  }

  /**
   * With two decoder threads ({@code -Ddestkit.decoders=2}), as a connector that writes little runs: every record
   * of a few hundred blocks is decoded once by the generated codec on one thread or the other, and each state is
   * echoed after its records, with their count, in order.
   */
  @Test
  void twoDecoderThreadsDecodeEveryRecordOnceAndKeepTheStatesInOrder() throws Exception {
    String catalog = catalog("{\"id\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"},"
        + "\"at\":{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_with_timezone\"},"
        + "\"amount\":{\"type\":\"number\"},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}");
    StringBuilder input = new StringBuilder();
    int records = 100_000;
    for (int id = 1; id <= records; id++) {
      input.append(record(id, id % 10 == 0 ? "null" : "\"2024-03-01T09:30:00Z\"", "")).append('\n');
      if (id % 1_000 == 0) {
        input.append("{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
            + "{\"name\":\"events\"},\"stream_state\":{\"id\":").append(id).append("}}}}\n");
      }
    }
    input.append("{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1,\"stream_status\":{"
        + "\"stream_descriptor\":{\"name\":\"events\"},\"status\":\"COMPLETE\"}}}\n");
    ConnectorProcess.Result result = write(ConnectorProcess.of(JAR).withJvmOptions("-Ddestkit.decoders=2"), catalog,
        input.toString());
    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.stderr().contains("destkit: standard input decoded on 2 threads"), result::toString);
    List<String> lines = result.stdoutLines();
    assertEquals(records / 1_000, lines.size(), result::toString);
    for (int i = 0; i < lines.size(); i++) {
      JsonNode state = JSON.readTree(lines.get(i));
      assertEquals((i + 1) * 1_000, state.at("/state/stream/stream_state/id").asInt(), lines.get(i));
      assertEquals(1_000, state.at("/state/destinationStats/recordCount").asInt(), lines.get(i));
      assertEquals((i + 1) * 1_000, state.at("/state/committedRecordsCount").asInt(), lines.get(i));
    }
    long idSum = (long) records * (records + 1) / 2;
    assertTrue(result.stderr().contains("typed events: " + records + ", id sum: " + idSum + ", extra fields: 0,"
        + " null timestamps: " + records / 10), result::toString);
  }

  @Test
  void aCatalogThatDoesNotFitTheRecordClassIsRefusedBeforeAnyRecord() throws Exception {
    String catalog = catalog("{\"id\":{\"type\":\"integer\"},\"at\":{\"type\":\"boolean\"}}");
    ConnectorProcess.Result result = write(catalog, record(1, "true", "") + "\n");
    assertEquals(1, result.exitCode(), result::toString);
    JsonNode error = JSON.readTree(result.stdoutLines().get(0)).at("/trace/error");
    assertEquals("config_error", error.get("failure_type").asText());
    assertTrue(error.get("message").asText().contains("field 'at' of stream events is boolean in the catalog, but the"
        + " connector reads it as timestamp with timezone"), result::toString);
  }

  private ConnectorProcess.Result write(String catalog, String input) throws Exception {
    return write(ConnectorProcess.of(JAR), catalog, input);
  }

  private ConnectorProcess.Result write(ConnectorProcess process, String catalog, String input) throws Exception {
    Path config = dir.resolve("config.json");
    Files.writeString(config, "{}");
    Path catalogFile = dir.resolve("catalog.json");
    Files.writeString(catalogFile, catalog);
    return process.run(input.getBytes(StandardCharsets.UTF_8), "write", "--config", config.toString(), "--catalog",
        catalogFile.toString());
  }

  private static String catalog(String properties) {
    return "{\"streams\":[{\"stream\":{\"name\":\"events\",\"json_schema\":{\"type\":\"object\",\"properties\":"
        + properties + "}},\"sync_mode\":\"full_refresh\",\"destination_sync_mode\":\"append\"}]}";
  }

  private static String record(int id, String at, String extra) {
    return "{\"type\":\"RECORD\",\"record\":{\"stream\":\"events\",\"data\":{\"id\":" + id + ",\"name\":\"n" + id
        + "\",\"at\":" + at + ",\"amount\":1.5,\"tags\":[\"a\"]" + extra + "},\"emitted_at\":1732270000000}}";
  }
}

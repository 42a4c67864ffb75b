package io.destkit.sample;

import static io.destkit.sample.ReliabilityRun.assertFailed;
import static io.destkit.sample.ReliabilityRun.assertSucceeded;
import static io.destkit.sample.ReliabilityRun.corpus;
import static io.destkit.sample.ReliabilityRun.corpusFile;
import static io.destkit.sample.ReliabilityRun.stateValues;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.testkit.ConnectorProcess;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input, as the platform would pipe it into the packaged jar writing to SQLite: each case either fails cleanly
 * (one error trace naming what and where, states echoed only up to the bad line, the records before it committed) or
 * is tolerated as documented. The inputs are the corpus in {@code src/test/resources/reliability/}.
 */
class ReliabilityInputIT {
  private static final String AT = "/state/stream/stream_state/at";

  @TempDir
  Path dir;

  private TestDatabase.Sqlite db;
  private Path config;
  private Path catalog;

  @BeforeEach
  void files() throws Exception {
    Path file = dir.resolve("warehouse.sqlite");
    db = new TestDatabase.Sqlite(file);
    config = ReliabilityRun.sqliteConfig(dir, file);
    catalog = corpusFile(dir, "catalog.json");
  }

  private ConnectorProcess.Result write(String corpusName) {
    return ReliabilityRun.write(config, catalog, corpus(corpusName));
  }

  private ConnectorProcess.Result write(byte[] input) {
    return ReliabilityRun.write(config, catalog, input);
  }

  private List<String> ids() throws Exception {
    return db.column("SELECT id FROM items ORDER BY id");
  }

  @Test
  void aMalformedJsonLineEndsTheSyncNamingItsLineAfterCommittingWhatCameBefore() throws Exception {
    ConnectorProcess.Result result = write("malformed-line.jsonl");
    JsonNode error = assertFailed(result, "system_error", "Input line 4", "not valid JSON");
    assertFalse(error.get("message").asText().contains("r3"), "the line's content is not echoed");
    assertEquals(List.of("1"), stateValues(result, AT), "the state after the bad line is not echoed");
    assertEquals(List.of("1", "2"), ids());
  }

  @Test
  void aTruncatedLastLineEndsTheSyncNamingItsLine() throws Exception {
    ConnectorProcess.Result result = write("truncated-last-line.jsonl");
    assertFailed(result, "system_error", "Input line 3", "not valid JSON");
    assertEquals(List.of("1"), stateValues(result, AT));
    assertEquals(List.of("1"), ids());
  }

  @Test
  void emptyInputSucceedsWithNothingEchoed() throws Exception {
    ConnectorProcess.Result result = write(new byte[0]);
    assertSucceeded(result);
    assertEquals("", result.stdout());
  }

  @Test
  void blankLinesAndUnknownMessageTypesAreSkipped() throws Exception {
    ConnectorProcess.Result result = write("blank-lines.jsonl");
    assertSucceeded(result);
    assertEquals(List.of("1", "2"), stateValues(result, AT));
    assertEquals(List.of("2.0", "1.0"), stateValues(result, "/state/destinationStats/recordCount"));
    assertEquals(List.of("1", "2", "3"), ids());
  }

  @Test
  void aHundredMegabyteRecordIsLoadedWhole() throws Exception {
    int size = 100 << 20;
    byte[] block = new byte[1 << 20];
    Arrays.fill(block, (byte) 'x');
    ConnectorProcess.Result result = ReliabilityRun.write(ReliabilityRun.CONNECTOR.withJvmOptions("-Xmx1g"), config,
        catalog, out -> {
          out.write("{\"type\":\"RECORD\",\"record\":{\"stream\":\"items\",\"emitted_at\":1,\"data\":{\"id\":1,\"v\":\""
              .getBytes(StandardCharsets.UTF_8));
          for (int written = 0; written < size; written += block.length) {
            out.write(block);
          }
          out.write(("\"}}}\n" + state(1)).getBytes(StandardCharsets.UTF_8));
        });
    assertSucceeded(result);
    assertEquals(List.of("1"), stateValues(result, AT));
    assertEquals(List.of(Integer.toString(size)), db.column("SELECT length(v) FROM items WHERE id = 1"));
  }

  @Test
  void jsonNestedTenThousandDeepEndsTheSyncNamingItsLine() throws Exception {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    byte[] input = (record("{\"id\":1}") + state(1) + record("{\"id\":2,\"v\":" + deep + "}") + record("{\"id\":3}")
        + state(2)).getBytes(StandardCharsets.UTF_8);
    ConnectorProcess.Result result = write(input);
    assertFailed(result, "system_error", "Input line 3", "nested deeper than 1000 levels");
    assertEquals(List.of("1"), stateValues(result, AT));
    assertEquals(List.of("1"), ids());
  }

  @Test
  void dataThatIsNotAnObjectEndsTheSyncNamingItsLine() throws Exception {
    ConnectorProcess.Result result = write("data-not-an-object.jsonl");
    assertFailed(result, "system_error", "Input line 3", "data must be a JSON object");
    assertEquals(List.of("1"), stateValues(result, AT));
    assertEquals(List.of("1"), ids());
  }

  @Test
  void aRecordWithoutStreamEndsTheSyncNamingItsLine() throws Exception {
    ConnectorProcess.Result result = write("missing-stream.jsonl");
    assertFailed(result, "system_error", "Input line 3", "no stream name");
    assertEquals(List.of("1"), stateValues(result, AT));
    assertEquals(List.of("1"), ids());
  }

  @Test
  void aRecordWithoutEmittedAtEndsTheSyncNamingItsLineAndStream() throws Exception {
    ConnectorProcess.Result result = write("missing-emitted-at.jsonl");
    assertFailed(result, "system_error", "Input line 3", "stream items", "emitted_at");
    assertEquals(List.of("1"), stateValues(result, AT));
    assertEquals(List.of("1"), ids());
  }

  @Test
  void aStreamNotInTheCatalogEndsTheSyncNamingItAndItsLine() throws Exception {
    ConnectorProcess.Result result = write("stream-not-in-catalog.jsonl");
    assertFailed(result, "system_error", "Input line 3", "not_in_catalog", "not in the catalog");
    assertEquals(List.of("1"), stateValues(result, AT));
    assertEquals(List.of("1"), ids());
  }

  @Test
  void numbersOutOfRangeAreNulledWithAChangeAndMinusZeroIsZero() throws Exception {
    ConnectorProcess.Result result = write("numbers.jsonl");
    assertSucceeded(result);
    assertEquals(List.of("5.0"), stateValues(result, "/state/destinationStats/recordCount"));
    List<List<String>> rows = db.rows("SELECT id, n, i, _airbyte_meta FROM items ORDER BY id");
    String sizeLimit = "DESTINATION_FIELD_SIZE_LIMITATION";
    assertEquals(Arrays.asList("1", null, "1", meta("n", "NULLED", sizeLimit)), rows.get(0), "1e400");
    assertEquals(Arrays.asList("2", "0", "0", meta()),
        Arrays.asList(rows.get(1).get(0), zero(rows.get(1).get(1)), rows.get(1).get(2), rows.get(1).get(3)), "-0");
    assertEquals(Arrays.asList("3", "0", null, meta("i", "NULLED", sizeLimit)),
        Arrays.asList(rows.get(2).get(0), zero(rows.get(2).get(1)), rows.get(2).get(2), rows.get(2).get(3)),
        "-0.0, and an integer of 30 digits");
    assertEquals(Arrays.asList("4", null, "9223372036854775807", meta("n", "NULLED", sizeLimit)), rows.get(3),
        "-1e400, and the largest long kept");
    assertEquals(Arrays.asList("5", "0", null, "{\"sync_id\":0,\"changes\":[" + change("i", "NULLED", sizeLimit) + ","
            + change("n", "TRUNCATED", sizeLimit) + "]}"),
        Arrays.asList(rows.get(4).get(0), zero(rows.get(4).get(1)), rows.get(4).get(2), rows.get(4).get(3)),
        "one below the smallest long is nulled, 1e-400 truncated to 0 (SQLite's REAL precision)");
  }

  @Test
  void aPrimaryKeyThatDoesNotFitFailsTheSyncAndIsNeverNulled() throws Exception {
    ConnectorProcess.Result result = write((keyed("{\"id\":1,\"updated\":1}") + keyedState(1)
        + keyed("{\"id\":1e400,\"updated\":2}") + keyedState(2)).getBytes(StandardCharsets.UTF_8));
    assertFailed(result, "config_error", "Input line 3", "stream keyed", "'id'", "never nulled",
        "choose another primary key");
    assertEquals(List.of("1"), stateValues(result, "/state/stream/stream_state/at"));
    assertEquals(List.of("1"), db.column("SELECT id FROM keyed"));
  }

  @Test
  void nanAndInfinityAreAcceptedAndNulledWithAChange() throws Exception {
    ConnectorProcess.Result result = write("nan-infinity.jsonl");
    assertSucceeded(result);
    List<List<String>> rows = db.rows("SELECT id, n, _airbyte_meta FROM items ORDER BY id");
    String nulled = meta("n", "NULLED", "DESTINATION_TYPECAST_ERROR");
    assertEquals(List.of(List.of("1", "null", nulled), List.of("2", "null", nulled), List.of("3", "null", nulled),
        List.of("4", "null", nulled), List.of("5", "2.5", meta())), rows.stream()
        .map(r -> List.of(r.get(0), String.valueOf(r.get(1)), r.get(2))).toList());
  }

  @Test
  void invalidDatesAndTimesAreNulledWithAChangeAndValidOnesKept() throws Exception {
    ConnectorProcess.Result result = write("dates-and-times.jsonl");
    assertSucceeded(result);
    List<List<String>> rows = db.rows("SELECT id, d, ts, t, _airbyte_meta FROM items ORDER BY id");
    String allNulled = "{\"sync_id\":0,\"changes\":[" + change("d", "NULLED", "DESTINATION_TYPECAST_ERROR") + ","
        + change("ts", "NULLED", "DESTINATION_TYPECAST_ERROR") + ","
        + change("t", "NULLED", "DESTINATION_TYPECAST_ERROR") + "]}";
    for (int row : new int[] {0, 1, 3}) {
      assertEquals(Arrays.asList(null, null, null, allNulled), rows.get(row).subList(1, 5), "row " + row);
    }
    assertEquals(List.of("2024-02-29", "2024-02-29T21:59:59.123Z", "23:59:59", meta()), rows.get(2).subList(1, 5));
  }

  @Test
  void invalidUtf8EndsTheSyncNamingItsLine() throws Exception {
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.write((record("{\"id\":1}") + state(1)).getBytes(StandardCharsets.UTF_8));
    input.write("{\"type\":\"RECORD\",\"record\":{\"stream\":\"items\",\"emitted_at\":1,\"data\":{\"id\":2,\"v\":\"a"
        .getBytes(StandardCharsets.UTF_8));
    input.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
    input.write(("\"}}}\n" + record("{\"id\":3}") + state(2)).getBytes(StandardCharsets.UTF_8));
    ConnectorProcess.Result result = write(input.toByteArray());
    assertFailed(result, "system_error", "Input line 3", "not valid UTF-8");
    assertEquals(List.of("1"), stateValues(result, AT));
    assertEquals(List.of("1"), ids());
  }

  @Test
  void nulBytesAndUnicodeLineSeparatorsInStringsAreKeptBySqlite() throws Exception {
    String value = "a\u0000b\u2028c\u2029d\re\nf";
    ConnectorProcess.Result result = write((record("{\"id\":1,\"v\":" + ReliabilityRun.JSON.writeValueAsString(value)
        + "}") + record("{\"id\":2,\"v\":\"raw\u2028separator\u2029here\"}") + state(1))
        .getBytes(StandardCharsets.UTF_8));
    assertSucceeded(result);
    assertEquals(List.of("1"), stateValues(result, AT));
    assertEquals(List.of(List.of(value, meta()), List.of("raw\u2028separator\u2029here", meta())),
        db.rows("SELECT v, _airbyte_meta FROM items ORDER BY id"));
  }

  @Test
  void duplicateKeysInAnObjectKeepTheLastValue() throws Exception {
    ConnectorProcess.Result result = write("duplicate-keys.jsonl");
    assertSucceeded(result);
    assertEquals(List.of(List.of("1", "last", "2")), db.rows("SELECT id, v, n FROM items WHERE id = 1"));
  }

  @Test
  void aCatalogThatIsNotJsonIsAConfigErrorNamingTheFileAndPlace() throws Exception {
    Path bad = corpusFile(dir, "catalog-not-json.json");
    ConnectorProcess.Result result = ReliabilityRun.write(config, bad, corpus("blank-lines.jsonl"));
    assertFailed(result, "config_error", bad.toString(), "not valid JSON", "line 1");
    assertFalse(Files.exists(dir.resolve("warehouse.sqlite")) && !db.tables(null).isEmpty(), "nothing written");
  }

  @Test
  void aCatalogWithoutStreamsIsAConfigError() throws Exception {
    ConnectorProcess.Result result = ReliabilityRun.write(config, corpusFile(dir, "catalog-no-streams.json"),
        corpus("blank-lines.jsonl"));
    assertFailed(result, "config_error", "$.streams", "no stream");
  }

  @Test
  void aCatalogWhosePrimaryKeysAreNotInTheSchemaIsAConfigErrorListingEach() throws Exception {
    ConnectorProcess.Result result = ReliabilityRun.write(config, corpusFile(dir, "catalog-pk-not-in-schema.json"),
        corpus("blank-lines.jsonl"));
    assertFailed(result, "config_error", "2 problems", "$.streams[0].primary_key[0]", "no_such_field",
        "$.streams[1].primary_key[0]", "missing_too");
  }

  @Test
  void aConfigWithEveryFieldWrongListsEveryPathForCheckAndWrite() throws Exception {
    Path bad = corpusFile(dir, "config-every-field-wrong.json");
    String[] paths = {"7 problems", "$.database.host", "$.database.port", "$.database.database",
        "$.database.schema", "$.database.username", "$.database.password", "$.database.ssl"};
    ConnectorProcess.Result write = ReliabilityRun.write(bad, catalog, corpus("blank-lines.jsonl"));
    JsonNode error = assertFailed(write, "config_error", paths);
    assertFalse(error.toString().contains("12345"), "the password's value is not shown");
    ConnectorProcess.Result check = ReliabilityRun.CONNECTOR.run("check", "--config", bad.toString());
    assertEquals(0, check.exitCode(), "check reports a bad config as FAILED and exits 0: " + check);
    List<JsonNode> messages = ReliabilityRun.messages(check);
    assertEquals(1, messages.size(), check::toString);
    assertEquals("FAILED", messages.get(0).at("/connectionStatus/status").asText());
    for (String path : paths) {
      assertTrue(messages.get(0).at("/connectionStatus/message").asText().contains(path), path);
    }
    assertFalse(check.allOutput().contains("12345"), check::toString);
  }

  static String record(String data) {
    return "{\"type\":\"RECORD\",\"record\":{\"stream\":\"items\",\"data\":" + data + ",\"emitted_at\":1}}\n";
  }

  static String state(int at) {
    return "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"items\"},"
        + "\"stream_state\":{\"at\":" + at + "}}}}\n";
  }

  private static String keyed(String data) {
    return "{\"type\":\"RECORD\",\"record\":{\"stream\":\"keyed\",\"data\":" + data + ",\"emitted_at\":1}}\n";
  }

  private static String keyedState(int at) {
    return "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"keyed\"},"
        + "\"stream_state\":{\"at\":" + at + "}}}}\n";
  }

  private static String zero(String value) {
    return value != null && Double.parseDouble(value) == 0 ? "0" : value;
  }

  private static String change(String field, String change, String reason) {
    return "{\"field\":\"" + field + "\",\"change\":\"" + change + "\",\"reason\":\"" + reason + "\"}";
  }

  private static String meta(String field, String change, String reason) {
    return "{\"sync_id\":0,\"changes\":[" + change(field, change, reason) + "]}";
  }

  private static String meta() {
    return "{\"sync_id\":0,\"changes\":[]}";
  }
}

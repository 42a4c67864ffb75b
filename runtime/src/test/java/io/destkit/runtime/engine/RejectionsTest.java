package io.destkit.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.runtime.error.InputException;
import io.destkit.runtime.files.RotatingJsonLinesWriter;
import io.destkit.runtime.protocol.ProtocolOutput;
import io.destkit.runtime.rejected.JsonLinesRejectedRecords;
import io.destkit.runtime.rejected.RejectedRecord;
import io.destkit.runtime.rejected.RejectedRecordsSink;
import io.destkit.runtime.secret.SecretMasker;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.WriteHandlers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rejected-records option in the engine, with the runtime's JSON Lines sink on real files: what is set aside while
 * reading and while writing, how states count it, and that the sink is committed before a state leaves.
 */
class RejectionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path folder;

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

  @Test
  void recordsThatCannotBeDecodedAreSetAsideWithTheirLineAndCounted() throws Exception {
    RecordingHandlers handlers = new RecordingHandlers();
    run(handlers, sink(),
        record(1),
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"emitted_at\":1,\"data\":\"text\"}}",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"emitted_at\":1,\"data\":{\"id\":\"U-3\"}}}",
        record(4),
        state(4));
    assertEquals(List.of(1L, 4L), handlers.committed.stream().map(r -> (Long) r.value(0)).toList());
    List<JsonNode> rejected = rejected();
    assertEquals(2, rejected.size());
    assertEquals(2, rejected.get(0).path("line").asInt());
    assertEquals("record data must be a JSON object, not a string", rejected.get(0).path("reason").asText());
    assertEquals("text", rejected.get(0).at("/message/record/data").asText());
    assertEquals(3, rejected.get(1).path("line").asInt());
    assertTrue(rejected.get(1).path("reason").asText().contains("'id'"), rejected.get(1).toString());
    assertEquals("U-3", rejected.get(1).at("/message/record/data/id").asText());
    JsonNode stats = echoed().get(0).path("state");
    assertEquals(4, stats.at("/destinationStats/recordCount").asInt());
    assertEquals(2, stats.at("/destinationStats/rejectedRecordCount").asInt());
    assertEquals(2, stats.path("committedRecordsCount").asInt());
    assertEquals(record(1).length() + record(4).length(), stats.path("committedBytesCount").asInt());
  }

  @Test
  void dataThatIsNullIsSetAsideButARecordWithoutDataStillFails() throws Exception {
    run(new RecordingHandlers(), sink(), record(1),
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"emitted_at\":1,\"data\":null}}", state(1));
    assertEquals("record data must be a JSON object, not null", rejected().get(0).path("reason").asText());
    InputException missing = assertThrows(InputException.class, () -> run(new RecordingHandlers(), sink(),
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"emitted_at\":1}}"));
    assertEquals("Input line 1: record of stream users has no data", missing.getMessage());
  }

  @Test
  void aRecordTheConnectorRefusesIsSetAsideRebuiltFromItsValues() throws Exception {
    RecordingHandlers handlers = new RefusingHandlers(2);
    run(handlers, sink(), record(1), record(2), record(3), state(3), record(5), state(5));
    List<JsonNode> rejected = rejected();
    assertEquals(1, rejected.size());
    assertEquals(2, rejected.get(0).path("line").asInt());
    assertEquals("users", rejected.get(0).path("stream").asText());
    assertEquals("the API answered 422 for id 2", rejected.get(0).path("reason").asText());
    assertEquals(2, rejected.get(0).at("/message/record/data/id").asInt());
    assertEquals("n2", rejected.get(0).at("/message/record/data/name").asText());
    List<JsonNode> states = echoed();
    assertEquals(1, states.get(0).at("/state/destinationStats/rejectedRecordCount").asInt());
    assertEquals(3, states.get(0).at("/state/destinationStats/recordCount").asInt());
    assertEquals(2, states.get(0).at("/state/committedRecordsCount").asInt());
    assertEquals(0, states.get(1).at("/state/destinationStats/rejectedRecordCount").asInt());
    assertEquals(3, states.get(1).at("/state/committedRecordsCount").asInt());
  }

  @Test
  void withoutTheOptionARecordTheConnectorRefusesFailsTheSyncNamingItsLine() {
    InputException failure = assertThrows(InputException.class,
        () -> run(new RefusingHandlers(2), null, record(1), record(2), state(2)));
    assertTrue(failure.getMessage().startsWith("Input line 2: the destination refused the record of stream users:"
        + " the API answered 422 for id 2"), failure.getMessage());
    assertEquals("", stdout.toString(StandardCharsets.UTF_8), "no state leaves after a failed batch");
  }

  @Test
  void withoutTheOptionDataThatIsNotAnObjectStillFailsTheSync() {
    InputException failure = assertThrows(InputException.class, () -> run(new RecordingHandlers(), null, record(1),
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"emitted_at\":1,\"data\":[1]}}"));
    assertEquals("Input line 2: record data must be a JSON object", failure.getMessage());
  }

  @Test
  void aBrokenProtocolFailsTheSyncEvenWithTheOption() throws Exception {
    InputException failure = assertThrows(InputException.class, () -> run(new RecordingHandlers(), sink(),
        record(1), "{\"type\":\"RECORD\",\"record\":{\"stream\":\"ghosts\",\"emitted_at\":1,\"data\":[1]}}"));
    assertTrue(failure.getMessage().contains("not in the catalog"), failure.getMessage());
  }

  @Test
  void theSinkIsCommittedBeforeTheStateThatCountsItsRecordsIsEchoed() throws Exception {
    List<String> events = new ArrayList<>();
    RejectedRecordsSink recording = new RejectedRecordsSink() {
      @Override
      public void write(RejectedRecord record) {
        events.add("write line " + record.line());
      }

      @Override
      public void commit() {
        events.add("commit with " + echoed().size() + " states echoed");
      }

      @Override
      public void close() {
        events.add("close");
      }
    };
    run(new RecordingHandlers(), recording, record(1),
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"emitted_at\":1,\"data\":7}}", state(2));
    assertEquals(List.of("write line 2", "commit with 0 states echoed", "close"), events);
    assertEquals(1, echoed().size());
  }

  /** Handlers that report the record with {@code id} refused in every batch holding it. */
  private static final class RefusingHandlers extends RecordingHandlers {
    private final long refusedId;

    RefusingHandlers(long refusedId) {
      this.refusedId = refusedId;
    }

    @Override
    public void records(RecordBatch batch) {
      List<Record> kept = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        if ((Long) batch.records().get(i).value(0) == refusedId) {
          batch.rejected(i, "the API answered 422 for id " + refusedId);
        } else {
          kept.add(batch.records().get(i));
        }
      }
      super.records(new RecordBatch(batch.stream(), kept));
    }
  }

  private RejectedRecordsSink sink() throws Exception {
    return JsonLinesRejectedRecords.open(folder, 1 << 20);
  }

  private List<JsonNode> rejected() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (Path file : RotatingJsonLinesWriter.jsonLinesFiles(folder)) {
      for (String line : Files.readAllLines(file)) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  private List<JsonNode> echoed() {
    List<JsonNode> states = new ArrayList<>();
    for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isEmpty()) {
        try {
          states.add(JSON.readTree(line));
        } catch (Exception e) {
          throw new AssertionError("not JSON: " + line, e);
        }
      }
    }
    return states;
  }

  private void run(WriteHandlers handlers, RejectedRecordsSink sink, String... lines) throws Exception {
    List<String> all = new ArrayList<>(List.of(lines));
    all.add("{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1,\"stream_status\":{"
        + "\"stream_descriptor\":{\"name\":\"users\"},\"status\":\"COMPLETE\"}}}");
    byte[] input = (String.join("\n", all) + "\n").getBytes(StandardCharsets.UTF_8);
    new WriteEngine(catalog(), handlers, new WriteOptions(100, 1L << 30, 1L << 30, Duration.ofMinutes(5),
        Duration.ZERO), new ProtocolOutput(stdout, new SecretMasker()),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), sink)
        .run(new ByteArrayInputStream(input));
  }

  private static Catalog catalog() throws Exception {
    return CatalogReader.read(JSON.readTree("{\"streams\":[{\"stream\":{\"name\":\"users\",\"json_schema\":"
        + "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"}}}},"
        + "\"sync_mode\":\"incremental\",\"destination_sync_mode\":\"append\",\"primary_key\":[[\"id\"]]}]}"));
  }

  private static String record(int id) {
    return "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":" + id + ",\"name\":\"n" + id
        + "\"},\"emitted_at\":1700000000000}}";
  }

  private static String state(int n) {
    return "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":"
        + "\"users\"},\"stream_state\":{\"n\":" + n + "}}}}";
  }
}

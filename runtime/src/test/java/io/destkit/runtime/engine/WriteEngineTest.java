package io.destkit.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.error.FailureType;
import io.destkit.runtime.error.IncompleteStreamsException;
import io.destkit.runtime.error.InputException;
import io.destkit.runtime.protocol.ProtocolOutput;
import io.destkit.runtime.secret.SecretMasker;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.WriteHandlers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine in process, with an in-memory destination: checkpoints, counts, order, failures. */
class WriteEngineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
      + "\"name\":{\"type\":\"string\"}}}";

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  @Test
  void echoesEveryStateInOrderAfterItsRecordsWithCounts() throws Exception {
    RecordingHandlers handlers = new RecordingHandlers();
    run(handlers, options(2), catalog("users", "orders"),
        record("users", 1), record("users", 2), record("orders", 1),
        streamState("users", 1),
        record("users", 3), globalState(2),
        record("orders", 2), streamState("orders", 3), streamState("users", 4));
    List<JsonNode> states = echoed();
    assertEquals(4, states.size());
    // users: 2 before its first state; global: all 4 so far; orders: 2 since the start; users: 1 since its last.
    assertEquals(List.of(2, 4, 2, 1), counts(states));
    assertEquals(List.of(1, 2, 3, 4), states.stream().map(s -> s.at("/state/data/n").asInt()).toList());
    assertEquals(5, handlers.committed.size());
  }

  @Test
  void streamStateCountsOnlyItsOwnStreamSinceItsLastState() throws Exception {
    run(new RecordingHandlers(), options(100), catalog("users", "orders"),
        record("users", 1), record("orders", 1), record("users", 2), streamState("users", 1),
        record("orders", 2), streamState("orders", 2), record("users", 3), streamState("users", 3),
        globalState(4));
    assertEquals(List.of(2, 2, 1, 5), counts(echoed()));
  }

  @Test
  void stateIsEchoedByteForByteWithOnlyTheStatsAdded() throws Exception {
    String state = "{\"type\":\"STATE\",  \"state\":{\"type\":\"GLOBAL\",\"global\":{\"shared_state\":{\"x\":1.50}},"
        + "\"id\":7}, \"extra\":[1,2]}";
    run(new RecordingHandlers(), options(100), catalog("users"), record("users", 1), state);
    assertEquals("{\"type\":\"STATE\",  \"state\":{\"type\":\"GLOBAL\",\"global\":{\"shared_state\":{\"x\":1.50}},"
        + "\"id\":7,\"destinationStats\":{\"recordCount\":1.0,\"rejectedRecordCount\":0.0,\"additionalStats\":"
        + "{\"nulledValueCount\":0.0,\"truncatedValueCount\":0.0}},\"committedRecordsCount\":1,"
        + "\"committedBytesCount\":" + record("users", 1).length() + "}, \"extra\":[1,2]}\n",
        stdout.toString(StandardCharsets.UTF_8));
  }

  @Test
  void noStateLeavesBeforeTheRecordsBeforeItAreCommitted() {
    RecordingHandlers handlers = new RecordingHandlers(3);
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      lines.add(record("users", i));
      lines.add(streamState("users", i));
    }
    IllegalStateException failure = assertThrows(IllegalStateException.class,
        () -> run(handlers, options(2), catalog("users"), lines.toArray(String[]::new)));
    assertEquals("disk full on batch 3", failure.getMessage());
    List<JsonNode> states = echoed();
    // Two batches of two records were committed: the states after records 1 to 4, no later one.
    assertEquals(List.of(1, 2, 3, 4), states.stream().map(s -> s.at("/state/data/n").asInt()).toList());
    assertEquals(4, handlers.committed.size());
    assertEquals("close", handlers.events.get(handlers.events.size() - 1));
  }

  @Test
  void refusesStreamsNoHandlerTakesBeforeReadingAnything() {
    RecordingHandlers handlers = new RecordingHandlers();
    ConfigException e = assertThrows(ConfigException.class,
        () -> run(handlers, options(10), catalog("users", "refused_stream"), "not even json"));
    assertTrue(e.getMessage().contains("refused_stream in mode append"), e.getMessage());
    assertEquals(List.of("close"), handlers.events);
  }

  @Test
  void aLineThatIsNotJsonIsNamedAndWhatCameBeforeIsKept() {
    RecordingHandlers handlers = new RecordingHandlers();
    InputException e = assertThrows(InputException.class, () -> run(handlers, options(10), catalog("users"),
        record("users", 1), streamState("users", 1), "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\", s3cr3t"));
    assertEquals("Input line 3: is not valid JSON (error at column 46)", e.getMessage());
    assertEquals(1, handlers.committed.size());
    assertEquals(List.of(1), echoed().stream().map(s -> s.at("/state/data/n").asInt()).toList());
  }

  @Test
  void aRecordNestedTooDeepIsNamedNotACrash() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    InputException e = assertThrows(InputException.class, () -> run(new RecordingHandlers(), options(10),
        catalog("users"), "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":1,"
            + "\"name\":" + deep + "},\"emitted_at\":1}}"));
    assertEquals("Input line 1: is nested deeper than 1000 levels, which this destination does not read",
        e.getMessage());
  }

  @Test
  void invalidUtf8IsNamedAsSuch() {
    byte[] line = "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"name\":\"\u00ff\"}}}"
        .getBytes(StandardCharsets.ISO_8859_1);
    InputException e = assertThrows(InputException.class, () -> new WriteEngine(catalog("users"),
        new RecordingHandlers(), options(10), new ProtocolOutput(stdout, new SecretMasker()),
        new PrintStream(stderr, true, StandardCharsets.UTF_8)).run(new ByteArrayInputStream(line)));
    assertTrue(e.getMessage().startsWith("Input line 1: is not valid UTF-8 (error at column"), e.getMessage());
  }

  @Test
  void aStringLargerThanJacksonsDefaultLimitPasses() throws Exception {
    RecordingHandlers handlers = new RecordingHandlers();
    String large = "x".repeat(25_000_000);
    run(handlers, options(10), catalog("users"), "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\","
        + "\"data\":{\"id\":1,\"name\":\"" + large + "\"},\"emitted_at\":1}}");
    assertEquals(large.length(), ((String) handlers.committed.get(0).value(1)).length());
  }

  @Test
  void aRecordOfAStreamNotInTheCatalogIsNamed() {
    InputException e = assertThrows(InputException.class,
        () -> run(new RecordingHandlers(), options(10), catalog("users"), record("ghosts", 1)));
    assertEquals("Input line 1: record of stream ghosts, which is not in the catalog", e.getMessage());
  }

  @Test
  void skipsBlankLinesUnknownTypesAndUnknownFields() throws Exception {
    RecordingHandlers handlers = new RecordingHandlers();
    run(handlers, options(10), catalog("users"), "", "{\"type\":\"CONTROL\",\"control\":{\"x\":1}}",
        "{\"type\":\"NEW_THING\",\"new_thing\":{}}", "{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"hi\"}}",
        "{\"type\":\"RECORD\",\"future\":1,\"record\":{\"stream\":\"users\",\"data\":{\"id\":1,\"extra\":{\"a\":[1]}},"
            + "\"emitted_at\":5,\"unknown\":true}}");
    assertEquals(1, handlers.committed.size());
    assertEquals(1L, handlers.committed.get(0).value(0));
  }

  @Test
  void decodesDataThatComesBeforeTheStreamName() throws Exception {
    RecordingHandlers handlers = new RecordingHandlers();
    run(handlers, options(10), catalog("users"),
        "{\"record\":{\"data\":{\"id\":9,\"name\":\"n\"},\"emitted_at\":5,\"stream\":\"users\"},\"type\":\"RECORD\"}");
    Record record = handlers.committed.get(0);
    assertEquals(9L, record.value(0));
    assertEquals("n", record.value(1));
    assertEquals(5L, record.emittedAt());
  }

  @Test
  void badValuesAreNulledWithAChangeAndSourceChangesKept() throws Exception {
    RecordingHandlers handlers = new RecordingHandlers();
    run(handlers, options(10), catalog("users"),
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":\"twelve\",\"name\":\"x\"},"
            + "\"emitted_at\":5,\"meta\":{\"changes\":[{\"field\":\"name\",\"change\":\"TRUNCATED\","
            + "\"reason\":\"SOURCE_FIELD_SIZE_LIMITATION\"}]}}}");
    Record record = handlers.committed.get(0);
    assertEquals(null, record.value(0));
    assertEquals(List.of(
        new MetaChange("name", MetaChange.Change.TRUNCATED, MetaChange.Reason.SOURCE_FIELD_SIZE_LIMITATION),
        new MetaChange("id", MetaChange.Change.NULLED, MetaChange.Reason.DESTINATION_TYPECAST_ERROR)),
        record.changes());
  }

  @Test
  void streamCompleteComesAfterTheStreamsRecordsAreCommitted() throws Exception {
    RecordingHandlers handlers = new RecordingHandlers();
    runAsIs(handlers, options(100), catalog("users", "orders"), record("users", 1), record("orders", 1),
        status("users", "COMPLETE"), record("orders", 2), status("orders", "COMPLETE"));
    assertEquals(List.of("start users", "start orders", "records users 1", "commit", "complete users",
        "records orders 2", "commit", "complete orders", "close"), handlers.events);
  }

  @Test
  void valuesTheConnectorChangesWhileWritingAreCountedWithTheStateOfTheirRecords() throws Exception {
    // Every record whose id is even gets a value truncated, one with id 3 a value nulled, as a target might.
    RecordingHandlers handlers = new RecordingHandlers() {
      @Override
      public void records(RecordBatch batch) {
        super.records(batch);
        for (int i = 0; i < batch.size(); i++) {
          long id = (Long) batch.records().get(i).value(0);
          if (id % 2 == 0) {
            batch.changed(i, List.of(new MetaChange("name", MetaChange.Change.TRUNCATED,
                MetaChange.Reason.DESTINATION_FIELD_SIZE_LIMITATION)));
          } else if (id == 3) {
            batch.changed(i, List.of(MetaChange.tooLarge("name")));
          }
        }
      }
    };
    // One batch holds records of both states of users; orders' state counts only orders.
    run(handlers, options(100), catalog("users", "orders"),
        record("users", 1), record("users", 2), streamState("users", 1), record("orders", 4),
        record("users", 3), record("users", 6), streamState("users", 2), streamState("orders", 3));
    List<JsonNode> states = echoed();
    assertEquals(List.of(1, 1, 1), states.stream()
        .map(s -> s.at("/state/destinationStats/additionalStats/truncatedValueCount").asInt()).toList());
    assertEquals(List.of(0, 1, 0), states.stream()
        .map(s -> s.at("/state/destinationStats/additionalStats/nulledValueCount").asInt()).toList());
  }

  @Test
  void aStreamWithoutCompleteFailsTheSyncAfterItsRecordsAndStatesAreCommitted() {
    RecordingHandlers handlers = new RecordingHandlers();
    IncompleteStreamsException e = assertThrows(IncompleteStreamsException.class, () -> runAsIs(handlers,
        options(100), catalog("users", "orders", "empty"), record("users", 1), record("orders", 1),
        status("users", "COMPLETE"), record("orders", 2), streamState("orders", 1)));
    assertEquals(List.of("orders", "empty"), e.streams());
    assertTrue(e.getMessage().contains("orders, empty (no STREAM_STATUS COMPLETE)"), e::getMessage);
    assertEquals(FailureType.SYSTEM, e.failureType());
    // Every record was committed and the state echoed; only the completed stream was finalized.
    assertEquals(3, handlers.committed.size());
    assertEquals(List.of(2), counts(echoed()));
    assertEquals(List.of("complete users"), handlers.events.stream().filter(x -> x.startsWith("complete")).toList());
    assertTrue(handlers.events.get(handlers.events.size() - 1).equals("close"), handlers.events::toString);
  }

  @Test
  void anIncompleteStreamFailsTheSyncAndALaterCompleteDoesNotFinalizeIt() {
    RecordingHandlers handlers = new RecordingHandlers();
    IncompleteStreamsException e = assertThrows(IncompleteStreamsException.class, () -> runAsIs(handlers,
        options(100), catalog("users"), record("users", 1), status("users", "INCOMPLETE"), streamState("users", 1),
        status("users", "COMPLETE")));
    assertEquals(List.of("users"), e.streams());
    assertTrue(e.getMessage().contains("users (STREAM_STATUS INCOMPLETE)"), e::getMessage);
    assertEquals(1, handlers.committed.size());
    assertEquals(List.of(1), counts(echoed()));
    assertTrue(handlers.events.stream().noneMatch(x -> x.startsWith("complete")), handlers.events::toString);
  }

  @Test
  void aSmallMemoryBudgetFlushesOftenAndLosesNothing() throws Exception {
    RecordingHandlers handlers = new RecordingHandlers();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      lines.add(record(i % 2 == 0 ? "users" : "orders", i));
      if (i % 100 == 99) {
        lines.add(globalState(i));
      }
    }
    WriteOptions tiny = new WriteOptions(100_000, 1L << 30, 20_000, Duration.ofMinutes(5), Duration.ZERO);
    run(handlers, tiny, catalog("users", "orders"), lines.toArray(String[]::new));
    assertEquals(5000, handlers.committed.size());
    assertEquals(50, echoed().size());
    assertTrue(handlers.events.stream().filter(e -> e.startsWith("records")).count() > 20, handlers.events::toString);
  }

  @Test
  void commitsComeEveryCommitBytesOfInputAndStatesWaitForThem() throws Exception {
    RecordingHandlers handlers = new RecordingHandlers();
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      lines.add(record("users", i));
      if (i % 10 == 0) {
        lines.add(streamState("users", i));
      }
    }
    int recordBytes = record("users", 100).length() + 1;
    // Batches of 10 records, a commit once 30 records' bytes (or a little less) were handed over.
    WriteOptions options = new WriteOptions(10, 1L << 30, 28L * recordBytes, 1L << 30, Duration.ofMinutes(5),
        Duration.ZERO);
    run(handlers, options, catalog("users"), lines.toArray(String[]::new));
    List<String> calls = handlers.events.stream().filter(e -> !e.startsWith("start") && !e.equals("close")).toList();
    List<String> expected = new ArrayList<>();
    for (int commit = 0; commit < 3; commit++) {
      expected.addAll(List.of("records users 10", "records users 10", "records users 10", "commit"));
    }
    // The last batch: committed at the stream's completion, before it completes.
    expected.addAll(List.of("records users 10", "commit", "complete users"));
    assertEquals(expected, calls);
    List<JsonNode> states = echoed();
    assertEquals(10, states.size(), "every state, each once its records are committed");
    assertEquals(List.of(10, 10, 10, 10, 10, 10, 10, 10, 10, 10), counts(states));
    assertEquals(100, handlers.committed.size());
  }

  private static List<Integer> counts(List<JsonNode> states) {
    return states.stream().map(s -> s.at("/state/destinationStats/recordCount").asInt()).toList();
  }

  /**
   * Input decoded on several threads, in many blocks, makes the same write as on the engine's thread alone: the same
   * batches, records and commits, the same states echoed with the same counts, and the same error for a bad line far
   * into the input, after the same records were committed.
   */
  @Test
  void decodingOnSeveralThreadsMakesTheSameWrite() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 40_000; i++) {
      lines.add(record(i % 3 == 0 ? "orders" : "users", i));
      if (i % 250 == 0) {
        lines.add(i % 500 == 0 ? globalState(i) : streamState("users", i));
      }
    }
    lines.add("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":1}");
    String expectedError = null;
    List<String> expected = null;
    // One decoder, three from the start, and the engine's choice made early (its writer never keeps it waiting).
    for (int decoders : new int[] {1, 3, WriteOptions.AUTO}) {
      stdout.reset();
      stderr.reset();
      RecordingHandlers handlers = new RecordingHandlers();
      InputException e = assertThrows(InputException.class, () -> run(handlers,
          options(1_000).withDecoders(decoders), catalog("users", "orders"), lines.toArray(String[]::new)));
      if (decoders == WriteOptions.AUTO && MULTICORE) {
        // On one core the engine decodes on its own thread whatever the writer does.
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("standard input decoded on 2 threads from line "),
            stderr.toString(StandardCharsets.UTF_8));
      }
      List<String> outcome = new ArrayList<>(handlers.events);
      handlers.committed.forEach(r -> outcome.add(Arrays.toString(r.values()) + " " + r.size()));
      outcome.add(stdout.toString(StandardCharsets.UTF_8));
      if (expected == null) {
        expected = outcome;
        expectedError = e.getMessage();
        assertEquals("Input line 40161: is not valid JSON (error at column 60)", expectedError);
        assertEquals(40_000, handlers.committed.size());
      } else {
        assertEquals(expectedError, e.getMessage());
        assertTrue(expected.equals(outcome), "the write on " + decoders + " decoders differs");
      }
    }
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

  /** Runs the lines, then a STREAM_STATUS COMPLETE for each stream of the catalog, as a source that finished. */
  private void run(WriteHandlers handlers, WriteOptions options, Catalog catalog, String... lines) throws Exception {
    List<String> all = new ArrayList<>(List.of(lines));
    catalog.streams().forEach(stream -> all.add(status(stream.descriptor().name(), "COMPLETE")));
    runAsIs(handlers, options, catalog, all.toArray(String[]::new));
  }

  private void runAsIs(WriteHandlers handlers, WriteOptions options, Catalog catalog, String... lines)
      throws Exception {
    byte[] input = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    new WriteEngine(catalog, handlers, options, new ProtocolOutput(stdout, new SecretMasker()),
        new PrintStream(stderr, true, StandardCharsets.UTF_8)).readPolicy(EARLY).run(new ByteArrayInputStream(input));
  }

  private static final boolean MULTICORE = Runtime.getRuntime().availableProcessors() > 1;

  /** The engine chooses where input is decoded after 256 KB, over the next 256 KB. */
  private static final AdaptiveReader.Policy EARLY = new AdaptiveReader.Policy(256 << 10, 256 << 10, 0.05);

  /** A writer slower than reading keeps decoding on the engine's thread: more threads would take turns with it. */
  @Test
  void aSlowWriterKeepsDecodingOnTheEnginesThread() throws Exception {
    assumeTrue(MULTICORE, "on one core the engine never chooses: it decodes on its own thread");
    RecordingHandlers handlers = new RecordingHandlers() {
      @Override
      public void records(RecordBatch batch) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        super.records(batch);
      }
    };
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 40_000; i++) {
      lines.add(record("users", i));
    }
    // Batches of 1,000 records, each taking the writer 20 ms: about 1 MB of records waits for it at a time.
    run(handlers, new WriteOptions(1_000, 1L << 30, 0, 1L << 20, Duration.ofMinutes(5), Duration.ZERO,
        WriteOptions.AUTO), catalog("users"), lines.toArray(String[]::new));
    assertEquals(40_000, handlers.committed.size());
    String err = stderr.toString(StandardCharsets.UTF_8);
    assertTrue(err.contains("standard input decoded on one thread: the engine waited for the writer"), err);
  }

  private static WriteOptions options(int batchRows) {
    return new WriteOptions(batchRows, 1L << 30, 1L << 30, Duration.ofMinutes(5), Duration.ZERO);
  }

  private static Catalog catalog(String... streams) throws Exception {
    StringBuilder json = new StringBuilder("{\"streams\":[");
    for (int i = 0; i < streams.length; i++) {
      json.append(i == 0 ? "" : ",").append("{\"stream\":{\"name\":\"").append(streams[i])
          .append("\",\"json_schema\":").append(SCHEMA).append("},\"sync_mode\":\"full_refresh\",")
          .append("\"destination_sync_mode\":\"append\"}");
    }
    return CatalogReader.read(JSON.readTree(json.append("]}").toString()));
  }

  private static String status(String stream, String status) {
    return "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1,\"stream_status\":{"
        + "\"stream_descriptor\":{\"name\":\"" + stream + "\"},\"status\":\"" + status + "\"}}}";
  }

  private static String record(String stream, int id) {
    return "{\"type\":\"RECORD\",\"record\":{\"stream\":\"" + stream + "\",\"data\":{\"id\":" + id
        + ",\"name\":\"n" + id + "\"},\"emitted_at\":1700000000000}}";
  }

  private static String streamState(String stream, int n) {
    return "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\""
        + stream + "\"},\"stream_state\":{\"n\":" + n + "}},\"data\":{\"n\":" + n + "}}}";
  }

  private static String globalState(int n) {
    return "{\"type\":\"STATE\",\"state\":{\"type\":\"GLOBAL\",\"global\":{\"shared_state\":{}},\"data\":{\"n\":"
        + n + "}}}";
  }
}

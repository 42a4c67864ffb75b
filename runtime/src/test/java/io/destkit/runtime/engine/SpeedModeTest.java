package io.destkit.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.error.InputException;
import io.destkit.runtime.error.TransientException;
import io.destkit.runtime.protocol.ProtocolOutput;
import io.destkit.runtime.secret.SecretMasker;
import io.destkit.runtime.write.Catalog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speed mode through the engine, over real Unix sockets served by a test source: states reconciled across sockets by
 * partition and id, COMPLETE held until every socket ends, and the input errors speed mode adds.
 */
class SpeedModeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
      + "\"name\":{\"type\":\"string\"}}}";

  @TempDir
  Path dir;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  @Test
  void statesLeaveInIdOrderOnceTheirPartitionsRecordsAreCommittedWhateverSocketCarriedThem() throws Exception {
    RecordingHandlers handlers = new RecordingHandlers();
    Path a = dir.resolve("a.sock");
    Path b = dir.resolve("b.sock");
    try (UnixSocketSource source = new UnixSocketSource()) {
      // Socket a: partition p1's records, then state 2 (for p2, whose records are on b and come later).
      source.serve(a, 0, List.of(lines(record("users", 1, "p1"), record("users", 2, "p1"), record("users", 3, "p1"),
          state("users", 2, "p2", 2))));
      // Socket b: state 1 (p1) first, then p2's records a while later, then COMPLETE.
      source.serve(b, 0, List.of(lines(state("users", 1, "p1", 3)), lines(record("users", 4, "p2")),
          lines(record("users", 5, "p2"), complete("users"))));
      run(handlers, catalog("users"), a, b);
      source.assertServed();
    }
    List<JsonNode> states = echoed();
    assertEquals(List.of(1, 2), states.stream().map(s -> s.at("/state/id").asInt()).toList());
    assertEquals(List.of(3, 2), states.stream().map(s -> s.at("/state/destinationStats/recordCount").asInt())
        .toList());
    assertEquals(List.of(3, 5), states.stream().map(s -> s.at("/state/committedRecordsCount").asInt()).toList());
    // Echoed whole, as received: the checkpoint's own fields stay.
    assertEquals("p1", states.get(0).at("/state/partition_id").asText());
    assertEquals(5, handlers.committed.size());
  }

  @Test
  void aStateWhosePartitionNeverGetsAllItsRecordsIsNeverEchoed() throws Exception {
    RecordingHandlers handlers = new RecordingHandlers();
    Path a = dir.resolve("a.sock");
    try (UnixSocketSource source = new UnixSocketSource()) {
      source.serve(a, 0, List.of(lines(record("users", 1, "p1"), state("users", 1, "p1", 1),
          record("users", 2, "p2"), state("users", 2, "p2", 2), complete("users"))));
      run(handlers, catalog("users"), a);
      source.assertServed();
    }
    assertEquals(List.of(1), echoed().stream().map(s -> s.at("/state/id").asInt()).toList());
    // The record of the partition that did not finish is still loaded; only its checkpoint is not claimed.
    assertEquals(2, handlers.committed.size());
  }

  @Test
  void aStreamCompletesOnlyOnceEverySocketHasEnded() throws Exception {
    RecordingHandlers handlers = new RecordingHandlers();
    Path a = dir.resolve("a.sock");
    Path b = dir.resolve("b.sock");
    try (UnixSocketSource source = new UnixSocketSource()) {
      source.serve(a, 0, List.of(lines(record("users", 1, "p1"), complete("users"))));
      source.serve(b, 200, List.of(lines(record("users", 2, "p2")), lines(record("users", 3, "p2"))));
      run(handlers, catalog("users"), a, b);
      source.assertServed();
    }
    List<String> events = new ArrayList<>(handlers.events);
    int complete = events.indexOf("complete users");
    assertTrue(complete > 0, events.toString());
    assertEquals(3, handlers.committed.size());
    assertTrue(events.subList(complete, events.size()).stream().noneMatch(e -> e.startsWith("records")),
        "records after COMPLETE: " + events);
  }

  @Test
  void aStateWithoutItsCheckpointFieldsFailsNamingTheSocketAndMessage() throws Exception {
    Path a = dir.resolve("a.sock");
    try (UnixSocketSource source = new UnixSocketSource()) {
      source.serve(a, 0, List.of(lines(record("users", 1, "p1"),
          "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"users\"}},"
              + "\"id\":1}}")));
      InputException e = assertThrows(InputException.class,
          () -> run(new RecordingHandlers(), catalog("users"), a));
      assertEquals("Socket " + a + ", message 2: STATE lacks what speed mode needs to reconcile it across sockets:"
          + " partition_id, sourceStats.recordCount", e.getMessage());
    }
    assertEquals("", stdout.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aRecordWithoutPartitionFailsNamingTheSocketAndMessage() throws Exception {
    Path a = dir.resolve("a.sock");
    try (UnixSocketSource source = new UnixSocketSource()) {
      source.serve(a, 0, List.of(lines(record("users", 1, "p1"), record("users", 2, null))));
      InputException e = assertThrows(InputException.class,
          () -> run(new RecordingHandlers(), catalog("users"), a));
      assertEquals("Socket " + a + ", message 2: record of stream users has no partition_id", e.getMessage());
    }
  }

  @Test
  void aBadLineOnASocketIsToldWithTheSocketsName() throws Exception {
    Path a = dir.resolve("a.sock");
    try (UnixSocketSource source = new UnixSocketSource()) {
      source.serve(a, 0, List.of(lines(record("users", 1, "p1"), "{not json")));
      InputException e = assertThrows(InputException.class,
          () -> run(new RecordingHandlers(), catalog("users"), a));
      assertTrue(e.getMessage().startsWith("Socket " + a + ", input line 2: is not valid JSON"), e.getMessage());
    }
  }

  @Test
  void mixingGlobalAndStreamStatesFails() throws Exception {
    Path a = dir.resolve("a.sock");
    try (UnixSocketSource source = new UnixSocketSource()) {
      source.serve(a, 0, List.of(lines(record("users", 1, "p1"), state("users", 1, "p1", 1),
          "{\"type\":\"STATE\",\"state\":{\"type\":\"GLOBAL\",\"global\":{\"shared_state\":{}},\"id\":1,"
              + "\"partition_id\":\"g\",\"sourceStats\":{\"recordCount\":0.0}}}")));
      InputException e = assertThrows(InputException.class,
          () -> run(new RecordingHandlers(), catalog("users"), a));
      assertTrue(e.getMessage().contains("a GLOBAL state came after STREAM states"), e.getMessage());
    }
  }

  @Test
  void aSocketFileThatNeverAppearsIsATransientFailureNamingIt() {
    Path missing = dir.resolve("never.sock");
    TransientException e = assertThrows(TransientException.class,
        () -> run(new RecordingHandlers(), catalog("users"), missing));
    assertTrue(e.getMessage().startsWith("The source's socket " + missing + " did not take a connection within"),
        e.getMessage());
  }

  @Test
  void theNamespaceMappingRenamesStreamsAndRecordsWhileStatesAreEchoedAsReceived() throws Exception {
    Path file = dir.resolve("mapping.json");
    java.nio.file.Files.writeString(file, "{\"namespaceDefinitionType\":\"customformat\","
        + "\"namespaceFormat\":\"dest_${SOURCE_NAMESPACE}\",\"streamPrefix\":\"p_\"}");
    NamespaceMapping mapping = NamespaceMapping.read(file);
    Catalog catalog = mapping.apply(CatalogReader.read(JSON.readTree("{\"streams\":[{\"stream\":{\"name\":"
        + "\"users\",\"namespace\":\"src\",\"json_schema\":" + SCHEMA + "},\"sync_mode\":\"full_refresh\","
        + "\"destination_sync_mode\":\"append\"}]}")));
    assertEquals("dest_src", catalog.streams().get(0).namespace());
    assertEquals("p_users", catalog.streams().get(0).name());
    String state = "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
        + "{\"name\":\"users\",\"namespace\":\"src\"}},\"id\":1,\"partition_id\":\"p1\","
        + "\"sourceStats\":{\"recordCount\":2.0}}}";
    RecordingHandlers handlers = new RecordingHandlers();
    Path a = dir.resolve("a.sock");
    try (UnixSocketSource source = new UnixSocketSource()) {
      source.serve(a, 0, List.of(lines(record("users", 1, "p1").replace("\"stream\":", "\"namespace\":\"src\",\"stream\":"),
          record("users", 2, "p1").replace("\"stream\":", "\"namespace\":\"src\",\"stream\":"), state,
          "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1,\"stream_status\":{"
              + "\"stream_descriptor\":{\"name\":\"users\",\"namespace\":\"src\"},\"status\":\"COMPLETE\"}}}")));
      DataChannel channel = new DataChannel(DataChannel.Medium.SOCKET, DataChannel.Format.JSONL, List.of(a), file,
          Duration.ofSeconds(3));
      new WriteEngine(catalog, handlers, new WriteOptions(2, 1L << 30, 1L << 30, Duration.ofMinutes(5),
          Duration.ZERO), new ProtocolOutput(stdout, new SecretMasker()),
          new PrintStream(stderr, true, StandardCharsets.UTF_8)).run(channel, mapping,
          new ByteArrayInputStream(new byte[0]));
      source.assertServed();
    }
    assertTrue(handlers.events.contains("records dest_src.p_users 2"), handlers.events.toString());
    assertTrue(handlers.events.contains("complete dest_src.p_users"), handlers.events.toString());
    List<JsonNode> states = echoed();
    assertEquals(1, states.size());
    assertEquals("src", states.get(0).at("/state/stream/stream_descriptor/namespace").asText());
    assertEquals(2, states.get(0).at("/state/destinationStats/recordCount").asInt());
  }

  @Test
  void aMappingThatGivesTwoStreamsOneNameIsRefused() throws Exception {
    NamespaceMapping mapping = new NamespaceMapping(NamespaceMapping.Type.DESTINATION, null, "");
    Catalog catalog = CatalogReader.read(JSON.readTree("{\"streams\":[" + stream("a") + "," + stream("b") + "]}"));
    assertEquals("The namespace mapping gives streams a.users and b.users the same name, users; change the stream"
        + " prefix or the namespace format", assertThrows(ConfigException.class, () -> mapping.apply(catalog))
        .getMessage());
  }

  private static String stream(String namespace) {
    return "{\"stream\":{\"name\":\"users\",\"namespace\":\"" + namespace + "\",\"json_schema\":" + SCHEMA
        + "},\"sync_mode\":\"full_refresh\",\"destination_sync_mode\":\"append\"}";
  }

  @Test
  void theEnvironmentSelectsTheChannelAndItsMistakesAreNamed() throws Exception {
    assertEquals(DataChannel.Medium.STDIO, DataChannel.fromEnvironment(Map.of(), Map.of()).medium());
    DataChannel sockets = DataChannel.fromEnvironment(Map.of("DATA_CHANNEL_MEDIUM", "SOCKET",
        "DATA_CHANNEL_FORMAT", "protobuf", "DATA_CHANNEL_SOCKET_PATHS", "/s/1.sock, /s/2.sock"),
        Map.of(DataChannel.SOCKET_WAIT_PROPERTY, "PT2S"));
    assertEquals(List.of(Path.of("/s/1.sock"), Path.of("/s/2.sock")), sockets.socketPaths());
    assertEquals(DataChannel.Format.PROTOBUF, sockets.format());
    assertEquals(Duration.ofSeconds(2), sockets.socketWait());
    assertEquals("DATA_CHANNEL_FORMAT=PROTOBUF needs DATA_CHANNEL_MEDIUM=SOCKET: protobuf records travel only over"
        + " sockets", assertThrows(ConfigException.class,
            () -> DataChannel.fromEnvironment(Map.of("DATA_CHANNEL_FORMAT", "PROTOBUF"), Map.of())).getMessage());
    assertEquals("DATA_CHANNEL_MEDIUM is 'PIPE'; it must be one of STDIO, SOCKET", assertThrows(
        ConfigException.class, () -> DataChannel.fromEnvironment(Map.of("DATA_CHANNEL_MEDIUM", "PIPE"), Map.of()))
        .getMessage());
    assertTrue(assertThrows(ConfigException.class,
        () -> DataChannel.fromEnvironment(Map.of("DATA_CHANNEL_MEDIUM", "SOCKET"), Map.of())).getMessage()
        .startsWith("DATA_CHANNEL_MEDIUM=SOCKET needs DATA_CHANNEL_SOCKET_PATHS"));
  }

  @Test
  void protobufRecordsAreDecodedByPositionAndStatesComeAsProtocolMessages() throws Exception {
    RecordingHandlers handlers = new RecordingHandlers();
    Path a = dir.resolve("a.sock");
    Path b = dir.resolve("b.sock");
    try (UnixSocketSource source = new UnixSocketSource()) {
      // Positions: "id" then "name" (sorted). A probe between frames is skipped.
      source.serve(a, 0, List.of(frames(pbRecord("users", "p1", intValue(1), stringValue("ann")), probe(),
          pbRecord("users", "p1", intValue(2), nullValue()), protocol(state("users", 2, "p2", 1)))));
      source.serve(b, 0, List.of(frames(protocol(state("users", 1, "p1", 2)),
          pbRecord("users", "p2", stringValue("not a number"), stringValue("cy")), protocol(complete("users")))));
      runWith(DataChannel.Format.PROTOBUF, handlers, catalog("users"), a, b);
      source.assertServed();
    }
    assertEquals(List.of(1, 2), echoed().stream().map(s -> s.at("/state/id").asInt()).toList());
    List<String> rows = handlers.committed.stream().map(r -> java.util.Arrays.toString(r.values()) + r.changes())
        .sorted().toList();
    assertEquals(List.of("[1, ann][]", "[2, null][]",
        "[null, cy][MetaChange[field=id, change=NULLED, reason=DESTINATION_TYPECAST_ERROR]]"), rows);
  }

  @Test
  void badProtobufFramesFailNamingTheSocketAndMessage() throws Exception {
    byte[] good = frames(pbRecord("users", "p1", intValue(1), stringValue("ann")));
    assertProtobufFails(concat(good, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F}),
        "message 2: has a frame of 4294967295 bytes, beyond the 256 MiB a message may have");
    assertProtobufFails(concat(good, java.util.Arrays.copyOf(good, good.length - 3)),
        "message 2: ended inside a frame (" + (good.length - 4) + " of its " + (good.length - 1) + " bytes came)");
    assertProtobufFails(concat(good, frames(message(9, new byte[0]))),
        "message 2: holds an unknown message case (field 9)");
    assertProtobufFails(frames(pbRecord("orders", "p1", intValue(1))),
        "message 1: holds a record of stream orders, which is not in the catalog");
    assertProtobufFails(frames(pbRecord("users", "p1", intValue(1), stringValue("a"), stringValue("b"))),
        "message 1: holds a record of stream users with more values than the 2 fields of its schema");
    assertProtobufFails(frames(pbRecord("users", null, intValue(1))), "message 1: holds a record without partition_id");
    byte[] badName = pbRecord("users", "p1", intValue(1));
    badName[java.util.Collections.indexOfSubList(bytesOf(badName), bytesOf("users".getBytes(StandardCharsets.UTF_8)))]
        = (byte) 0xC3;
    assertProtobufFails(concat(good, frames(badName)),
        "message 2: is not a valid AirbyteMessageProtobuf: Protocol message had invalid UTF-8.");
  }

  private void assertProtobufFails(byte[] bytes, String expected) throws Exception {
    stdout.reset();
    Path a = dir.resolve("bad.sock");
    try (UnixSocketSource source = new UnixSocketSource()) {
      source.serve(a, 0, List.of(bytes));
      InputException e = assertThrows(InputException.class,
          () -> runWith(DataChannel.Format.PROTOBUF, new RecordingHandlers(), catalog("users"), a));
      assertEquals("Socket " + a + ", " + expected, e.getMessage());
    }
  }

  // Frames, built by hand as a source would send them (the field numbers of SPEED-MODE.md); TypedProtobufRecordsTest
  // sends them too.

  static byte[] frames(byte[]... messages) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] message : messages) {
      com.google.protobuf.CodedOutputStream coded = com.google.protobuf.CodedOutputStream.newInstance(out);
      coded.writeUInt32NoTag(message.length);
      coded.flush();
      out.write(message);
    }
    return out.toByteArray();
  }

  private static byte[] message(int field, byte[] body) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    com.google.protobuf.CodedOutputStream coded = com.google.protobuf.CodedOutputStream.newInstance(out);
    coded.writeByteArray(field, body);
    coded.flush();
    return out.toByteArray();
  }

  static byte[] pbRecord(String stream, String partition, byte[]... values) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    com.google.protobuf.CodedOutputStream coded = com.google.protobuf.CodedOutputStream.newInstance(out);
    coded.writeString(2, stream);
    coded.writeUInt64(3, 1_700_000_000_000L);
    if (partition != null) {
      coded.writeString(4, partition);
    }
    for (byte[] value : values) {
      coded.writeByteArray(5, value);
    }
    coded.flush();
    return message(1, out.toByteArray());
  }

  static byte[] protocol(String json) throws Exception {
    return message(2, json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] probe() throws Exception {
    return message(3, new byte[0]);
  }

  static byte[] intValue(long value) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    com.google.protobuf.CodedOutputStream coded = com.google.protobuf.CodedOutputStream.newInstance(out);
    coded.writeSInt64(3, value);
    coded.flush();
    return out.toByteArray();
  }

  static byte[] stringValue(String value) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    com.google.protobuf.CodedOutputStream coded = com.google.protobuf.CodedOutputStream.newInstance(out);
    coded.writeString(2, value);
    coded.flush();
    return out.toByteArray();
  }

  static byte[] nullValue() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    com.google.protobuf.CodedOutputStream coded = com.google.protobuf.CodedOutputStream.newInstance(out);
    coded.writeBool(13, true);
    coded.flush();
    return out.toByteArray();
  }

  private static List<Byte> bytesOf(byte[] bytes) {
    List<Byte> list = new ArrayList<>();
    for (byte b : bytes) {
      list.add(b);
    }
    return list;
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] all = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  private void run(RecordingHandlers handlers, Catalog catalog, Path... sockets) throws Exception {
    runWith(DataChannel.Format.JSONL, handlers, catalog, sockets);
  }

  private void runWith(DataChannel.Format format, RecordingHandlers handlers, Catalog catalog, Path... sockets)
      throws Exception {
    DataChannel channel = new DataChannel(DataChannel.Medium.SOCKET, format, List.of(sockets),
        null, Duration.ofSeconds(3));
    new WriteEngine(catalog, handlers, new WriteOptions(2, 1L << 30, 1L << 30, Duration.ofMinutes(5),
        Duration.ZERO), new ProtocolOutput(stdout, new SecretMasker()),
        new PrintStream(stderr, true, StandardCharsets.UTF_8)).run(channel, NamespaceMapping.NONE,
            new ByteArrayInputStream(new byte[0]));
  }

  private List<JsonNode> echoed() throws Exception {
    List<JsonNode> states = new ArrayList<>();
    for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isEmpty()) {
        states.add(JSON.readTree(line));
      }
    }
    return states;
  }

  private static byte[] lines(String... lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static Catalog catalog(String stream) throws Exception {
    return CatalogReader.read(JSON.readTree("{\"streams\":[{\"stream\":{\"name\":\"" + stream + "\",\"json_schema\":"
        + SCHEMA + "},\"sync_mode\":\"full_refresh\",\"destination_sync_mode\":\"append\"}]}"));
  }

  static String record(String stream, int id, String partition) {
    return "{\"type\":\"RECORD\",\"record\":{\"stream\":\"" + stream + "\",\"data\":{\"id\":" + id
        + ",\"name\":\"n" + id + "\"},\"emitted_at\":1700000000000"
        + (partition == null ? "" : ",\"partition_id\":\"" + partition + "\"") + "}}";
  }

  static String state(String stream, int id, String partition, int count) {
    return "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\""
        + stream + "\"},\"stream_state\":{\"n\":" + id + "}},\"id\":" + id + ",\"partition_id\":\"" + partition
        + "\",\"sourceStats\":{\"recordCount\":" + count + ".0}}}";
  }

  static String complete(String stream) {
    return "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1,\"stream_status\":{"
        + "\"stream_descriptor\":{\"name\":\"" + stream + "\"},\"status\":\"COMPLETE\"}}}";
  }
}

package io.destkit.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.runtime.protocol.ProtocolOutput;
import io.destkit.runtime.secret.SecretMasker;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.StreamDescriptor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The checkpoint rules on their own: what each state counts, when it may leave, and what is echoed. */
class CheckpointsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final StreamDescriptor USERS = new StreamDescriptor(null, "users");
  private static final StreamDescriptor ORDERS = new StreamDescriptor(null, "orders");

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final Checkpoints checkpoints = new Checkpoints(catalog(), new ProtocolOutput(stdout, new SecretMasker()));

  @Test
  void aStreamStateCountsItsStreamAndAGlobalStateCountsEveryStream() throws Exception {
    read(USERS, 3);
    read(ORDERS, 2);
    checkpoints.stateRead(state("{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"users\"}}}",
        StateMessage.Scope.STREAM, USERS));
    read(USERS, 1);
    checkpoints.stateRead(state("{\"type\":\"GLOBAL\"}", StateMessage.Scope.GLOBAL, null));
    // A STREAM state of a stream the catalog does not have counts like a global one.
    read(ORDERS, 4);
    checkpoints.stateRead(state("{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"x\"}}}",
        StateMessage.Scope.STREAM, new StreamDescriptor(null, "x")));

    List<Checkpoints.Pending> covered = checkpoints.takeCovered(Long.MAX_VALUE);
    assertEquals(List.of(3L, 6L, 4L), covered.stream().map(Checkpoints.Pending::recordCount).toList());
    assertEquals(List.of(5L, 6L, 10L), covered.stream().map(Checkpoints.Pending::recordsBefore).toList());
  }

  @Test
  void statesLeaveInOrderOnlyWhenTheirRecordsAreWithTheWriter() throws Exception {
    read(USERS, 5);
    checkpoints.stateRead(state("{\"type\":\"GLOBAL\"}", StateMessage.Scope.GLOBAL, null));
    read(USERS, 5);
    checkpoints.stateRead(state("{\"type\":\"GLOBAL\"}", StateMessage.Scope.GLOBAL, null));

    // Record 4 (the fifth) is still buffered: the first state waits for it, and so does the second.
    assertFalse(checkpoints.hasCovered(4));
    assertEquals(List.of(), checkpoints.takeCovered(4));
    assertEquals(1, checkpoints.takeCovered(5).size());
    assertTrue(checkpoints.hasCovered(Long.MAX_VALUE));
    assertEquals(10, checkpoints.takeCovered(Long.MAX_VALUE).get(0).recordsBefore());
  }

  @Test
  void theEchoIsTheStateAsReceivedWithItsCount() throws Exception {
    String line = "{\"type\":\"STATE\",\"state\":{\"type\":\"GLOBAL\",\"global\":{\"cursor\":\"2024\"},\"id\":7}}";
    read(USERS, 2);
    checkpoints.stateRead(stateLine(line, false));
    checkpoints.echo(checkpoints.takeCovered(Long.MAX_VALUE));

    String echoed = stdout.toString(StandardCharsets.UTF_8).trim();
    assertEquals("{\"type\":\"STATE\",\"state\":{\"type\":\"GLOBAL\",\"global\":{\"cursor\":\"2024\"},\"id\":7,"
        + "\"destinationStats\":{\"recordCount\":2.0,\"rejectedRecordCount\":0.0,\"additionalStats\":"
        + "{\"nulledValueCount\":0.0,\"truncatedValueCount\":0.0}},\"committedRecordsCount\":2,"
        + "\"committedBytesCount\":20}}", echoed);
  }

  @Test
  void statisticsCountTheDestinationsChangesAndCommittedTotalsPerScope() throws Exception {
    read(USERS, 2);
    readWith(USERS, List.of(MetaChange.typecastError("a"), MetaChange.typecastError("b"),
        new MetaChange("c", MetaChange.Change.TRUNCATED, MetaChange.Reason.DESTINATION_FIELD_SIZE_LIMITATION),
        // The source's own changes are the source's to count.
        new MetaChange("d", MetaChange.Change.NULLED, MetaChange.Reason.SOURCE_FIELD_SIZE_LIMITATION)));
    checkpoints.stateRead(state("{\"type\":\"STREAM\"}", StateMessage.Scope.STREAM, USERS));
    read(ORDERS, 4);
    read(USERS, 1);
    checkpoints.stateRead(state("{\"type\":\"STREAM\"}", StateMessage.Scope.STREAM, USERS));
    checkpoints.stateRead(state("{\"type\":\"GLOBAL\"}", StateMessage.Scope.GLOBAL, null));

    List<Checkpoints.Stats> stats = checkpoints.takeCovered(Long.MAX_VALUE).stream()
        .map(Checkpoints.Pending::stats).toList();
    assertEquals(new Checkpoints.Stats(3, 0, 2, 1, 3, 30), stats.get(0));
    // The second users state: one record since the first, four committed in all.
    assertEquals(new Checkpoints.Stats(1, 0, 0, 0, 4, 40), stats.get(1));
    // The global state counts every stream since the start: 3 + 4 + 1.
    assertEquals(new Checkpoints.Stats(8, 0, 2, 1, 8, 80), stats.get(2));
  }

  @Test
  void aStateThatCarriesStatsHasThemReplaced() throws Exception {
    String line = "{\"type\":\"STATE\",\"state\":{\"type\":\"GLOBAL\",\"destinationStats\":{\"recordCount\":99},"
        + "\"committedRecordsCount\":98,\"global\":{}}}";
    read(USERS, 1);
    checkpoints.stateRead(stateLine(line, true));
    checkpoints.echo(checkpoints.takeCovered(Long.MAX_VALUE));

    assertEquals(1, JSON.readTree(stdout.toByteArray()).path("state").path("destinationStats").path("recordCount")
        .asLong());
    assertEquals("{}", JSON.readTree(stdout.toByteArray()).path("state").path("global").toString());
    assertEquals(1, JSON.readTree(stdout.toByteArray()).path("state").path("committedRecordsCount").asLong());
  }

  /** Reads {@code records} records of {@code stream}, each of 10 bytes on the wire, unchanged. */
  private void read(StreamDescriptor stream, int records) {
    for (int i = 0; i < records; i++) {
      readWith(stream, List.of());
    }
  }

  private void readWith(StreamDescriptor stream, List<MetaChange> changes) {
    checkpoints.recordRead(checkpoints.counter(stream), new Record(UUID.randomUUID(), 1, new Object[0], null,
        changes, 10), null);
  }

  private static StateMessage state(String stateObject, StateMessage.Scope scope, StreamDescriptor stream) {
    String line = "{\"type\":\"STATE\",\"state\":" + stateObject + "}";
    return new StateMessage(line.getBytes(StandardCharsets.UTF_8), line.length() - 2, true, false, scope, stream);
  }

  private static StateMessage stateLine(String line, boolean hasStats) {
    return new StateMessage(line.getBytes(StandardCharsets.UTF_8), line.length() - 2, true, hasStats,
        StateMessage.Scope.GLOBAL, null);
  }

  private static Catalog catalog() {
    try {
      return CatalogReader.read(JSON.readTree("{\"streams\":["
          + "{\"stream\":{\"name\":\"users\",\"json_schema\":{}},\"sync_mode\":\"full_refresh\","
          + "\"destination_sync_mode\":\"append\"},"
          + "{\"stream\":{\"name\":\"orders\",\"json_schema\":{}},\"sync_mode\":\"full_refresh\","
          + "\"destination_sync_mode\":\"append\"}]}"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.destkit.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.runtime.protocol.ProtocolOutput;
import io.destkit.runtime.secret.SecretMasker;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.StreamDescriptor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        + "\"destinationStats\":{\"recordCount\":2}}}", echoed);
  }

  @Test
  void aStateThatCarriesStatsHasThemReplaced() throws Exception {
    String line = "{\"type\":\"STATE\",\"state\":{\"type\":\"GLOBAL\",\"destinationStats\":{\"recordCount\":99},"
        + "\"global\":{}}}";
    read(USERS, 1);
    checkpoints.stateRead(stateLine(line, true));
    checkpoints.echo(checkpoints.takeCovered(Long.MAX_VALUE));

    assertEquals(1, JSON.readTree(stdout.toByteArray()).path("state").path("destinationStats").path("recordCount")
        .asLong());
    assertEquals("{}", JSON.readTree(stdout.toByteArray()).path("state").path("global").toString());
  }

  private void read(StreamDescriptor stream, int records) {
    for (int i = 0; i < records; i++) {
      checkpoints.recordRead(checkpoints.counter(stream));
    }
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

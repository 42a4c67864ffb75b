package io.destkit.testkit.harness;

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.integer;
import static io.destkit.testkit.messages.Json.object;
import static io.destkit.testkit.messages.Messages.raw;
import static io.destkit.testkit.messages.Messages.record;
import static io.destkit.testkit.messages.Messages.streamState;
import static io.destkit.testkit.messages.Messages.streamStatus;
import static io.destkit.testkit.messages.StreamStatus.COMPLETE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.testkit.memory.MemoryDestination;
import io.destkit.testkit.memory.MemoryStore;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.Json;
import io.destkit.testkit.messages.SyncInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-process runner: commands as the platform runs them, output parsed, a listener told as lines are printed. */
class DestinationRunnerTest {
  private static final ConfiguredStream EVENTS = ConfiguredStream.named("events").withFields(field("id", integer()));

  private final DestinationRunner runner = DestinationRunner.inProcess(
      new MemoryDestination(MemoryDestination.Flaw.NONE));
  private final JsonNode config = Json.object("store", "runner-test");

  @AfterEach
  void dropStore() {
    MemoryStore.drop("runner-test");
  }

  @Test
  void specAndCheckGiveTheirMessage() {
    RunResult spec = runner.spec();
    assertEquals(0, spec.exitCode());
    assertEquals("Memory (testkit's own tests)", spec.spec().orElseThrow().at("/connectionSpecification/title")
        .asText());
    RunResult check = runner.check(Json.object());
    assertEquals(0, check.exitCode(), check::toString);
    assertEquals("FAILED", check.connectionStatus().orElseThrow().path("status").asText());
    assertTrue(check.connectionStatus().orElseThrow().path("message").asText().contains("$.store"), check::toString);
  }

  @Test
  void theListenerHearsEachStateWhileTheConnectorRuns() {
    List<Integer> rowsWhenEchoed = new ArrayList<>();
    RunResult result = runner.write(config, ConfiguredCatalog.of(EVENTS), SyncInput.of(
        record(EVENTS, object("id", 1)), streamState(EVENTS, object("id", 1)), record(EVENTS, object("id", 2)),
        streamState(EVENTS, object("id", 2)), streamStatus(EVENTS, COMPLETE)), message -> {
          if ("STATE".equals(message.path("type").asText())) {
            rowsWhenEchoed.add(MemoryStore.named("runner-test").rows(EVENTS.descriptor()).size());
          }
        });
    assertTrue(result.succeeded(), result::toString);
    assertEquals(2, result.states().size());
    assertEquals(List.of(2, 2), rowsWhenEchoed, "the connector commits both records before it echoes");
  }

  @Test
  void whatTheListenerThrowsFailsTheRunAfterTheConnectorEnded() {
    AssertionError error = assertThrows(AssertionError.class, () -> runner.write(config,
        ConfiguredCatalog.of(EVENTS), SyncInput.of(record(EVENTS, object("id", 1)),
            streamState(EVENTS, object("id", 1))), message -> {
              throw new IllegalStateException("listener broke");
            }));
    assertTrue(error.getMessage().startsWith("The output listener failed on line 1 of standard output: "
        + "java.lang.IllegalStateException: listener broke"), error.getMessage());
    assertEquals(1, MemoryStore.named("runner-test").rows(EVENTS.descriptor()).size(), "the write itself went on");
  }

  @Test
  void aFailedWriteHasItsExitCodeAndTraceError() {
    RunResult result = runner.write(config, ConfiguredCatalog.of(EVENTS), SyncInput.of(
        raw("not json")));
    assertEquals(1, result.exitCode());
    assertEquals(1, result.traceErrors().size());
    assertTrue(result.traceErrors().get(0).path("message").asText().contains("Input line 1"), result::toString);
    assertTrue(result.linesThatAreNotMessages().isEmpty());
    assertTrue(result.toString().startsWith("write (in process: " + MemoryDestination.class.getName() + "): exit 1"),
        result::toString);
  }

  @Test
  void linesThatAreNotMessagesAreReported() {
    RunResult result = new RunResult("write", 0, List.of("{\"type\":\"STATE\",\"state\":{}}", "hello", "[1]"), "");
    assertEquals(List.of("hello", "[1]"), result.linesThatAreNotMessages());
    assertEquals(1, result.messages().size());
  }
}

package io.destkit.testkit.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.testkit.ProtocolSchema;
import io.destkit.testkit.harness.RunResult;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.Json;
import io.destkit.testkit.messages.StateMessage;
import io.destkit.testkit.messages.SyncInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * The checks that more than one family of the suite uses. Static, in a class of the package, rather than default
 * methods of {@link SuiteContext}: a default method would become a public member of every author's suite, where it
 * could clash with a helper of the author's own.
 */
final class SuiteChecks {
  static final String TYPECAST = "DESTINATION_TYPECAST_ERROR";
  static final String SIZE_LIMIT = "DESTINATION_FIELD_SIZE_LIMITATION";

  private SuiteChecks() {}

  /** Skips the test, saying why, unless the destination of {@code suite} has {@code feature}. */
  static void requireFeature(SuiteContext suite, DestinationFeatures.Feature feature) {
    Optional<String> why = suite.features().whyNot(feature);
    Assumptions.assumeTrue(why.isEmpty(), () -> why.orElse(""));
  }

  /**
   * Fails, listing every problem, unless the rows of {@code stream} hold the {@code expected} rows and, when
   * {@code onlyThese}, no other.
   */
  static void assertLanded(SuiteContext suite, ConfiguredCatalog catalog, ConfiguredStream stream,
      List<ExpectedRow> expected, boolean onlyThese) {
    List<Map<String, Object>> rows = suite.rows(catalog, stream);
    List<String> problems = new RowCheck(stream).problems(rows, expected, onlyThese);
    if (!problems.isEmpty()) {
      fail("Stream " + stream.descriptor() + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
          + " with what landed (" + rows.size() + " rows read, " + expected.size() + " records expected"
          + (onlyThese ? "" : " among them") + ", connector " + suite.runner().describe() + "):\n  - "
          + String.join("\n  - ", problems));
    }
  }

  static void assertSucceeded(RunResult result) {
    assertTrue(result.succeeded(), () -> "The write should have succeeded (exit 0, no TRACE ERROR)\n" + result);
  }

  /**
   * The write failed as an unfinished sync must (CONTRACT, Messages in): exit 1 and one TRACE ERROR, a
   * {@code system_error} whose message names each of {@code streams}.
   */
  static void assertFailedForIncompleteStreams(RunResult result, List<String> streams) {
    assertEquals(1, result.exitCode(), () -> "A sync with a stream that did not complete must exit 1\n" + result);
    assertEquals(1, result.traceErrors().size(), () -> "Expected exactly one TRACE ERROR\n" + result);
    JsonNode error = result.traceErrors().get(0);
    assertEquals("system_error", error.path("failure_type").asText(), () -> "failure_type\n" + result);
    for (String stream : streams) {
      assertTrue(error.path("message").asText().contains(stream),
          () -> "The TRACE ERROR must name stream '" + stream + "'\n" + result);
    }
  }

  /**
   * Every state of {@code input} echoed once, in order, as sent, with its statistics (CONTRACT, State):
   * {@code destinationStats} with the record count of its scope since its previous state, {@code rejectedRecordCount}
   * and {@code additionalStats.nulledValueCount} / {@code truncatedValueCount} as numbers, and the committed records
   * of its scope so far with their bytes (more than none once a record was committed).
   */
  static void assertStatesEchoed(SuiteContext suite, SyncInput input, RunResult result) {
    if (suite.speedMode()) {
      SpeedModeStates.assertEchoed(input, result);
      return;
    }
    List<StateMessage> sent = input.states();
    List<StateCounts> counts = StateCounts.expected(input);
    List<JsonNode> echoed = result.states();
    assertEquals(sent.size(), echoed.size(), () -> "Each state must be echoed exactly once (" + sent.size()
        + " sent)\n" + result);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      ObjectNode copy = echoed.get(i).deepCopy();
      ObjectNode state = copy.path("state").isObject() ? (ObjectNode) copy.get("state") : null;
      JsonNode stats = state == null ? null : state.remove("destinationStats");
      JsonNode committed = state == null ? null : state.remove("committedRecordsCount");
      JsonNode bytes = state == null ? null : state.remove("committedBytesCount");
      JsonNode expected = Json.parse(sent.get(i).toLine());
      if (!expected.equals(copy)) {
        problems.add("state " + (i + 1) + " was sent as " + Json.write(expected) + " but echoed as "
            + Json.write(echoed.get(i)) + (i > 0 ? " (states must leave in the order they came)" : ""));
      }
      StateCounts count = counts.get(i);
      if (!isCount(stats == null ? null : stats.get("recordCount"), count.sinceState())) {
        problems.add("state " + (i + 1) + " has destinationStats " + stats + ", expected recordCount "
            + count.sinceState());
      }
      for (String pointer : List.of("/rejectedRecordCount", "/additionalStats/nulledValueCount",
          "/additionalStats/truncatedValueCount")) {
        JsonNode value = stats == null ? null : stats.at(pointer);
        if (value == null || !value.isNumber() || value.decimalValue().signum() < 0) {
          problems.add("state " + (i + 1) + " has destinationStats " + stats + ", without a count at " + pointer);
        }
      }
      if (!isCount(committed, count.committed())) {
        problems.add("state " + (i + 1) + " has committedRecordsCount " + committed + ", expected "
            + count.committed());
      } else if (bytes == null || !bytes.isIntegralNumber() || (count.committed() > 0) != (bytes.asLong() > 0)) {
        problems.add("state " + (i + 1) + " has committedBytesCount " + bytes + " for " + count.committed()
            + " committed records");
      }
    }
    assertTrue(problems.isEmpty(), () -> "States are echoed in order, each as received plus its statistics"
        + " (CONTRACT: State):\n  - " + String.join("\n  - ", problems));
  }

  static boolean isCount(JsonNode value, long expected) {
    return value != null && value.isNumber() && value.decimalValue().compareTo(BigDecimal.valueOf(expected)) == 0;
  }

  /** Fails unless every stdout line is a protocol message and no secret of {@code usedConfig} was printed. */
  static void assertProtocolOutput(SuiteContext suite, RunResult result, JsonNode usedConfig) {
    List<String> wrong = result.linesThatAreNotMessages();
    assertTrue(wrong.isEmpty(), () -> "Standard output carries protocol messages only, one JSON object a line"
        + " (CONTRACT: Invocation); these lines are not: " + wrong + "\n" + result);
    ProtocolSchema.locate().ifPresent(protocol -> {
      for (String line : result.stdoutLines()) {
        List<String> problems = protocol.messageLineProblems(line);
        assertTrue(problems.isEmpty(), () -> "Not a valid protocol message: " + problems + "\nLine: " + line);
      }
    });
    for (String secret : Secrets.in(suite.spec().path("connectionSpecification"), usedConfig)) {
      assertFalse(result.allOutput().contains(secret), () -> "A secret of the config was printed (CONTRACT: Spec):"
          + " its value appears in the output of " + result.command());
    }
  }

  /** The ids of rows, as keys ({@link ValueMeaning#key}). */
  static Set<String> ids(List<Map<String, Object>> rows) {
    Set<String> ids = new HashSet<>();
    for (Map<String, Object> row : rows) {
      ids.add(ValueMeaning.key(ValueMeaning.ofLanded(AirbyteType.INTEGER, row.get("id"))));
    }
    return ids;
  }
}

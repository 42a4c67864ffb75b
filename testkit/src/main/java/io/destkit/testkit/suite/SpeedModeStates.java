package io.destkit.testkit.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.testkit.harness.RunResult;
import io.destkit.testkit.messages.Json;
import io.destkit.testkit.messages.StateMessage;
import io.destkit.testkit.messages.SyncInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check of echoed states in speed mode (SPEED-MODE.md, "Checkpoints over several sockets"): the source gave each
 * state its {@code id}, {@code partition_id} and {@code sourceStats}, and states of different sequences (each
 * stream's STREAM states; all other states) may leave in any order between sequences. So each sequence is compared
 * on its own, in order, without those three fields, with the same statistics as on standard input.
 */
final class SpeedModeStates {
  /** The fields the speed-mode source sets on every state. */
  private static final List<String> SOURCE_FIELDS = List.of("id", "partition_id", "sourceStats");

  private SpeedModeStates() {}

  static void assertEchoed(SyncInput input, RunResult result) {
    List<StateMessage> sent = input.states();
    List<StateCounts> counts = StateCounts.expected(input);
    List<JsonNode> echoed = result.states();
    assertEquals(sent.size(), echoed.size(), () -> "Each state must be echoed exactly once (" + sent.size()
        + " sent)\n" + result);
    Map<String, List<Integer>> sentBySequence = new LinkedHashMap<>();
    for (int i = 0; i < sent.size(); i++) {
      sentBySequence.computeIfAbsent(sequence(Json.parse(sent.get(i).toLine())), k -> new ArrayList<>()).add(i);
    }
    Map<String, List<JsonNode>> echoedBySequence = new LinkedHashMap<>();
    for (JsonNode state : echoed) {
      echoedBySequence.computeIfAbsent(sequence(state), k -> new ArrayList<>()).add(state);
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> entry : sentBySequence.entrySet()) {
      List<JsonNode> out = echoedBySequence.getOrDefault(entry.getKey(), List.of());
      for (int n = 0; n < entry.getValue().size(); n++) {
        int i = entry.getValue().get(n);
        if (n >= out.size()) {
          problems.add("state " + (i + 1) + " (" + entry.getKey() + ") was not echoed");
          continue;
        }
        ObjectNode copy = out.get(n).deepCopy();
        ObjectNode state = (ObjectNode) copy.get("state");
        JsonNode stats = state.remove("destinationStats");
        JsonNode committed = state.remove("committedRecordsCount");
        state.remove(SOURCE_FIELDS);
        ObjectNode expected = (ObjectNode) Json.parse(sent.get(i).toLine());
        ((ObjectNode) expected.get("state")).remove(SOURCE_FIELDS);
        state.remove("committedBytesCount");
        if (!expected.equals(copy)) {
          problems.add("state " + (i + 1) + " was sent as " + Json.write(expected) + " but echoed as "
              + Json.write(out.get(n)) + " (the states of one sequence leave in the order they came)");
        }
        if (!SuiteChecks.isCount(stats == null ? null : stats.get("recordCount"), counts.get(i).sinceState())) {
          problems.add("state " + (i + 1) + " has destinationStats " + stats + ", expected recordCount "
              + counts.get(i).sinceState());
        }
        if (!SuiteChecks.isCount(committed, counts.get(i).committed())) {
          problems.add("state " + (i + 1) + " has committedRecordsCount " + committed + ", expected "
              + counts.get(i).committed());
        }
      }
    }
    assertTrue(problems.isEmpty(), () -> "States are echoed in speed mode in the order of their sequence, each as"
        + " received plus its statistics:\n  - " + String.join("\n  - ", problems));
  }

  /** The sequence a state belongs to: its stream for a STREAM state, one for all the others. */
  private static String sequence(JsonNode message) {
    JsonNode state = message.get("state");
    if ("STREAM".equals(state.path("type").asText())) {
      JsonNode descriptor = state.at("/stream/stream_descriptor");
      return "stream " + descriptor.path("namespace").asText("") + "." + descriptor.path("name").asText();
    }
    return "global";
  }
}

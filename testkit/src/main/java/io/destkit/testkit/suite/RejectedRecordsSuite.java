package io.destkit.testkit.suite;

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.integer;
import static io.destkit.testkit.messages.FieldTypes.string;
import static io.destkit.testkit.messages.Json.object;
import static io.destkit.testkit.messages.Messages.raw;
import static io.destkit.testkit.messages.Messages.record;
import static io.destkit.testkit.messages.Messages.streamState;
import static io.destkit.testkit.messages.Messages.streamStatus;
import static io.destkit.testkit.messages.StreamStatus.COMPLETE;
import static io.destkit.testkit.suite.SuiteChecks.assertProtocolOutput;
import static io.destkit.testkit.suite.SuiteChecks.assertSucceeded;
import static io.destkit.testkit.suite.SuiteChecks.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.runtime.files.RotatingJsonLinesWriter;
import io.destkit.runtime.rejected.RejectedRecordsFiles;
import io.destkit.testkit.harness.RunResult;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.Json;
import io.destkit.testkit.messages.SyncInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The tests of the rejected-records option (a config property of the runtime's {@code RejectedRecordsFiles} type,
 * found in the spec by its fields): records that cannot be loaded are set aside with their stream, reason and input
 * line, counted in the states, and the sync goes on. A connector without the option skips them, saying so.
 *
 * <p>{@link DestinationSuite} implements it: a connector's suite extends that class, not this interface.
 */
public interface RejectedRecordsSuite extends SuiteContext {
  /**
   * With the option on, a record whose data is not an object and one whose primary key value does not fit its type are
   * set aside, not loaded; the others land, the sync exits 0, the sink holds each with its stream, reason and input
   * line, and the state counts them: {@code recordCount} 4, {@code rejectedRecordCount} 2, {@code
   * committedRecordsCount} 2.
   */
  @Test
  default void recordsThatCannotBeLoadedAreSetAsideCountedAndTheSyncGoesOn() throws IOException {
    String property = rejectedRecordsProperty(spec()).orElseGet(() -> Assumptions.abort("Skipped: the connector's"
        + " config has no rejected-records property (a RejectedRecordsFiles), so it fails the sync on a record it"
        + " cannot load"));
    Path folder = Files.createTempDirectory("destkit-rejected-");
    ObjectNode config = config().deepCopy();
    config.set(property, object("folder", folder.toString()));
    ConfiguredStream members = ConfiguredStream.named("members")
        .withFields(field("id", integer()), field("name", string())).incremental().withPrimaryKey("id");
    ConfiguredCatalog catalog = ConfiguredCatalog.of(members);
    SyncInput input = SyncInput.of(
        record(members, object("id", 1, "name", "Ada")),
        raw("{\"type\":\"RECORD\",\"record\":{\"stream\":\"members\",\"emitted_at\":1700000000000,"
            + "\"data\":[\"not\",\"an\",\"object\"]}}"),
        record(members, object("id", "M-3", "name", "Grace")),
        record(members, object("id", 4, "name", "Edsger")),
        streamState(members, object("id", 4)).withId(1),
        streamStatus(members, COMPLETE));
    RunResult result = runner().write(config, catalog, input);
    assertProtocolOutput(this, result, config);
    assertSucceeded(result);

    assertEquals(Set.of("1", "4"), ids(rows(catalog, members)), "Only the records that could be loaded land");
    List<JsonNode> rejected = rejectedLines(folder);
    assertEquals(2, rejected.size(), () -> "Both records that cannot be loaded are in the rejected-records files: "
        + rejected);
    List<String> problems = new ArrayList<>();
    expectRejected(problems, rejected.get(0), 2, "JSON object");
    expectRejected(problems, rejected.get(1), 3, "'id'");
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));

    List<JsonNode> states = result.states();
    assertEquals(1, states.size(), () -> "The state is echoed once\n" + result);
    JsonNode state = states.get(0).path("state");
    assertEquals(4, state.at("/destinationStats/recordCount").asInt(-1), () -> "recordCount counts every record"
        + " received, set aside or not: " + state);
    assertEquals(2, state.at("/destinationStats/rejectedRecordCount").asInt(-1), () -> "rejectedRecordCount counts"
        + " the records set aside: " + state);
    assertEquals(2, state.path("committedRecordsCount").asInt(-1), () -> "committedRecordsCount leaves out the"
        + " records set aside: " + state);
  }

  /** Records of the rejected-records files in {@code folder}, oldest file first. */
  private static List<JsonNode> rejectedLines(Path folder) {
    List<JsonNode> lines = new ArrayList<>();
    try {
      for (Path file : RotatingJsonLinesWriter.jsonLinesFiles(folder)) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            lines.add(Json.parse(line));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  private static void expectRejected(List<String> problems, JsonNode entry, long line, String reasonPart) {
    if (!"members".equals(entry.path("stream").asText()) || entry.path("line").asLong() != line
        || !entry.path("reason").asText().contains(reasonPart)
        || !"members".equals(entry.at("/message/record/stream").asText())) {
      problems.add("Expected the record of input line " + line + " of stream members, its reason naming "
          + reasonPart + " and its message kept; got " + entry);
    }
  }

  /**
   * The top-level property of the spec that holds rejected-records settings: an object whose fields are those of the
   * runtime's {@code RejectedRecordsFiles}.
   */
  static Optional<String> rejectedRecordsProperty(JsonNode spec) {
    JsonNode properties = spec.path("connectionSpecification").path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      List<String> names = new ArrayList<>();
      property.getValue().path("properties").fieldNames().forEachRemaining(names::add);
      if (names.equals(RejectedRecordsFiles.JSON_PROPERTIES)) {
        return Optional.of(property.getKey());
      }
    }
    return Optional.empty();
  }
}

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
import static io.destkit.testkit.messages.StreamStatus.STARTED;
import static io.destkit.testkit.suite.SuiteChecks.assertStatesEchoed;
import static io.destkit.testkit.suite.SuiteChecks.requireFeature;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.testkit.harness.RunResult;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.Json;
import io.destkit.testkit.messages.Message;
import io.destkit.testkit.messages.SyncInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tests of robustness: unknown fields and messages, blank lines, an empty stream, a record of 10 MB and a hundred
 * streams do not fail a sync, and a record of a stream the catalog lacks fails it with an error naming the stream.
 * That no run prints a secret of the config is checked on every run, by {@link SuiteContext#write}.
 *
 * <p>{@link DestinationSuite} implements it: a connector's suite extends that class, not this interface.
 */
public interface RobustnessSuite extends SuiteContext {
  /**
   * Fields the schema lacks, unknown fields in the envelope, record and state, unknown message types, LOG and
   * ESTIMATE messages and blank lines never fail a sync; a field the record lacks is null; the unknown fields of a
   * state are echoed back.
   */
  @Test
  default void unknownFieldsAndMessagesDoNotFailTheSync() {
    ConfiguredStream notes = ConfiguredStream.named("notes").withFields(field("id", integer()), field("text",
        string())).incremental();
    ConfiguredCatalog catalog = ConfiguredCatalog.of(notes);
    String stateLine = "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
        + "{\"name\":\"notes\"},\"stream_state\":{\"id\":3},\"future_stream_field\":[1,2]},\"future_state_field\":"
        + "{\"kept\":true},\"id\":77},\"future_message_field\":\"x\"}";
    SyncInput input = SyncInput.of(
        raw("{\"type\":\"SOMETHING_NEW\",\"something_new\":{\"x\":1}}"),
        record(notes, object("id", 1, "text", "a", "unexpected", object("deep", true))),
        raw(""),
        record(notes, object("id", 2, "text", "b")).withUnknownRecordField("file_reference_v2", object("url",
            "s3://bucket/key")).withUnknownMessageField("trace_id", Json.value("abc")),
        raw("{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"from the source\"}}"),
        raw("{\"type\":\"TRACE\",\"trace\":{\"type\":\"ESTIMATE\",\"emitted_at\":1.73227E12,\"estimate\":"
            + "{\"name\":\"notes\",\"type\":\"STREAM\",\"row_estimate\":3}}}"),
        record(notes, object("id", 3)),
        raw("   "),
        raw(stateLine),
        streamStatus(notes, COMPLETE));
    RunResult result = writeSuccessfully(catalog, input);
    assertEquals(1, result.states().size(), () -> "the state should be echoed\n" + result);
    ObjectNode echoed = result.states().get(0).deepCopy();
    JsonNode stats = ((ObjectNode) echoed.get("state")).remove("destinationStats");
    ((ObjectNode) echoed.get("state")).remove(List.of("committedRecordsCount", "committedBytesCount"));
    assertEquals(Json.parse(stateLine), echoed, () -> "A state is echoed with every field as received, unknown ones"
        + " included (CONTRACT: State)\n" + result);
    assertEquals(3, stats == null ? -1 : stats.path("recordCount").asLong(-1), () -> "recordCount\n" + result);
    assertLandedExactly(catalog, notes, input.records());
  }

  /** A stream without records beside one with records: the sync succeeds and the empty stream lands no row. */
  @Test
  default void anEmptyStreamBesideAFullOneSucceeds() {
    ConfiguredStream empty = ConfiguredStream.named("empty_stream").withFields(field("id", integer()));
    ConfiguredStream full = ConfiguredStream.named("full_stream").withFields(field("id", integer()), field("text",
        string()));
    ConfiguredCatalog catalog = ConfiguredCatalog.of(empty, full);
    SyncInput input = SyncInput.of(streamStatus(empty, STARTED), streamStatus(full, STARTED),
        record(full, object("id", 1, "text", "only me")), streamStatus(empty, COMPLETE), streamStatus(full, COMPLETE));
    writeSuccessfully(catalog, input);
    assertLandedExactly(catalog, empty, List.of());
    assertLandedExactly(catalog, full, input.records(full));
  }

  /** A record of 10 MB (one text field) lands whole, and the record after it too. */
  @Test
  default void aTenMegabyteRecordLands() {
    requireFeature(this, DestinationFeatures.Feature.LARGE_RECORDS);
    ConfiguredStream large = ConfiguredStream.named("large").withFields(field("id", integer()), field("body",
        string()));
    String body = "0123456789abcdef".repeat(10 * 1024 * 1024 / 16 - 1) + "the end of it...";
    ConfiguredCatalog catalog = ConfiguredCatalog.of(large);
    SyncInput input = SyncInput.of(record(large, object("id", 1, "body", body)),
        record(large, object("id", 2, "body", "small")), streamState(large, object("id", 2)),
        streamStatus(large, COMPLETE));
    RunResult result = writeSuccessfully(catalog, input);
    assertStatesEchoed(this, input, result);
    assertLandedExactly(catalog, large, input.records());
  }

  /** One sync of 100 streams: every stream lands its own rows, every state is echoed with its count. */
  @Test
  default void aHundredStreamsLandInOneSync() {
    List<ConfiguredStream> streams = new ArrayList<>();
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ConfiguredStream stream = ConfiguredStream.named(String.format("stream_%03d", i))
          .withFields(field("id", integer()), field("name", string())).incremental();
      streams.add(stream);
      messages.add(streamStatus(stream, STARTED));
    }
    for (ConfiguredStream stream : streams) {
      messages.add(record(stream, object("id", 1, "name", stream.name() + " first")));
      messages.add(record(stream, object("id", 2, "name", stream.name() + " second")));
      messages.add(streamState(stream, object("id", 2)));
    }
    for (ConfiguredStream stream : streams) {
      messages.add(streamStatus(stream, COMPLETE));
    }
    ConfiguredCatalog catalog = ConfiguredCatalog.of(streams);
    SyncInput input = SyncInput.of(messages);
    RunResult result = writeSuccessfully(catalog, input);
    assertStatesEchoed(this, input, result);
    for (ConfiguredStream stream : streams) {
      assertLandedExactly(catalog, stream, input.records(stream));
    }
  }

  /** A record of a stream the catalog does not have fails the sync with a TRACE ERROR that names the stream. */
  @Test
  default void aRecordOfAStreamNotInTheCatalogFailsTheSyncNamingIt() {
    ConfiguredStream known = ConfiguredStream.named("known").withFields(field("id", integer()));
    ConfiguredStream stranger = ConfiguredStream.named("not_in_the_catalog").withFields(field("id", integer()));
    RunResult result = write(ConfiguredCatalog.of(known), SyncInput.of(record(known, object("id", 1)),
        record(stranger, object("id", 1))));
    assertNotEquals(0, result.exitCode(), () -> "a record of an unknown stream must fail the sync\n" + result);
    assertEquals(1, result.traceErrors().size(), () -> "expected one TRACE ERROR\n" + result);
    String message = result.traceErrors().get(0).path("message").asText();
    assertTrue(message.contains("not_in_the_catalog"), () -> "The error should name the stream (CONTRACT: Messages"
        + " in): \"" + message + "\"");
  }
}

package io.destkit.testkit.suite;

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.integer;
import static io.destkit.testkit.messages.FieldTypes.number;
import static io.destkit.testkit.messages.FieldTypes.string;
import static io.destkit.testkit.messages.Json.object;
import static io.destkit.testkit.messages.Messages.DEFAULT_EMITTED_AT;
import static io.destkit.testkit.messages.Messages.globalState;
import static io.destkit.testkit.messages.Messages.legacyState;
import static io.destkit.testkit.messages.Messages.raw;
import static io.destkit.testkit.messages.Messages.record;
import static io.destkit.testkit.messages.Messages.streamState;
import static io.destkit.testkit.messages.Messages.streamStatus;
import static io.destkit.testkit.messages.Messages.untypedState;
import static io.destkit.testkit.messages.StreamStatus.COMPLETE;
import static io.destkit.testkit.messages.StreamStatus.INCOMPLETE;
import static io.destkit.testkit.messages.StreamStatus.STARTED;
import static io.destkit.testkit.suite.SuiteChecks.assertFailedForIncompleteStreams;
import static io.destkit.testkit.suite.SuiteChecks.assertLanded;
import static io.destkit.testkit.suite.SuiteChecks.assertStatesEchoed;
import static io.destkit.testkit.suite.SuiteChecks.assertSucceeded;
import static io.destkit.testkit.suite.SuiteChecks.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.destkit.testkit.harness.RunResult;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.Message;
import io.destkit.testkit.messages.RecordMessage;
import io.destkit.testkit.messages.SyncInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tests of checkpoints: each state is echoed once, in the order received, every field kept, with the count of its
 * records, and only once those records can be read back; also when the input breaks off or holds no record.
 *
 * <p>{@link DestinationSuite} implements it: a connector's suite extends that class, not this interface.
 */
public interface CheckpointSuite extends SuiteContext {
  /**
   * STREAM states are echoed once each, in the order received, every field kept (the platform's {@code id} and the
   * source's {@code sourceStats} included), with {@code destinationStats.recordCount}: the records of that stream
   * since its previous state.
   */
  @Test
  default void streamStatesAreEchoedInOrderWithTheirRecordCounts() {
    ConfiguredStream orders = ConfiguredStream.named("orders").withFields(field("id", integer()), field("total",
        number())).incremental().withCursor("id");
    ConfiguredStream payments = ConfiguredStream.named("payments").withFields(field("id", integer()),
        field("amount", number())).incremental().withCursor("id");
    ConfiguredCatalog catalog = ConfiguredCatalog.of(orders, payments);
    SyncInput input = SyncInput.of(
        streamStatus(orders, STARTED),
        streamStatus(payments, STARTED),
        record(orders, object("id", 1, "total", 10)),
        record(orders, object("id", 2, "total", 20)),
        streamState(orders, object("id", 2)).withId(1).withSourceRecordCount(2),
        record(payments, object("id", 1, "amount", 5)),
        record(orders, object("id", 3, "total", 30)),
        streamState(payments, object("id", 1)).withId(2).withSourceRecordCount(1),
        streamState(orders, object("id", 3)).withId(3).withSourceRecordCount(1),
        streamState(orders, object("id", 3)).withId(4).withSourceRecordCount(0),
        record(payments, object("id", 2, "amount", 6)),
        record(payments, object("id", 3, "amount", 7)),
        streamState(payments, object("id", 3, "note", "a state may hold anything")).withId(5),
        streamStatus(orders, COMPLETE),
        streamStatus(payments, COMPLETE));
    RunResult result = writeSuccessfully(catalog, input);
    assertStatesEchoed(this, input, result);
    assertLandedExactly(catalog, orders, input.records(orders));
    assertLandedExactly(catalog, payments, input.records(payments));
  }

  /**
   * GLOBAL states, LEGACY states and states without a type are echoed in order, every field kept, each with the
   * count of all records since the previous state.
   */
  @Test
  default void globalAndLegacyStatesAreEchoedWithTheirRecordCounts() {
    ConfiguredStream users = ConfiguredStream.named("users").withFields(field("id", integer()), field("name",
        string())).incremental();
    ConfiguredStream groups = ConfiguredStream.named("groups").withFields(field("id", integer()), field("name",
        string())).incremental();
    ConfiguredCatalog catalog = ConfiguredCatalog.of(users, groups);
    SyncInput global = SyncInput.of(
        record(users, object("id", 1, "name", "Ada")),
        record(groups, object("id", 1, "name", "admins")),
        globalState(object("lsn", 100), users, groups).withId(11).withSourceRecordCount(2),
        record(users, object("id", 2, "name", "Grace")),
        globalState(object("lsn", 101), users, groups).withId(12),
        globalState(object("lsn", 101), users, groups).withId(13),
        streamStatus(users, COMPLETE),
        streamStatus(groups, COMPLETE));
    RunResult globalRun = writeSuccessfully(catalog, global);
    assertStatesEchoed(this, global, globalRun);

    SyncInput legacy = SyncInput.of(
        record(users, object("id", 3, "name", "Linus")),
        legacyState(object("users", object("cursor", 3))),
        record(groups, object("id", 2, "name", "editors")),
        record(users, object("id", 4, "name", "Barbara")),
        untypedState(object("users", object("cursor", 4), "groups", object("cursor", 2))).withId(14),
        untypedState(object("users", object("cursor", 4), "groups", object("cursor", 2))),
        streamStatus(users, COMPLETE),
        streamStatus(groups, COMPLETE));
    RunResult legacyRun = writeSuccessfully(catalog, legacy);
    assertStatesEchoed(this, legacy, legacyRun);
    List<RecordMessage> allUsers = new ArrayList<>(global.records(users));
    allUsers.addAll(legacy.records(users));
    assertLandedExactly(catalog, users, allUsers);
  }

  /**
   * When a state is echoed, every record before it can already be read from the destination: the connector
   * committed them first. The suite reads the destination at the moment each state is printed.
   */
  @Test
  default void eachStateIsEchoedOnlyOnceItsRecordsCanBeRead() {
    ConfiguredStream events = ConfiguredStream.named("events").withFields(field("id", integer()),
        field("kind", string())).incremental().withCursor("id");
    ConfiguredCatalog catalog = ConfiguredCatalog.of(events);
    List<Message> messages = new ArrayList<>();
    List<Set<String>> idsBeforeEachState = new ArrayList<>();
    Set<String> sent = new HashSet<>();
    messages.add(streamStatus(events, STARTED));
    int id = 0;
    for (int batch = 1; batch <= 3; batch++) {
      for (int i = 0; i < 4 - batch; i++) {
        id++;
        messages.add(record(events, object("id", id, "kind", "click"), DEFAULT_EMITTED_AT + id));
        sent.add(ValueMeaning.key(BigDecimal.valueOf(id)));
      }
      messages.add(streamState(events, object("id", id)).withId(batch));
      idsBeforeEachState.add(new HashSet<>(sent));
    }
    messages.add(streamStatus(events, COMPLETE));
    List<String> early = Collections.synchronizedList(new ArrayList<>());
    List<Integer> echoed = Collections.synchronizedList(new ArrayList<>());
    RunResult result = write(catalog, SyncInput.of(messages), message -> {
      if (!"STATE".equals(message.path("type").asText())) {
        return;
      }
      int index = echoed.size();
      echoed.add(index);
      if (index >= idsBeforeEachState.size()) {
        return;
      }
      Set<String> readable = ids(rows(catalog, events));
      Set<String> missing = new HashSet<>(idsBeforeEachState.get(index));
      missing.removeAll(readable);
      if (!missing.isEmpty()) {
        early.add("state " + (index + 1) + " (" + message.path("state").path("stream").path("stream_state")
            + ") was echoed while " + missing.size() + " of the " + idsBeforeEachState.get(index).size()
            + " records before it could not be read back yet");
      }
    });
    assertSucceeded(result);
    assertEquals(3, echoed.size(), () -> "expected the 3 states echoed\n" + result);
    assertTrue(early.isEmpty(), () -> "A state must be echoed only after every record before it is committed"
        + " (CONTRACT: State): " + early);
  }

  /**
   * A sync whose input breaks off (a line cut in the middle) after a state fails with one TRACE ERROR, but still
   * echoes that state with its count, and the records before it can be read: the next sync resumes from there.
   */
  @Test
  default void aSyncCutOffAfterAStateKeepsThatStateAndItsRecords() {
    ConfiguredStream events = ConfiguredStream.named("events").withFields(field("id", integer()),
        field("kind", string())).incremental().withCursor("id");
    ConfiguredCatalog catalog = ConfiguredCatalog.of(events);
    SyncInput input = SyncInput.of(
        streamStatus(events, STARTED),
        record(events, object("id", 1, "kind", "view")),
        record(events, object("id", 2, "kind", "click")),
        record(events, object("id", 3, "kind", "view")),
        streamState(events, object("id", 3)).withId(1),
        record(events, object("id", 4, "kind", "click")),
        raw("{\"type\":\"RECORD\",\"record\":{\"stream\":\"events\",\"data\":{\"id\":5,\"ki"));
    RunResult result = write(catalog, input);
    assertNotEquals(0, result.exitCode(), () -> "input that breaks off mid-line must fail the sync\n" + result);
    assertEquals(1, result.traceErrors().size(), () -> "expected one TRACE ERROR (CONTRACT: Invocation)\n" + result);
    assertEquals(1, result.states().size(), () -> "The state before the break must be echoed: its records are"
        + " complete, so the platform can resume from it\n" + result);
    assertEquals(3, result.states().get(0).at("/state/destinationStats/recordCount").asLong(-1),
        () -> "recordCount of the state\n" + result);
    assertLanded(this, catalog, events, ExpectedRow.of(events, input.records(events).subList(0, 3)), false);
  }

  /** A sync with no input at all, or with only a state, succeeds; the state is echoed with a count of 0. */
  @Test
  default void anEmptySyncSucceedsAndEchoesItsStates() {
    ConfiguredStream quiet = ConfiguredStream.named("quiet").withFields(field("id", integer()), field("text",
        string())).incremental();
    ConfiguredCatalog catalog = ConfiguredCatalog.of(quiet);
    RunResult nothing = writeSuccessfully(catalog, SyncInput.of(streamStatus(quiet, COMPLETE)));
    assertTrue(nothing.states().isEmpty(), () -> "no state came in, none may go out\n" + nothing);
    SyncInput onlyState = SyncInput.of(streamState(quiet, object("cursor", null)).withId(1),
        streamStatus(quiet, COMPLETE));
    RunResult result = writeSuccessfully(catalog, onlyState);
    assertStatesEchoed(this, onlyState, result);
    assertLandedExactly(catalog, quiet, List.of());
  }

  /**
   * A sync whose input ends before a stream completes fails (CONTRACT, Messages in): the records that arrived are
   * committed and their states echoed, so a retry resumes from them, then one TRACE ERROR names every stream that did
   * not complete, a stream of the catalog that received nothing at all among them, and the write exits 1.
   */
  @Test
  default void aStreamThatNeverCompletesFailsTheSyncAfterItsRecordsAreCommitted() {
    ConfiguredStream done = ConfiguredStream.named("done").withFields(field("id", integer())).incremental();
    ConfiguredStream cut = ConfiguredStream.named("cut").withFields(field("id", integer())).incremental();
    ConfiguredStream silent = ConfiguredStream.named("silent").withFields(field("id", integer())).incremental();
    ConfiguredCatalog catalog = ConfiguredCatalog.of(done, cut, silent);
    SyncInput input = SyncInput.of(
        record(done, object("id", 1)),
        record(cut, object("id", 1)),
        streamState(cut, object("cursor", 1)).withId(1),
        streamStatus(done, COMPLETE),
        record(cut, object("id", 2)),
        streamState(cut, object("cursor", 2)).withId(2));
    RunResult result = write(catalog, input);
    assertFailedForIncompleteStreams(result, List.of("cut", "silent"));
    assertFalse(result.traceErrors().get(0).path("message").asText()
        .contains("done"), () -> "only the streams that did not complete are named\n" + result);
    assertStatesEchoed(this, input, result);
    assertLandedExactly(catalog, done, input.records(done));
    assertLandedExactly(catalog, cut, input.records(cut));
  }

  /** A stream the source ends INCOMPLETE fails the sync alike, its records committed and its states echoed. */
  @Test
  default void anIncompleteStreamFailsTheSyncAfterItsRecordsAreCommitted() {
    ConfiguredStream broken = ConfiguredStream.named("broken").withFields(field("id", integer())).incremental();
    ConfiguredCatalog catalog = ConfiguredCatalog.of(broken);
    SyncInput input = SyncInput.of(
        streamStatus(broken, STARTED),
        record(broken, object("id", 1)),
        streamState(broken, object("cursor", 1)).withId(1),
        streamStatus(broken, INCOMPLETE));
    RunResult result = write(catalog, input);
    assertFailedForIncompleteStreams(result, List.of("broken"));
    assertStatesEchoed(this, input, result);
    assertLandedExactly(catalog, broken, input.records(broken));
  }
}

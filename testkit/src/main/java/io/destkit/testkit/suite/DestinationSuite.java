package io.destkit.testkit.suite;

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.anyOf;
import static io.destkit.testkit.messages.FieldTypes.anything;
import static io.destkit.testkit.messages.FieldTypes.arrayOf;
import static io.destkit.testkit.messages.FieldTypes.bigNumber;
import static io.destkit.testkit.messages.FieldTypes.binary;
import static io.destkit.testkit.messages.FieldTypes.bool;
import static io.destkit.testkit.messages.FieldTypes.date;
import static io.destkit.testkit.messages.FieldTypes.integer;
import static io.destkit.testkit.messages.FieldTypes.nullable;
import static io.destkit.testkit.messages.FieldTypes.number;
import static io.destkit.testkit.messages.FieldTypes.numberAsInteger;
import static io.destkit.testkit.messages.FieldTypes.object;
import static io.destkit.testkit.messages.FieldTypes.oneOf;
import static io.destkit.testkit.messages.FieldTypes.schemalessArray;
import static io.destkit.testkit.messages.FieldTypes.schemalessObject;
import static io.destkit.testkit.messages.FieldTypes.string;
import static io.destkit.testkit.messages.FieldTypes.timeWithTimezone;
import static io.destkit.testkit.messages.FieldTypes.timeWithoutTimezone;
import static io.destkit.testkit.messages.FieldTypes.timestampWithTimezone;
import static io.destkit.testkit.messages.FieldTypes.timestampWithoutTimezone;
import static io.destkit.testkit.messages.FieldTypes.typeUnion;
import static io.destkit.testkit.messages.Json.array;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.testkit.Draft07Validator;
import io.destkit.testkit.ProtocolSchema;
import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.harness.OutputListener;
import io.destkit.testkit.harness.RunResult;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.Field;
import io.destkit.testkit.messages.FieldTypes.WellKnown;
import io.destkit.testkit.messages.Json;
import io.destkit.testkit.messages.Message;
import io.destkit.testkit.messages.RecordMessage;
import io.destkit.testkit.messages.StateMessage;
import io.destkit.testkit.messages.SyncInput;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The standard destination test suite: one named test per behaviour of CONTRACT.md, run against a connector the way
 * the platform runs it. Extend it with a JUnit 5 class that says how to run the connector, how to get a fresh
 * destination, and how to read back what landed:
 *
 * <pre>{@code
 * class WarehouseSuiteTest extends DestinationSuite {
 *   @TempDir Path dir;
 *
 *   protected DestinationRunner connector() {
 *     return DestinationRunner.inProcess(new WarehouseDestinationMain());
 *   }
 *
 *   protected JsonNode freshConfig() {
 *     return Json.object("path", dir.resolve(UUID.randomUUID() + ".db").toString());
 *   }
 *
 *   protected DestinationReader reader(JsonNode config) {
 *     return new WarehouseReader(config);
 *   }
 * }
 * }</pre>
 *
 * <p>What the connector supports comes from its spec ({@link #features(JsonNode)}); tests of modes or features it
 * lacks are reported as skipped, with the reason. Each test gets its own destination: {@link #freshConfig()} is called
 * once per test that writes or checks, and {@link #cleanUp(JsonNode)} after it. Every line a connector prints is
 * checked to be a protocol message (against the Airbyte protocol's schema when {@link ProtocolSchema#locate()} finds
 * it), and no secret of the config may appear in anything it prints.
 *
 * <p>One instance runs all tests of the class ({@link TestInstance.Lifecycle#PER_CLASS}), so a subclass may keep a
 * server or a login in a field. Tests run one at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DestinationSuite {
  private static final String TYPECAST = "DESTINATION_TYPECAST_ERROR";
  private static final String SIZE_LIMIT = "DESTINATION_FIELD_SIZE_LIMITATION";

  private DestinationRunner runner;
  private JsonNode spec;
  private DestinationFeatures features;
  private JsonNode config;
  private DestinationReader reader;

  // ---------------------------------------------------------------------------------------------------------------
  // What the connector's author supplies

  /**
   * How to run the connector: {@code DestinationRunner.inProcess(new MyDestinationMain())} (fast) or
   * {@code DestinationRunner.childProcess(jar)} (exactly as the platform). Called once.
   */
  protected abstract DestinationRunner connector();

  /**
   * The config of a destination no test has written to: a new file, a new schema or a new database. Called once per
   * test that needs a destination, before anything runs against it.
   */
  protected abstract JsonNode freshConfig() throws Exception;

  /** What reads back the destination {@code config} points at. Called at most once per test, after the config. */
  protected abstract DestinationReader reader(JsonNode config) throws Exception;

  /**
   * A config that the spec accepts but with which the destination cannot work: a wrong password, a folder that does
   * not exist. {@code workingConfig} is this test's fresh config, to change. By default none, and the test of
   * {@code check} on such a config is skipped.
   */
  protected Optional<JsonNode> unusableConfig(JsonNode workingConfig) {
    return Optional.empty();
  }

  /**
   * What the connector supports. By default the modes its spec lists, and every other feature; override to declare
   * what it lacks, e.g. {@code DestinationFeatures.fromSpec(spec).without(Feature.NAMESPACES, "one folder only")}.
   */
  protected DestinationFeatures features(JsonNode spec) {
    return DestinationFeatures.fromSpec(spec);
  }

  /** Removes what one test created, given its config: called after each test that asked for a destination. */
  protected void cleanUp(JsonNode config) throws Exception {}

  // ---------------------------------------------------------------------------------------------------------------
  // For the tests, the suite's and an author's own

  /** The runner of {@link #connector()}. */
  protected final DestinationRunner runner() {
    if (runner == null) {
      runner = connector();
    }
    return runner;
  }

  /** The connector's ConnectorSpecification (the SPEC message's {@code spec}), read once. */
  protected final JsonNode spec() {
    if (spec == null) {
      RunResult result = runner().spec();
      spec = result.spec().orElseThrow(() -> new AssertionError("spec printed no SPEC message\n" + result));
    }
    return spec;
  }

  /** What the connector supports: {@link #features(JsonNode)} of its spec. */
  protected final DestinationFeatures features() {
    if (features == null) {
      features = features(spec());
    }
    return features;
  }

  /** This test's destination: its config, made by {@link #freshConfig()} on first use. */
  protected final JsonNode config() {
    if (config == null) {
      try {
        config = freshConfig();
      } catch (Exception e) {
        throw new AssertionError("freshConfig() failed: " + e, e);
      }
    }
    return config;
  }

  /** Runs {@code write} of {@code input} against this test's destination; checks its output is protocol only. */
  protected final RunResult write(ConfiguredCatalog catalog, SyncInput input) {
    return write(catalog, input, OutputListener.NONE);
  }

  /** Like {@link #write(ConfiguredCatalog, SyncInput)}, telling {@code listener} each message as it is printed. */
  protected final RunResult write(ConfiguredCatalog catalog, SyncInput input, OutputListener listener) {
    RunResult result = runner().write(config(), catalog, input, listener);
    assertProtocolOutput(result, config());
    return result;
  }

  /** Runs {@code write} and fails unless it exits 0 without a TRACE ERROR. */
  protected final RunResult writeSuccessfully(ConfiguredCatalog catalog, SyncInput input) {
    RunResult result = write(catalog, input);
    assertSucceeded(result);
    return result;
  }

  /** The rows of {@code stream} in this test's destination now (see {@link DestinationReader#rows}). */
  protected final List<Map<String, Object>> rows(ConfiguredCatalog catalog, ConfiguredStream stream) {
    try {
      if (reader == null) {
        reader = reader(config());
      }
      return reader.rows(catalog, stream);
    } catch (Exception e) {
      throw new AssertionError("Reading back stream " + stream.descriptor() + " failed: " + e, e);
    }
  }

  /**
   * Fails, listing every difference, unless the rows of {@code stream} are exactly {@code records} (sent with
   * {@code stream} as configured), matched by primary key or {@code id}, every field and Airbyte column compared.
   */
  protected final void assertLandedExactly(ConfiguredCatalog catalog, ConfiguredStream stream,
      List<RecordMessage> records) {
    assertLanded(catalog, stream, ExpectedRow.of(stream, records), true);
  }

  /** Closes this test's reader and calls {@link #cleanUp(JsonNode)} with its config, if it had one. */
  @AfterEach
  protected final void releaseTheDestination() throws Exception {
    try {
      if (reader != null) {
        reader.close();
      }
    } finally {
      reader = null;
      if (config != null) {
        JsonNode used = config;
        config = null;
        cleanUp(used);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // spec and check

  /** spec prints one SPEC message, valid against the protocol, whose connectionSpecification is valid draft-07. */
  @Test
  public void specIsValidAgainstTheProtocol() {
    ProtocolSchema protocol = ProtocolSchema.require();
    RunResult result = runner().spec();
    assertEquals(0, result.exitCode(), () -> "spec must exit 0\n" + result);
    assertEquals(1, result.stdoutLines().size(), () -> "spec must print exactly one line, the SPEC message\n" + result);
    protocol.assertValidMessageLine(result.stdoutLines().get(0));
    JsonNode printed = result.spec().orElseThrow(() -> new AssertionError("no SPEC message\n" + result));
    Draft07Validator.assertValidSchema(printed.path("connectionSpecification"));
    assertTrue(printed.path("documentationUrl").isTextual(), () -> "the spec has no documentationUrl: " + printed);
    assertTrue(printed.path("supported_destination_sync_modes").size() > 0,
        () -> "the spec lists no supported_destination_sync_modes: " + printed);
  }

  /** check on a working config (which the spec accepts) prints CONNECTION_STATUS SUCCEEDED and exits 0. */
  @Test
  public void checkSucceedsWithAWorkingConfig() {
    List<String> problems = Draft07Validator.problems(spec().path("connectionSpecification"), config());
    assertTrue(problems.isEmpty(), () -> "The suite's fresh config does not match the connector's spec: " + problems);
    RunResult result = runner().check(config());
    assertProtocolOutput(result, config());
    assertEquals(0, result.exitCode(), () -> "check must exit 0\n" + result);
    JsonNode status = connectionStatus(result);
    assertEquals("SUCCEEDED", status.path("status").asText(), () -> "check failed on a working config\n" + result);
  }

  /**
   * check on a config the spec refuses (a required property left out) prints CONNECTION_STATUS FAILED, naming the
   * property, and exits 0.
   */
  @Test
  public void checkFailsClearlyOnAConfigTheSpecRefuses() {
    JsonNode required = spec().path("connectionSpecification").path("required");
    Assumptions.assumeTrue(required.size() > 0 && config().isObject(),
        "Skipped: the spec requires no top-level property, so the suite cannot make a config it refuses");
    String missing = required.get(0).asText();
    ObjectNode refused = config().deepCopy();
    refused.remove(missing);
    RunResult result = runner().check(refused);
    assertProtocolOutput(result, refused);
    assertEquals(0, result.exitCode(), () -> "check must exit 0 when the config is wrong (CONTRACT: Invocation)\n"
        + result);
    JsonNode status = connectionStatus(result);
    assertEquals("FAILED", status.path("status").asText(), () -> "check passed without '" + missing + "'\n" + result);
    String message = status.path("message").asText("");
    assertTrue(message.contains(missing), () -> "The message should name the missing property '" + missing
        + "', so that a person can fix it: \"" + message + "\"");
  }

  /**
   * check on a config with which the destination cannot work prints CONNECTION_STATUS FAILED with a message for a
   * person (no stack trace), exits 0, and never prints a secret of the config.
   */
  @Test
  public void checkFailsClearlyWhenTheDestinationCannotBeUsed() {
    Optional<JsonNode> unusable = unusableConfig(config().deepCopy());
    Assumptions.assumeTrue(unusable.isPresent(), "Skipped: no unusable config; override unusableConfig(...) to return"
        + " one (a wrong password, a folder that does not exist) and this test checks that check fails clearly");
    RunResult result = runner().check(unusable.get());
    assertProtocolOutput(result, unusable.get());
    assertEquals(0, result.exitCode(), () -> "check must exit 0 when the destination refuses the config"
        + " (CONTRACT: Invocation)\n" + result);
    JsonNode status = connectionStatus(result);
    assertEquals("FAILED", status.path("status").asText(), () -> "check passed on an unusable config\n" + result);
    String message = status.path("message").asText("");
    assertFalse(message.isBlank(), () -> "FAILED without a message\n" + result);
    assertFalse(message.contains("\tat ") || message.contains("\n\tat"), () -> "The message should speak to a person,"
        + " not hold a stack trace: \"" + message + "\"");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // write: records and states

  /** Records land with every field, and each row has its raw id, extraction time, meta and generation. */
  @Test
  public void writeLandsEveryRecordWithEveryField() {
    ConfiguredStream customers = ConfiguredStream.named("customers")
        .withFields(field("id", integer()), field("name", string()), field("email", string()),
            field("signed_up", timestampWithTimezone()), field("balance", number()), field("vip", bool()))
        .withGeneration(3, 0)
        .withSyncId(42);
    ConfiguredCatalog catalog = ConfiguredCatalog.of(customers);
    SyncInput input = SyncInput.of(
        streamStatus(customers, STARTED),
        record(customers, object("id", 1, "name", "Ada", "email", "ada@example.com",
            "signed_up", "2024-03-01T09:30:00Z", "balance", new BigDecimal("12.50"), "vip", true), DEFAULT_EMITTED_AT),
        record(customers, object("id", 2, "name", "Grace", "email", "grace@example.com",
            "signed_up", "2024-03-02T10:00:00+02:00", "balance", 0, "vip", false), DEFAULT_EMITTED_AT + 1),
        record(customers, object("id", 3, "name", "Linus", "email", null,
            "signed_up", "2024-03-03T23:59:59.999Z", "balance", new BigDecimal("-7.25"), "vip", null),
            DEFAULT_EMITTED_AT + 2),
        streamState(customers, object("cursor", 3)),
        streamStatus(customers, COMPLETE));
    writeSuccessfully(catalog, input);
    assertLandedExactly(catalog, customers, input.records(customers));
  }

  /**
   * STREAM states are echoed once each, in the order received, every field kept (the platform's {@code id} and the
   * source's {@code sourceStats} included), with {@code destinationStats.recordCount}: the records of that stream
   * since its previous state.
   */
  @Test
  public void streamStatesAreEchoedInOrderWithTheirRecordCounts() {
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
    assertStatesEchoed(input, result);
    assertLandedExactly(catalog, orders, input.records(orders));
    assertLandedExactly(catalog, payments, input.records(payments));
  }

  /**
   * GLOBAL states, LEGACY states and states without a type are echoed in order, every field kept, each with the
   * count of all records since the previous state.
   */
  @Test
  public void globalAndLegacyStatesAreEchoedWithTheirRecordCounts() {
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
    assertStatesEchoed(global, globalRun);

    SyncInput legacy = SyncInput.of(
        record(users, object("id", 3, "name", "Linus")),
        legacyState(object("users", object("cursor", 3))),
        record(groups, object("id", 2, "name", "editors")),
        record(users, object("id", 4, "name", "Barbara")),
        untypedState(object("users", object("cursor", 4), "groups", object("cursor", 2))).withId(14),
        untypedState(object("users", object("cursor", 4), "groups", object("cursor", 2))));
    RunResult legacyRun = writeSuccessfully(catalog, legacy);
    assertStatesEchoed(legacy, legacyRun);
    List<RecordMessage> allUsers = new ArrayList<>(global.records(users));
    allUsers.addAll(legacy.records(users));
    assertLandedExactly(catalog, users, allUsers);
  }

  /**
   * When a state is echoed, every record before it can already be read from the destination: the connector
   * committed them first. The suite reads the destination at the moment each state is printed.
   */
  @Test
  public void eachStateIsEchoedOnlyOnceItsRecordsCanBeRead() {
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
  public void aSyncCutOffAfterAStateKeepsThatStateAndItsRecords() {
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
    assertLanded(catalog, events, ExpectedRow.of(events, input.records(events).subList(0, 3)), false);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // sync modes

  /** append adds the rows of each sync to those already there, each with the sync id of its own sync. */
  @Test
  public void appendAddsToTheRowsOfEarlierSyncs() {
    requireMode(DestinationSyncMode.APPEND);
    ConfiguredStream first = ConfiguredStream.named("visits").withFields(field("id", integer()), field("page",
        string())).append().withSyncId(1);
    ConfiguredStream second = first.withSyncId(2);
    SyncInput sync1 = SyncInput.of(record(first, object("id", 1, "page", "/")),
        record(first, object("id", 2, "page", "/docs")), streamStatus(first, COMPLETE));
    SyncInput sync2 = SyncInput.of(record(second, object("id", 3, "page", "/")),
        record(second, object("id", 4, "page", "/pricing")), streamStatus(second, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(first), sync1);
    writeSuccessfully(ConfiguredCatalog.of(second), sync2);
    List<ExpectedRow> expected = new ArrayList<>(ExpectedRow.of(first, sync1.records()));
    expected.addAll(ExpectedRow.of(second, sync2.records()));
    assertLanded(ConfiguredCatalog.of(second), second, expected, true);
  }

  /**
   * overwrite replaces a stream's rows with those of the latest sync once the stream ends COMPLETE, also with no
   * rows at all.
   */
  @Test
  public void overwriteReplacesTheRowsWhenTheStreamEndsComplete() {
    requireMode(DestinationSyncMode.OVERWRITE);
    ConfiguredStream products = ConfiguredStream.named("products").withFields(field("id", integer()), field("name",
        string())).overwrite().withGeneration(1, 1).withSyncId(1);
    SyncInput sync1 = SyncInput.of(record(products, object("id", 1, "name", "kettle")),
        record(products, object("id", 2, "name", "teapot")), record(products, object("id", 3, "name", "cup")),
        streamStatus(products, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(products), sync1);
    assertLandedExactly(ConfiguredCatalog.of(products), products, sync1.records());

    ConfiguredStream again = products.withGeneration(2, 2).withSyncId(2);
    SyncInput sync2 = SyncInput.of(record(again, object("id", 4, "name", "mug")),
        record(again, object("id", 5, "name", "saucer")), streamState(again, object("page", "end")),
        streamStatus(again, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(again), sync2);
    assertLandedExactly(ConfiguredCatalog.of(again), again, sync2.records());

    ConfiguredStream emptied = products.withGeneration(3, 3).withSyncId(3);
    writeSuccessfully(ConfiguredCatalog.of(emptied), SyncInput.of(streamStatus(emptied, STARTED),
        streamStatus(emptied, COMPLETE)));
    assertLandedExactly(ConfiguredCatalog.of(emptied), emptied, List.of());
  }

  /**
   * An overwrite whose stream does not end COMPLETE keeps every old row, while a stream of the same sync that did end
   * COMPLETE is replaced.
   */
  @Test
  public void anInterruptedOverwriteKeepsTheOldRows() {
    requireMode(DestinationSyncMode.OVERWRITE);
    ConfiguredStream products = ConfiguredStream.named("products").withFields(field("id", integer()), field("name",
        string())).overwrite().withGeneration(1, 1).withSyncId(1);
    ConfiguredStream prices = ConfiguredStream.named("prices").withFields(field("id", integer()), field("euros",
        number())).overwrite().withGeneration(1, 1).withSyncId(1);
    SyncInput sync1 = SyncInput.of(record(products, object("id", 1, "name", "kettle")),
        record(products, object("id", 2, "name", "teapot")), streamStatus(products, COMPLETE),
        record(prices, object("id", 1, "euros", new BigDecimal("19.90"))), streamStatus(prices, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(products, prices), sync1);

    ConfiguredStream products2 = products.withGeneration(2, 2).withSyncId(2);
    ConfiguredStream prices2 = prices.withGeneration(2, 2).withSyncId(2);
    ConfiguredCatalog catalog2 = ConfiguredCatalog.of(products2, prices2);
    SyncInput sync2 = SyncInput.of(
        streamStatus(products2, STARTED),
        record(products2, object("id", 3, "name", "mug")),
        streamState(products2, object("page", 1)),
        streamStatus(products2, INCOMPLETE),
        record(prices2, object("id", 2, "euros", new BigDecimal("4.50"))),
        streamStatus(prices2, COMPLETE));
    write(catalog2, sync2);
    assertLanded(catalog2, products2, ExpectedRow.of(products, sync1.records(products)), false);
    assertLandedExactly(catalog2, prices2, sync2.records(prices2));
  }

  /**
   * append_dedup keeps one row per primary key: the newest cursor wins (compared as the cursor's type, a null cursor
   * being the oldest), then the newest emitted_at; a later sync's older record changes nothing; a repeated sync gives
   * the same rows.
   */
  @Test
  public void dedupKeepsTheNewestRecordOfEachPrimaryKey() {
    requireMode(DestinationSyncMode.APPEND_DEDUP);
    ConfiguredStream customers = ConfiguredStream.named("customers")
        .withFields(field("id", integer()), field("name", string()), field("updated_at", timestampWithTimezone()))
        .appendDedup(List.of("id"), "updated_at").withSyncId(1);
    long t = DEFAULT_EMITTED_AT;
    RecordMessage ada2 = record(customers, object("id", 1, "name", "Ada 2", "updated_at", "2024-03-01T09:00:00Z"),
        t + 1);
    // Later in the input but older: 10:30+02:00 is 08:30 UTC, though its text sorts after "09:00".
    RecordMessage ada1 = record(customers, object("id", 1, "name", "Ada 1", "updated_at",
        "2024-03-01T10:30:00+02:00"), t + 2);
    RecordMessage grace0 = record(customers, object("id", 2, "name", "Grace 0", "updated_at", null), t + 3);
    RecordMessage grace1 = record(customers, object("id", 2, "name", "Grace 1", "updated_at",
        "2024-01-01T00:00:00Z"), t + 1);
    // Same cursor: the one emitted later wins, though it comes first.
    RecordMessage linusLate = record(customers, object("id", 3, "name", "Linus emitted later", "updated_at",
        "2024-03-01T12:00:00Z"), t + 5);
    RecordMessage linusEarly = record(customers, object("id", 3, "name", "Linus emitted earlier", "updated_at",
        "2024-03-01T12:00:00Z"), t + 4);
    SyncInput sync1 = SyncInput.of(ada2, ada1, grace0, grace1, linusLate, linusEarly,
        streamState(customers, object("updated_at", "2024-03-01T12:00:00Z")), streamStatus(customers, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(customers), sync1);
    assertLanded(ConfiguredCatalog.of(customers), customers,
        List.of(ExpectedRow.of(customers, ada2), ExpectedRow.of(customers, grace1),
            ExpectedRow.of(customers, linusLate)), true);

    ConfiguredStream next = customers.withSyncId(2);
    RecordMessage adaOld = record(next, object("id", 1, "name", "Ada old", "updated_at", "2024-02-01T00:00:00Z"),
        t + 9);
    RecordMessage grace2 = record(next, object("id", 2, "name", "Grace 2", "updated_at", "2024-06-01T00:00:00Z"),
        t + 9);
    RecordMessage ken = record(next, object("id", 4, "name", "Ken", "updated_at", "2024-06-01T00:00:00Z"), t + 9);
    SyncInput sync2 = SyncInput.of(adaOld, grace2, ken,
        streamState(next, object("updated_at", "2024-06-01T00:00:00Z")), streamStatus(next, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(next), sync2);
    List<ExpectedRow> expected = List.of(ExpectedRow.of(customers, ada2), ExpectedRow.of(next, grace2),
        ExpectedRow.of(customers, linusLate), ExpectedRow.of(next, ken));
    assertLanded(ConfiguredCatalog.of(next), next, expected, true);

    // Everything after the last echoed state may be sent again: loading it twice changes nothing.
    writeSuccessfully(ConfiguredCatalog.of(next), sync2);
    assertLanded(ConfiguredCatalog.of(next), next, expected, true);
  }

  /**
   * append_dedup removes the row of a primary key whose newest record has a non-null {@code _ab_cdc_deleted_at};
   * an older delete removes nothing.
   */
  @Test
  public void dedupRemovesRowsDeletedAtTheSource() {
    requireMode(DestinationSyncMode.APPEND_DEDUP);
    ConfiguredStream accounts = ConfiguredStream.named("accounts")
        .withFields(field("id", integer()), field("owner", string()), field("_ab_cdc_lsn", integer()),
            field("_ab_cdc_updated_at", timestampWithTimezone()), field("_ab_cdc_deleted_at",
                nullable(timestampWithTimezone())))
        .appendDedup(List.of("id"), "_ab_cdc_lsn").withSyncId(1);
    RecordMessage a1 = record(accounts, cdc(1, "Ada", 1, null));
    RecordMessage a2 = record(accounts, cdc(2, "Grace", 2, null));
    RecordMessage a3 = record(accounts, cdc(3, "Linus", 3, null));
    SyncInput sync1 = SyncInput.of(a1, a2, a3, streamState(accounts, object("lsn", 3)),
        streamStatus(accounts, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(accounts), sync1);
    assertLandedExactly(ConfiguredCatalog.of(accounts), accounts, sync1.records());

    ConfiguredStream next = accounts.withSyncId(2);
    RecordMessage a2deleted = record(next, cdc(2, "Grace", 4, "2024-05-01T00:00:00Z"));
    RecordMessage a3updated = record(next, cdc(3, "Linus Torvalds", 5, null));
    RecordMessage a4 = record(next, cdc(4, "Ken", 6, null));
    RecordMessage a4deleted = record(next, cdc(4, "Ken", 7, "2024-05-02T00:00:00Z"));
    RecordMessage a1staleDelete = record(next, cdc(1, "Ada", 0, "2023-01-01T00:00:00Z"));
    SyncInput sync2 = SyncInput.of(a2deleted, a3updated, a4, a4deleted, a1staleDelete,
        streamState(next, object("lsn", 7)), streamStatus(next, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(next), sync2);
    assertLanded(ConfiguredCatalog.of(next), next,
        List.of(ExpectedRow.of(accounts, a1), ExpectedRow.of(next, a3updated)), true);
  }

  private static ObjectNode cdc(int id, String owner, long lsn, String deletedAt) {
    return object("id", id, "owner", owner, "_ab_cdc_lsn", lsn, "_ab_cdc_updated_at", "2024-05-01T00:00:00Z",
        "_ab_cdc_deleted_at", deletedAt);
  }

  /**
   * A truncate refresh ({@code minimum_generation_id == generation_id}) removes the rows of older generations once
   * the stream ends COMPLETE, and not before: an interrupted attempt keeps them.
   */
  @Test
  public void truncateRefreshRemovesOlderGenerationsOnceTheStreamIsComplete() {
    requireMode(DestinationSyncMode.APPEND);
    requireFeature(DestinationFeatures.Feature.REFRESHES);
    ConfiguredStream gen1 = ConfiguredStream.named("inventory").withFields(field("id", integer()), field("sku",
        string())).append().withGeneration(1, 0).withSyncId(1);
    SyncInput sync1 = SyncInput.of(record(gen1, object("id", 1, "sku", "A-1")),
        record(gen1, object("id", 2, "sku", "A-2")), streamStatus(gen1, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(gen1), sync1);

    ConfiguredStream attempt = gen1.withGeneration(2, 2).withSyncId(2);
    SyncInput interrupted = SyncInput.of(streamStatus(attempt, STARTED), record(attempt, object("id", 3, "sku",
        "B-3")), streamState(attempt, object("page", 1)), streamStatus(attempt, INCOMPLETE));
    write(ConfiguredCatalog.of(attempt), interrupted);
    assertLanded(ConfiguredCatalog.of(attempt), attempt, ExpectedRow.of(gen1, sync1.records()), false);

    ConfiguredStream retry = gen1.withGeneration(2, 2).withSyncId(3);
    SyncInput complete = SyncInput.of(record(retry, object("id", 3, "sku", "B-3")),
        record(retry, object("id", 4, "sku", "B-4")), streamStatus(retry, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(retry), complete);
    List<Map<String, Object>> rows = rows(ConfiguredCatalog.of(retry), retry);
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Object generation = ValueMeaning.ofLanded(AirbyteType.INTEGER, row.get(DestinationReader.GENERATION_ID));
      if (!ValueMeaning.same(BigDecimal.valueOf(2), generation)) {
        problems.add("row id=" + ValueMeaning.show(row.get("id")) + " of generation "
            + ValueMeaning.show(row.get(DestinationReader.GENERATION_ID)) + " is still there");
      }
    }
    assertEquals(Set.of("3", "4"), ids(rows), () -> "after the refresh completed, the stream should hold the rows of"
        + " generation 2 only: " + rows);
    assertTrue(problems.isEmpty(), () -> "Rows of generations older than minimum_generation_id must be gone once"
        + " the stream ends COMPLETE (CONTRACT: Sync modes): " + problems);
  }

  /** With {@code minimum_generation_id} 0 nothing is removed: rows of each generation stay, each tagged with it. */
  @Test
  public void aMinimumGenerationOfZeroKeepsEveryGeneration() {
    requireMode(DestinationSyncMode.APPEND);
    ConfiguredStream gen1 = ConfiguredStream.named("ledger").withFields(field("id", integer()), field("entry",
        string())).append().withGeneration(1, 0).withSyncId(1);
    ConfiguredStream gen2 = gen1.withGeneration(2, 0).withSyncId(2);
    SyncInput sync1 = SyncInput.of(record(gen1, object("id", 1, "entry", "opening")), streamStatus(gen1, COMPLETE));
    SyncInput sync2 = SyncInput.of(record(gen2, object("id", 2, "entry", "closing")), streamStatus(gen2, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(gen1), sync1);
    writeSuccessfully(ConfiguredCatalog.of(gen2), sync2);
    List<ExpectedRow> expected = new ArrayList<>(ExpectedRow.of(gen1, sync1.records()));
    expected.addAll(ExpectedRow.of(gen2, sync2.records()));
    assertLanded(ConfiguredCatalog.of(gen2), gen2, expected, true);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // names

  /**
   * Streams of the same name in different namespaces, and without one, land apart, each with its own schema; so does
   * a stream whose name is another's namespace and name joined.
   */
  @Test
  public void namespacesKeepStreamsOfTheSameNameApart() {
    requireFeature(DestinationFeatures.Feature.NAMESPACES);
    ConfiguredStream sales = ConfiguredStream.named("orders").inNamespace("sales")
        .withFields(field("id", integer()), field("amount", number()));
    ConfiguredStream support = ConfiguredStream.named("orders").inNamespace("support")
        .withFields(field("id", integer()), field("ticket", string()));
    ConfiguredStream plain = ConfiguredStream.named("orders").withFields(field("id", integer()), field("note",
        string()));
    ConfiguredStream joined = ConfiguredStream.named("sales_orders").withFields(field("id", integer()),
        field("label", string()));
    ConfiguredCatalog catalog = ConfiguredCatalog.of(sales, support, plain, joined);
    SyncInput input = SyncInput.of(
        record(sales, object("id", 1, "amount", 100)), record(sales, object("id", 2, "amount", 200)),
        record(support, object("id", 1, "ticket", "printer on fire")),
        record(plain, object("id", 1, "note", "no namespace")), record(plain, object("id", 2, "note", "none")),
        record(joined, object("id", 1, "label", "sales_orders without namespace")),
        streamStatus(sales, COMPLETE), streamStatus(support, COMPLETE), streamStatus(plain, COMPLETE),
        streamStatus(joined, COMPLETE));
    writeSuccessfully(catalog, input);
    for (ConfiguredStream stream : catalog.streams()) {
      assertLandedExactly(catalog, stream, input.records(stream));
    }
  }

  /** Namespaces with spaces, accents, reserved words, a leading digit or differing only by case land apart. */
  @Test
  public void unusualNamespacesLandApart() {
    requireFeature(DestinationFeatures.Feature.NAMESPACES);
    List<String> namespaces = List.of("Sales Team", "sales_team", "Ünïcödé", "select", "1st", "with \"quotes\"");
    List<ConfiguredStream> streams = new ArrayList<>();
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < namespaces.size(); i++) {
      ConfiguredStream stream = ConfiguredStream.named("leads").inNamespace(namespaces.get(i))
          .withFields(field("id", integer()), field("source", string()));
      streams.add(stream);
      messages.add(record(stream, object("id", 1, "source", "namespace " + namespaces.get(i))));
      messages.add(streamStatus(stream, COMPLETE));
    }
    ConfiguredCatalog catalog = ConfiguredCatalog.of(streams);
    SyncInput input = SyncInput.of(messages);
    writeSuccessfully(catalog, input);
    for (ConfiguredStream stream : streams) {
      assertLandedExactly(catalog, stream, input.records(stream));
    }
  }

  /**
   * Stream and field names with spaces, quotes, accents, reserved words, leading digits, other scripts, 200
   * characters, or differing only by case each land in their own table and column.
   */
  @Test
  public void unusualStreamAndFieldNamesLandWithoutCollisions() {
    String longName = "a_very_long_name_" + "x".repeat(200);
    List<String> streamNames = List.of("with space", "with \"double\" quotes", "it's", "café ñandú", "select",
        "order", "1st_stream", "Users", "users", "a-b.c/d", "日本語", "한국어", longName + "_1", longName + "_2");
    List<String> fieldNames = List.of("first name", "with \"double\" quotes", "it's", "émigré", "from", "select",
        "group", "2fa", "Amount", "amount", "AMOUNT", "a.b", "a-b", "$price", "日本語", "한국어", longName + "_1",
        longName + "_2");
    List<ConfiguredStream> streams = new ArrayList<>();
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < streamNames.size(); i++) {
      ConfiguredStream stream = ConfiguredStream.named(streamNames.get(i))
          .withFields(field("id", integer()), field("origin", string()));
      streams.add(stream);
      messages.add(record(stream, object("id", i, "origin", "stream #" + i + " " + streamNames.get(i))));
    }
    List<Field> fields = new ArrayList<>();
    fields.add(field("id", integer()));
    ObjectNode data = object("id", 1);
    for (int i = 0; i < fieldNames.size(); i++) {
      fields.add(field(fieldNames.get(i), string()));
      data.put(fieldNames.get(i), "value of field #" + i);
    }
    ConfiguredStream oddFields = ConfiguredStream.named("odd_fields")
        .withFields(fields.toArray(new Field[0]));
    streams.add(oddFields);
    messages.add(record(oddFields, data));
    ConfiguredCatalog catalog = ConfiguredCatalog.of(streams);
    SyncInput input = SyncInput.of(messages);
    writeSuccessfully(catalog, input);
    for (ConfiguredStream stream : streams) {
      assertLandedExactly(catalog, stream, input.records(stream));
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // types and values

  /**
   * Every Airbyte type (v0 schema style) lands with its value: text, boolean, integers to 64 bits, decimals, dates,
   * timestamps and times with and without zone, binary, nested objects and arrays, unions, schemaless objects and
   * arrays, untyped fields; explicit nulls and missing fields land as null.
   */
  @Test
  public void everyAirbyteTypeLandsWithItsValue() {
    ConfiguredStream everyType = ConfiguredStream.named("every_type").withFields(
        field("id", integer()),
        field("a_string", string()),
        field("a_boolean", bool()),
        field("an_integer", integer()),
        field("a_number", number()),
        field("a_number_as_integer", numberAsInteger()),
        field("a_date", date()),
        field("a_timestamp_with_timezone", timestampWithTimezone()),
        field("a_timestamp_without_timezone", timestampWithoutTimezone()),
        field("a_time_with_timezone", timeWithTimezone()),
        field("a_time_without_timezone", timeWithoutTimezone()),
        field("a_binary", binary()),
        field("an_object", object(field("x", integer()), field("y", string()),
            field("nested", object(field("deep", schemalessArray()))))),
        field("an_array", arrayOf(string())),
        field("an_array_of_objects", arrayOf(object(field("k", string())))),
        field("a_type_union", typeUnion("string", "integer")),
        field("a_one_of", oneOf(string(), number())),
        field("an_any_of", anyOf(bool(), object(field("code", integer())))),
        field("a_schemaless_object", schemalessObject()),
        field("a_schemaless_array", schemalessArray()),
        field("anything", anything()),
        field("a_nullable_string", nullable(string())));
    ConfiguredCatalog catalog = ConfiguredCatalog.of(everyType);
    SyncInput input = SyncInput.of(
        record(everyType, object("id", 1, "a_string", "Ada Lovelace", "a_boolean", true,
            "an_integer", Long.MAX_VALUE, "a_number", new BigDecimal("12.5"), "a_number_as_integer", 42,
            "a_date", "2024-02-29", "a_timestamp_with_timezone", "2024-03-01T09:30:00.123+02:00",
            "a_timestamp_without_timezone", "2024-03-01T09:30:00.123456", "a_time_with_timezone", "10:15:30+05:30",
            "a_time_without_timezone", "23:59:59.999", "a_binary", new byte[] {0, 1, 2, 127, -128, -1},
            "an_object", object("x", 1, "y", "two", "nested", object("deep", array(1, 2, object("z", null)))),
            "an_array", array("a", "b"), "an_array_of_objects", array(object("k", "v1"), object("k", "v2")),
            "a_type_union", "text", "a_one_of", "text", "an_any_of", true,
            "a_schemaless_object", object("any", "keys", "n", new BigDecimal("1.50")),
            "a_schemaless_array", array(1, "two", true, null, object("x", array())),
            "anything", object("free", "form"), "a_nullable_string", "present"), DEFAULT_EMITTED_AT),
        record(everyType, object("id", 2, "a_string", "", "a_boolean", false,
            "an_integer", Long.MIN_VALUE, "a_number", new BigDecimal("-0.001"), "a_number_as_integer", -1,
            "a_date", "1970-01-01", "a_timestamp_with_timezone", "1970-01-01T00:00:00Z",
            "a_timestamp_without_timezone", "1970-01-01T00:00:00", "a_time_with_timezone", "00:00:00Z",
            "a_time_without_timezone", "00:00:00", "a_binary", new byte[0],
            "an_object", object(), "an_array", array(), "an_array_of_objects", array(),
            "a_type_union", 42, "a_one_of", new BigDecimal("1.5"), "an_any_of", object("code", 7),
            "a_schemaless_object", object(), "a_schemaless_array", array(array(1), array()),
            "anything", 42, "a_nullable_string", null), DEFAULT_EMITTED_AT + 1),
        record(everyType, nullsFor(everyType, 3), DEFAULT_EMITTED_AT + 2),
        record(everyType, object("id", 4), DEFAULT_EMITTED_AT + 3),
        streamStatus(everyType, COMPLETE));
    writeSuccessfully(catalog, input);
    assertLandedExactly(catalog, everyType, input.records());
  }

  /** The v1 schema style, {@code $ref} to WellKnownTypes, is understood for every type, numbers sent as text too. */
  @Test
  public void wellKnownTypeReferencesLandWithTheirValues() {
    ConfiguredStream v1 = ConfiguredStream.named("well_known").withFields(
        field("id", WellKnown.INTEGER.ref()),
        field("s", WellKnown.STRING.ref()),
        field("b", WellKnown.BOOLEAN.ref()),
        field("i", WellKnown.INTEGER.ref()),
        field("n", WellKnown.NUMBER.ref()),
        field("d", WellKnown.DATE.ref()),
        field("tstz", WellKnown.TIMESTAMP_WITH_TIMEZONE.ref()),
        field("ts", WellKnown.TIMESTAMP_WITHOUT_TIMEZONE.ref()),
        field("ttz", WellKnown.TIME_WITH_TIMEZONE.ref()),
        field("t", WellKnown.TIME_WITHOUT_TIMEZONE.ref()),
        field("bin", WellKnown.BINARY_DATA.ref()),
        field("dates", arrayOf(WellKnown.DATE.ref())),
        field("point", object(field("lat", WellKnown.NUMBER.ref()), field("lon", WellKnown.NUMBER.ref()))));
    ConfiguredCatalog catalog = ConfiguredCatalog.of(v1);
    SyncInput input = SyncInput.of(
        record(v1, object("id", 1, "s", "text", "b", true, "i", 123456789012L, "n", new BigDecimal("3.14159"),
            "d", "2024-02-29", "tstz", "2024-03-01T09:30:00.5-03:00", "ts", "2024-03-01T09:30:00",
            "ttz", "09:30:00-03:00", "t", "09:30:00.5", "bin", Base64.getEncoder().encodeToString(
                "destkit".getBytes(StandardCharsets.UTF_8)),
            "dates", array("2024-01-01", "2024-12-31"), "point", object("lat", new BigDecimal("48.8566"),
                "lon", new BigDecimal("2.3522")))),
        record(v1, object("id", "2", "s", "numbers as text", "b", false, "i", "-42", "n", "-0.5",
            "d", "2000-01-01", "tstz", "2000-01-01T00:00:00Z", "ts", "2000-01-01T00:00:00.000001",
            "ttz", "23:59:59+00:00", "t", "23:59:59", "bin", "AAEC", "dates", array(), "point", object())),
        streamStatus(v1, COMPLETE));
    writeSuccessfully(catalog, input);
    assertLandedExactly(catalog, v1, input.records());
  }

  /**
   * Numbers beyond double precision and beyond 64 bits land exactly, or, where the destination cannot hold them,
   * null with a {@code DESTINATION_FIELD_SIZE_LIMITATION} change: never rounded silently.
   */
  @Test
  public void bigNumbersLandExactlyOrAreNulledWithAChange() {
    ConfiguredStream big = ConfiguredStream.named("big_numbers").withFields(field("id", integer()),
        field("a_number", number()), field("an_integer", integer()), field("a_big_number", bigNumber()));
    ConfiguredCatalog catalog = ConfiguredCatalog.of(big);
    SyncInput input = SyncInput.of(
        record(big, object("id", 1, "a_number", new BigDecimal("123456789012345678901234567890.123456789"),
            "an_integer", Long.MAX_VALUE, "a_big_number", "98765432109876543210.0123456789")),
        record(big, object("id", 2, "a_number", new BigDecimal("0.1000000000000000055511151231257827"),
            "an_integer", Long.MIN_VALUE, "a_big_number", "-0.000000000000000000000000000001")),
        record(big, object("id", 3, "a_number", new BigDecimal("1E+400"),
            "an_integer", new BigInteger("123456789012345678901234567890"), "a_big_number", "1e400")),
        record(big, object("id", 4, "a_number", new BigDecimal("-9999999999999999999999.99"),
            "an_integer", 9007199254740993L, "a_big_number", "9007199254740993")),
        streamStatus(big, COMPLETE));
    writeSuccessfully(catalog, input);
    Map<String, Map<String, Object>> rows = byId(rows(catalog, big));
    List<String> problems = new ArrayList<>();
    for (RecordMessage record : input.records()) {
      String id = record.value("id").asText();
      Map<String, Object> row = rows.get(id);
      if (row == null) {
        problems.add("row id=" + id + " did not land");
        continue;
      }
      List<String> changes = RowCheck.landedChanges(ValueMeaning.json(row.getOrDefault(DestinationReader.META,
          "{}")));
      for (String field : List.of("a_number", "an_integer", "a_big_number")) {
        AirbyteType type = big.fieldTypes().get(field);
        Object sent = ValueMeaning.ofSent(type, record.value(field));
        Object landed = ValueMeaning.ofLanded(type, row.get(field));
        boolean exact = ValueMeaning.same(sent, landed);
        boolean nulled = landed == null && changes.contains(ExpectedRow.change(field, "NULLED", SIZE_LIMIT));
        boolean truncated = changes.contains(ExpectedRow.change(field, "TRUNCATED", SIZE_LIMIT));
        if (!exact && !nulled && !truncated) {
          problems.add("row id=" + id + ", field '" + field + "': sent " + record.value(field) + ", landed "
              + ValueMeaning.show(row.get(field)) + " with changes " + changes);
        }
      }
    }
    assertTrue(problems.isEmpty(), () -> "A number must land exactly, or be nulled or truncated with a "
        + SIZE_LIMIT + " change (CONTRACT: Types in the destination):\n  " + String.join("\n  ", problems));
  }

  /**
   * Dates, timestamps and times keep their meaning: offsets that cross midnight, fractions to the microsecond,
   * dates before 1970 and far ahead, years before Christ, wall-clock values without zone.
   */
  @Test
  public void datesAndTimesKeepTheirMeaning() {
    ConfiguredStream moments = ConfiguredStream.named("moments").withFields(field("id", integer()),
        field("d", date()), field("tstz", timestampWithTimezone()), field("ts", timestampWithoutTimezone()),
        field("ttz", timeWithTimezone()), field("t", timeWithoutTimezone()));
    ConfiguredCatalog catalog = ConfiguredCatalog.of(moments);
    SyncInput input = SyncInput.of(
        record(moments, object("id", 1, "d", "1969-07-20", "tstz", "1969-07-20T20:17:40Z",
            "ts", "1969-07-20T20:17:40", "ttz", "20:17:40Z", "t", "20:17:40")),
        record(moments, object("id", 2, "d", "2024-02-29", "tstz", "2024-03-01T23:30:00-05:00",
            "ts", "2024-12-31T23:59:59.999999", "ttz", "23:30:00-05:00", "t", "00:00:00")),
        record(moments, object("id", 3, "d", "9999-12-31", "tstz", "9999-12-31T23:59:59Z",
            "ts", "0001-01-01T00:00:00", "ttz", "12:00:00+14:00", "t", "12:00:00.5")),
        record(moments, object("id", 4, "d", "0044-03-15 BC", "tstz", "2024-06-01T12:00:00.123456+05:45",
            "ts", "2024-06-01T12:00:00", "ttz", "00:00:00.001+00:00", "t", "23:59:59.999999")),
        streamStatus(moments, COMPLETE));
    writeSuccessfully(catalog, input);
    assertLandedExactly(catalog, moments, input.records());
  }

  /**
   * A value that does not fit its type becomes null, and the row's {@code _airbyte_meta.changes} says so
   * ({@code NULLED}, {@code DESTINATION_TYPECAST_ERROR}); changes the source made are kept; the sync succeeds.
   */
  @Test
  public void aBadValueIsNulledWithAMetaChange() {
    ConfiguredStream readings = ConfiguredStream.named("readings").withFields(field("id", integer()),
        field("count", integer()), field("ratio", number()), field("day", date()), field("at",
            timestampWithTimezone()), field("flag", bool()), field("tags", arrayOf(string())), field("note",
            string()));
    ConfiguredCatalog catalog = ConfiguredCatalog.of(readings);
    RecordMessage bad = record(readings, object("id", 1, "count", "twelve", "ratio", "n/a", "day", "not a date",
        "at", "yesterday", "flag", "maybe", "tags", "not an array", "note", "the rest is fine"))
        .withSourceChange("comment", "TRUNCATED", "SOURCE_FIELD_SIZE_LIMITATION");
    RecordMessage good = record(readings, object("id", 2, "count", 12, "ratio", new BigDecimal("0.5"),
        "day", "2024-01-01", "at", "2024-01-01T00:00:00Z", "flag", true, "tags", array("ok"), "note", "fine"));
    writeSuccessfully(catalog, SyncInput.of(bad, good, streamStatus(readings, COMPLETE)));
    ExpectedRow badRow = ExpectedRow.of(readings, bad);
    for (String field : List.of("count", "ratio", "day", "at", "flag", "tags")) {
      badRow = badRow.nulled(field, TYPECAST);
    }
    assertLanded(catalog, readings, List.of(badRow, ExpectedRow.of(readings, good)), true);
  }

  /** Primary key fields (a composite key) and the cursor land intact in every row. */
  @Test
  public void primaryKeyAndCursorValuesLandIntact() {
    ConfiguredStream subscriptions = ConfiguredStream.named("subscriptions")
        .withFields(field("tenant", string()), field("id", integer()), field("plan", string()),
            field("updated_at", timestampWithTimezone()))
        .incremental().withPrimaryKey("tenant", "id").withCursor("updated_at");
    ConfiguredCatalog catalog = ConfiguredCatalog.of(subscriptions);
    SyncInput input = SyncInput.of(
        record(subscriptions, object("tenant", "acme", "id", 1, "plan", "free", "updated_at", "2024-01-01T00:00:00Z")),
        record(subscriptions, object("tenant", "acme", "id", 2, "plan", "pro", "updated_at", "2024-01-02T00:00:00Z")),
        record(subscriptions, object("tenant", "globex", "id", 1, "plan", "team", "updated_at",
            "2024-01-03T00:00:00+01:00")),
        record(subscriptions, object("tenant", "globex", "id", 2, "plan", "free", "updated_at", null)),
        streamState(subscriptions, object("updated_at", "2024-01-03T00:00:00+01:00")),
        streamStatus(subscriptions, COMPLETE));
    writeSuccessfully(catalog, input);
    assertLandedExactly(catalog, subscriptions, input.records());
  }

  /**
   * A primary key value that does not fit its type is never stored as null: the destination fails the sync with a
   * TRACE ERROR, or keeps the value; it never drops the record silently either.
   */
  @Test
  public void aPrimaryKeyIsNeverNulledWhenItsValueDoesNotFit() {
    ConfiguredStream invoices = ConfiguredStream.named("invoices")
        .withFields(field("number", integer()), field("amount", number())).incremental().withPrimaryKey("number");
    assertNeverNulled(invoices, "number", SyncInput.of(
        record(invoices, object("number", 1, "amount", 10)),
        record(invoices, object("number", "INV-2", "amount", 20)),
        record(invoices, object("number", 3, "amount", 30)),
        streamStatus(invoices, COMPLETE)));
  }

  /**
   * A cursor value that does not fit its type is never stored as null: the destination fails the sync with a TRACE
   * ERROR, or keeps the value; it never drops the record silently either.
   */
  @Test
  public void aCursorIsNeverNulledWhenItsValueDoesNotFit() {
    ConfiguredStream invoices = ConfiguredStream.named("invoices")
        .withFields(field("number", integer()), field("issued_at", timestampWithTimezone()))
        .incremental().withCursor("issued_at");
    assertNeverNulled(invoices, "issued_at", SyncInput.of(
        record(invoices, object("number", 1, "issued_at", "2024-01-01T00:00:00Z")),
        record(invoices, object("number", 2, "issued_at", "the second of January")),
        record(invoices, object("number", 3, "issued_at", "2024-01-03T00:00:00Z")),
        streamStatus(invoices, COMPLETE)));
  }

  /** Writes {@code input}, whose records all have {@code field}, and fails if a row lands with it null. */
  private void assertNeverNulled(ConfiguredStream stream, String field, SyncInput input) {
    ConfiguredCatalog catalog = ConfiguredCatalog.of(stream);
    RunResult result = write(catalog, input);
    List<Map<String, Object>> rows = rows(catalog, stream);
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      if (row.get(field) == null) {
        problems.add(field + " is null in row " + row);
      }
    }
    if (result.exitCode() == 0) {
      if (rows.size() != input.records().size()) {
        problems.add("the sync succeeded with " + rows.size() + " rows for " + input.records().size()
            + " records: a record must not be dropped silently");
      }
    } else {
      assertEquals(1, result.traceErrors().size(), () -> "a failed sync ends with one TRACE ERROR\n" + result);
    }
    assertTrue(problems.isEmpty(), () -> "Primary key and cursor are never nulled (CONTRACT: Types in the"
        + " destination): " + problems + "\n" + result);
  }

  /**
   * Fields the schema lacks, unknown fields in the envelope, record and state, unknown message types, LOG and
   * ESTIMATE messages and blank lines never fail a sync; a field the record lacks is null; the unknown fields of a
   * state are echoed back.
   */
  @Test
  public void unknownFieldsAndMessagesDoNotFailTheSync() {
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
    assertEquals(Json.parse(stateLine), echoed, () -> "A state is echoed with every field as received, unknown ones"
        + " included (CONTRACT: State)\n" + result);
    assertEquals(3, stats == null ? -1 : stats.path("recordCount").asLong(-1), () -> "recordCount\n" + result);
    assertLandedExactly(catalog, notes, input.records());
  }

  /** A sync with no input at all, or with only a state, succeeds; the state is echoed with a count of 0. */
  @Test
  public void anEmptySyncSucceedsAndEchoesItsStates() {
    ConfiguredStream quiet = ConfiguredStream.named("quiet").withFields(field("id", integer()), field("text",
        string())).incremental();
    ConfiguredCatalog catalog = ConfiguredCatalog.of(quiet);
    RunResult nothing = writeSuccessfully(catalog, SyncInput.empty());
    assertTrue(nothing.states().isEmpty(), () -> "no state came in, none may go out\n" + nothing);
    SyncInput onlyState = SyncInput.of(streamState(quiet, object("cursor", null)).withId(1));
    RunResult result = writeSuccessfully(catalog, onlyState);
    assertStatesEchoed(onlyState, result);
    assertLandedExactly(catalog, quiet, List.of());
  }

  /** A stream without records beside one with records: the sync succeeds and the empty stream lands no row. */
  @Test
  public void anEmptyStreamBesideAFullOneSucceeds() {
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

  /**
   * Text with line breaks, carriage returns, the Unicode line and paragraph separators, next-line, tabs, quotes,
   * backslashes, emoji, other scripts and invisible characters lands unchanged, in text and in JSON.
   */
  @Test
  public void lineBreaksAndUnicodeSeparatorsInValuesSurvive() {
    ConfiguredStream texts = ConfiguredStream.named("texts").withFields(field("id", integer()), field("value",
        string()), field("json", schemalessObject()));
    List<String> values = List.of("line one\nline two", "windows\r\nline", "carriage\ronly",
        "line\u2028separator and paragraph\u2029separator", "next\u0085line", "tab\tand vertical\u000Btab",
        "quotes \" ' ` and a backslash \\ and \\n as text", "emoji 🦆 and a clef 𝄞",
        "accents é ñ ü Å and 漢字 한국어",
        "zero\u200Bwidth and\u200Djoiner and bidi \u202E reversed", "   spaces around   ", "");
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      messages.add(record(texts, object("id", i, "value", values.get(i), "json", object("value", values.get(i)))));
    }
    messages.add(streamStatus(texts, COMPLETE));
    ConfiguredCatalog catalog = ConfiguredCatalog.of(texts);
    SyncInput input = SyncInput.of(messages);
    writeSuccessfully(catalog, input);
    assertLandedExactly(catalog, texts, input.records());
  }

  /** A record of 10 MB (one text field) lands whole, and the record after it too. */
  @Test
  public void aTenMegabyteRecordLands() {
    requireFeature(DestinationFeatures.Feature.LARGE_RECORDS);
    ConfiguredStream large = ConfiguredStream.named("large").withFields(field("id", integer()), field("body",
        string()));
    String body = "0123456789abcdef".repeat(10 * 1024 * 1024 / 16 - 1) + "the end of it...";
    ConfiguredCatalog catalog = ConfiguredCatalog.of(large);
    SyncInput input = SyncInput.of(record(large, object("id", 1, "body", body)),
        record(large, object("id", 2, "body", "small")), streamState(large, object("id", 2)),
        streamStatus(large, COMPLETE));
    RunResult result = writeSuccessfully(catalog, input);
    assertStatesEchoed(input, result);
    assertLandedExactly(catalog, large, input.records());
  }

  /** One sync of 100 streams: every stream lands its own rows, every state is echoed with its count. */
  @Test
  public void aHundredStreamsLandInOneSync() {
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
    assertStatesEchoed(input, result);
    for (ConfiguredStream stream : streams) {
      assertLandedExactly(catalog, stream, input.records(stream));
    }
  }

  /** A record of a stream the catalog does not have fails the sync with a TRACE ERROR that names the stream. */
  @Test
  public void aRecordOfAStreamNotInTheCatalogFailsTheSyncNamingIt() {
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

  /**
   * A stream in a destination sync mode the connector does not support is refused before any record is written: one
   * TRACE ERROR with failure_type config_error that names the mode, and nothing lands.
   */
  @Test
  public void anUnsupportedSyncModeIsRefusedBeforeAnyRecordIsWritten() {
    DestinationSyncMode unsupported = null;
    for (DestinationSyncMode mode : DestinationSyncMode.values()) {
      if (!features().supports(mode)) {
        unsupported = mode;
        break;
      }
    }
    Assumptions.assumeTrue(unsupported != null, "Skipped: the destination supports every destination_sync_mode");
    ConfiguredStream refused = ConfiguredStream.named("refused").withFields(field("id", integer()),
        field("updated_at", timestampWithTimezone())).incremental().withPrimaryKey("id").withCursor("updated_at")
        .withDestinationSyncMode(unsupported);
    ConfiguredCatalog catalog = ConfiguredCatalog.of(refused);
    RunResult result = write(catalog, SyncInput.of(record(refused, object("id", 1, "updated_at",
        "2024-01-01T00:00:00Z")), streamStatus(refused, COMPLETE)));
    String mode = unsupported.protocolValue();
    assertEquals(1, result.exitCode(), () -> "a stream in mode " + mode + " must be refused\n" + result);
    assertEquals(1, result.traceErrors().size(), () -> "expected one TRACE ERROR\n" + result);
    JsonNode error = result.traceErrors().get(0);
    assertEquals("config_error", error.path("failure_type").asText(), () -> "the catalog asks for what the"
        + " destination cannot do: the user's config to change\n" + result);
    assertTrue(error.path("message").asText().contains(mode), () -> "the error should name the mode\n" + result);
    assertTrue(rows(catalog, refused).isEmpty(), "nothing may land for a refused stream");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // helpers

  private void requireMode(DestinationSyncMode mode) {
    Optional<String> why = features().whyNot(mode);
    Assumptions.assumeTrue(why.isEmpty(), () -> why.orElse(""));
  }

  private void requireFeature(DestinationFeatures.Feature feature) {
    Optional<String> why = features().whyNot(feature);
    Assumptions.assumeTrue(why.isEmpty(), () -> why.orElse(""));
  }

  private void assertLanded(ConfiguredCatalog catalog, ConfiguredStream stream, List<ExpectedRow> expected,
      boolean onlyThese) {
    List<Map<String, Object>> rows = rows(catalog, stream);
    List<String> problems = new RowCheck(stream).problems(rows, expected, onlyThese);
    if (!problems.isEmpty()) {
      fail("Stream " + stream.descriptor() + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
          + " with what landed (" + rows.size() + " rows read, " + expected.size() + " records expected"
          + (onlyThese ? "" : " among them") + ", connector " + runner().describe() + "):\n  - "
          + String.join("\n  - ", problems));
    }
  }

  private static JsonNode connectionStatus(RunResult result) {
    return result.connectionStatus().orElseThrow(() -> new AssertionError("no CONNECTION_STATUS\n" + result));
  }

  private static void assertSucceeded(RunResult result) {
    assertTrue(result.succeeded(), () -> "The write should have succeeded (exit 0, no TRACE ERROR)\n" + result);
  }

  /** Every state of {@code input} echoed once, in order, as sent, with its record count. */
  private static void assertStatesEchoed(SyncInput input, RunResult result) {
    List<StateMessage> sent = input.states();
    List<Long> counts = StateCounts.expected(input);
    List<JsonNode> echoed = result.states();
    assertEquals(sent.size(), echoed.size(), () -> "Each state must be echoed exactly once (" + sent.size()
        + " sent)\n" + result);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      ObjectNode copy = echoed.get(i).deepCopy();
      JsonNode stats = copy.path("state").isObject() ? ((ObjectNode) copy.get("state")).remove("destinationStats")
          : null;
      JsonNode expected = Json.parse(sent.get(i).toLine());
      if (!expected.equals(copy)) {
        problems.add("state " + (i + 1) + " was sent as " + Json.write(expected) + " but echoed as "
            + Json.write(echoed.get(i)) + (i > 0 ? " (states must leave in the order they came)" : ""));
      }
      JsonNode count = stats == null ? null : stats.get("recordCount");
      if (count == null || !count.isNumber()
          || count.decimalValue().compareTo(BigDecimal.valueOf(counts.get(i))) != 0) {
        problems.add("state " + (i + 1) + " has destinationStats " + stats + ", expected recordCount "
            + counts.get(i));
      }
    }
    assertTrue(problems.isEmpty(), () -> "States are echoed in order, each as received plus"
        + " destinationStats.recordCount (CONTRACT: State):\n  - " + String.join("\n  - ", problems));
  }

  /** Fails unless every stdout line is a protocol message and no secret of {@code usedConfig} was printed. */
  private void assertProtocolOutput(RunResult result, JsonNode usedConfig) {
    List<String> wrong = result.linesThatAreNotMessages();
    assertTrue(wrong.isEmpty(), () -> "Standard output carries protocol messages only, one JSON object a line"
        + " (CONTRACT: Invocation); these lines are not: " + wrong + "\n" + result);
    ProtocolSchema.locate().ifPresent(protocol -> {
      for (String line : result.stdoutLines()) {
        List<String> problems = protocol.messageLineProblems(line);
        assertTrue(problems.isEmpty(), () -> "Not a valid protocol message: " + problems + "\nLine: " + line);
      }
    });
    for (String secret : Secrets.in(spec().path("connectionSpecification"), usedConfig)) {
      assertFalse(result.allOutput().contains(secret), () -> "A secret of the config was printed (CONTRACT: Spec):"
          + " its value appears in the output of " + result.command());
    }
  }

  /** The ids of rows, as keys ({@link ValueMeaning#key}). */
  private static Set<String> ids(List<Map<String, Object>> rows) {
    Set<String> ids = new HashSet<>();
    for (Map<String, Object> row : rows) {
      ids.add(ValueMeaning.key(ValueMeaning.ofLanded(AirbyteType.INTEGER, row.get("id"))));
    }
    return ids;
  }

  private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> rows) {
    Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      byId.put(ValueMeaning.key(ValueMeaning.ofLanded(AirbyteType.INTEGER, row.get("id"))), row);
    }
    return byId;
  }

  /** Data with {@code id} and every other field of {@code stream} an explicit null. */
  private static ObjectNode nullsFor(ConfiguredStream stream, int id) {
    ObjectNode data = object("id", id);
    for (String field : stream.fieldNames()) {
      if (!field.equals("id")) {
        data.putNull(field);
      }
    }
    return data;
  }
}

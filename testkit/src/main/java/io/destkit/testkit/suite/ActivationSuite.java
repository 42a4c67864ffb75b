package io.destkit.testkit.suite;

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.string;
import static io.destkit.testkit.messages.Json.object;
import static io.destkit.testkit.messages.Messages.record;
import static io.destkit.testkit.messages.Messages.streamState;
import static io.destkit.testkit.messages.Messages.streamStatus;
import static io.destkit.testkit.messages.StreamStatus.COMPLETE;
import static io.destkit.testkit.suite.SuiteChecks.assertProtocolOutput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.testkit.harness.RunResult;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.SyncInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The tests of a data activation destination (one whose spec lists {@code update} or {@code soft_delete}): its
 * {@code discover} prints one valid DESTINATION_CATALOG, a catalog that asks for an operation it does not declare is
 * refused before any record is read, and {@code update} and {@code soft_delete} reach the object the catalog names in
 * {@code destination_object_name}. Other destinations skip them, saying so.
 *
 * <p>{@link DestinationSuite} implements it: a connector's suite extends that class, not this interface.
 */
public interface ActivationSuite extends SuiteContext {
  /**
   * The object, fields and records the update and soft_delete test writes; a suite of an activation destination
   * overrides it. Empty (the default) skips that test, saying so.
   */
  default Optional<ActivationSample> activationSample() {
    return Optional.empty();
  }

  /**
   * {@code discover} exits 0 and prints exactly one DESTINATION_CATALOG (valid against the protocol, checked on every
   * line), whose operations each name an object, a mode the spec lists, and an object schema; an {@code update} or
   * {@code soft_delete} operation has matching keys.
   */
  @Test
  default void discoverPrintsOneDestinationCatalogOfTheObjectsItWrites() {
    requireActivation(this);
    RunResult result = runner().discover(config());
    assertProtocolOutput(this, result, config());
    assertEquals(0, result.exitCode(), () -> "discover must succeed\n" + result);
    List<JsonNode> catalogs = result.messagesOfType("DESTINATION_CATALOG");
    assertEquals(1, catalogs.size(), () -> "discover prints one DESTINATION_CATALOG\n" + result);
    JsonNode operations = catalogs.get(0).at("/destination_catalog/operations");
    assertTrue(operations.isArray() && operations.size() > 0, () -> "the catalog lists operations\n" + result);
    List<String> problems = new ArrayList<>();
    Set<String> modes = new HashSet<>();
    spec().path("supported_destination_sync_modes").forEach(mode -> modes.add(mode.asText()));
    for (JsonNode operation : operations) {
      String mode = operation.path("sync_mode").asText();
      if (operation.path("object_name").asText().isEmpty()) {
        problems.add("an operation names no object: " + operation);
      }
      if (!modes.contains(mode)) {
        problems.add("operation " + operation.path("object_name") + " is in mode " + mode + ", which the spec's"
            + " supported_destination_sync_modes " + modes + " does not list");
      }
      if (!operation.path("json_schema").isObject()) {
        problems.add("operation " + operation.path("object_name") + " has no object json_schema");
      }
      if ((mode.equals("update") || mode.equals("soft_delete")) && operation.path("matching_keys").isEmpty()) {
        problems.add("operation " + operation.path("object_name") + " in " + mode + " has no matching_keys");
      }
    }
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems) + "\n" + result);
  }

  /**
   * A stream written in {@code update} to an object the destination does not declare fails the write before any
   * record is read: one TRACE ERROR ({@code config_error}) naming the object, no state echoed.
   */
  @Test
  default void anOperationTheDestinationDoesNotDeclareIsRefusedBeforeAnyRecordIsRead() {
    requireActivation(this);
    ConfiguredStream stream = ConfiguredStream.named("people").withFields(field("id", string()))
        .incremental().withPrimaryKey("id").withDestinationSyncMode(DestinationSyncMode.UPDATE)
        .toObject("destkit_no_such_object");
    RunResult result = write(ConfiguredCatalog.of(stream), SyncInput.of(
        record(stream, object("id", "a")), streamState(stream, object("id", "a")), streamStatus(stream, COMPLETE)));
    assertEquals(1, result.exitCode(), () -> "the write must fail\n" + result);
    assertEquals(1, result.traceErrors().size(), () -> "expected one TRACE ERROR\n" + result);
    JsonNode error = result.traceErrors().get(0);
    assertEquals("config_error", error.path("failure_type").asText(), () -> "the connection's mapping is the"
        + " user's to change\n" + result);
    assertTrue(error.path("message").asText().contains("destkit_no_such_object"), () -> "the error names the"
        + " object\n" + result);
    assertTrue(result.states().isEmpty(), () -> "no state may be echoed\n" + result);
  }

  /**
   * {@code update} creates or updates the records of the object named in {@code destination_object_name}, matched on
   * the key; {@code soft_delete} then removes one of them: the object reads back with the other only.
   */
  @Test
  default void updateAndSoftDeleteReachTheObjectTheCatalogNames() {
    requireActivation(this);
    ActivationSample sample = activationSample().orElseGet(() -> Assumptions.abort("Skipped: the suite gives no"
        + " activationSample() (an object, its fields and two records) to write"));
    ConfiguredStream updates = sample.stream("crm_people", DestinationSyncMode.UPDATE);
    ConfiguredCatalog updating = ConfiguredCatalog.of(updates);
    writeSuccessfully(updating, SyncInput.of(record(updates, sample.first()), record(updates, sample.second()),
        streamState(updates, object("n", 1)), streamStatus(updates, COMPLETE)));
    String firstKey = sample.first().path(sample.matchingKey()).asText();
    String secondKey = sample.second().path(sample.matchingKey()).asText();
    assertEquals(Set.of(firstKey, secondKey), keys(rows(updating, updates), sample.matchingKey()),
        "update writes both records to the object");

    ConfiguredStream deletes = sample.stream("crm_people_deleted", DestinationSyncMode.SOFT_DELETE);
    ConfiguredCatalog deleting = ConfiguredCatalog.of(deletes);
    writeSuccessfully(deleting, SyncInput.of(record(deletes, sample.second()), streamState(deletes, object("n", 2)),
        streamStatus(deletes, COMPLETE)));
    assertEquals(Set.of(firstKey), keys(rows(deleting, deletes), sample.matchingKey()),
        "soft_delete removes the record with the second key, and only it");
  }

  private static Set<String> keys(List<Map<String, Object>> rows, String key) {
    Set<String> keys = new HashSet<>();
    for (Map<String, Object> row : rows) {
      keys.add(String.valueOf(row.get(key)));
    }
    return keys;
  }

  private static void requireActivation(SuiteContext suite) {
    boolean activation = suite.features().supports(DestinationSyncMode.UPDATE)
        || suite.features().supports(DestinationSyncMode.SOFT_DELETE);
    Assumptions.assumeTrue(activation, "Skipped: the destination is no data activation destination (its spec lists"
        + " neither update nor soft_delete), so it has no discover");
  }
}

package ${package};

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.integer;
import static io.destkit.testkit.messages.FieldTypes.nullable;
import static io.destkit.testkit.messages.FieldTypes.string;
import static io.destkit.testkit.messages.FieldTypes.timestampWithTimezone;
import static io.destkit.testkit.messages.Json.object;
import static io.destkit.testkit.messages.Messages.record;
import static io.destkit.testkit.messages.Messages.streamState;
import static io.destkit.testkit.messages.Messages.streamStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.harness.RunResult;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.StreamStatus;
import io.destkit.testkit.messages.SyncInput;
import org.junit.jupiter.api.Test;

/** The connector's commands, run in this JVM as the platform would run them (fast; a debugger stops inside). */
class ${connectorName}DestinationTest {
  private final DestinationRunner connector = DestinationRunner.inProcess(new ${connectorName}DestinationMain());

  private final ConfiguredStream users = ConfiguredStream.named("users").withFields(field("id", integer()),
      field("name", nullable(string())), field("email", nullable(string())),
      field("signed_up_at", nullable(timestampWithTimezone()))).append();

  @Test
  void specDescribesTheConfigAndTheModes() {
    RunResult result = connector.spec();
    assertEquals(0, result.exitCode(), result::toString);
    JsonNode spec = result.spec().orElseThrow();
    assertEquals("string", spec.at("/connectionSpecification/properties/label/type").asText(), spec::toString);
    assertEquals("[\"append\",\"overwrite\"]", spec.path("supported_destination_sync_modes").toString());
  }

  @Test
  void checkSucceedsWithTheDefaultConfig() {
    RunResult result = connector.check(object());
    assertEquals("SUCCEEDED", result.connectionStatus().orElseThrow().path("status").asText(), result::toString);
  }

  @Test
  void checkFailsOnABlankLabel() {
    RunResult result = connector.check(object("label", " "));
    JsonNode status = result.connectionStatus().orElseThrow();
    assertEquals("FAILED", status.path("status").asText(), result::toString);
    assertTrue(status.path("message").asText().contains("The label is blank"), result::toString);
  }

  @Test
  void writeTakesTheUsersAndEchoesEachStateWithItsCount() {
    SyncInput input = SyncInput.of(
        record(users, object("id", 1, "name", "Ada", "signed_up_at", "2024-05-01T12:00:00Z")),
        record(users, object("id", 2, "name", "Grace", "email", "grace@example.com")),
        streamState(users, object("cursor", 2)),
        record(users, object("id", 3, "name", "Barbara")),
        streamState(users, object("cursor", 3)),
        streamStatus(users, StreamStatus.COMPLETE));
    RunResult result = connector.write(object(), ConfiguredCatalog.of(users), input);
    assertTrue(result.succeeded(), result::toString);
    assertEquals(2, result.states().size(), result::toString);
    assertEquals(2, result.states().get(0).at("/state/destinationStats/recordCount").asLong(), result::toString);
    assertEquals(1, result.states().get(1).at("/state/destinationStats/recordCount").asLong(), result::toString);
  }

  @Test
  void aCatalogWithoutTheFieldsTheConnectorRequiresIsRefused() {
    ConfiguredStream withoutId = ConfiguredStream.named("users").withFields(field("name", string())).append();
    RunResult result = connector.write(object(), ConfiguredCatalog.of(withoutId),
        SyncInput.of(record(withoutId, object("name", "Ada"))));
    assertEquals(1, result.exitCode(), result::toString);
    JsonNode error = result.traceErrors().get(0);
    assertEquals("config_error", error.path("failure_type").asText(), result::toString);
    assertTrue(error.path("message").asText().contains("'id'"), result::toString);
  }

  @Test
  void aStreamTheConnectorDoesNotKnowIsRefused() {
    ConfiguredStream orders = ConfiguredStream.named("orders").withFields(field("id", integer())).append();
    RunResult result = connector.write(object(), ConfiguredCatalog.of(orders),
        SyncInput.of(record(orders, object("id", 1))));
    assertEquals(1, result.exitCode(), result::toString);
    assertEquals("config_error", result.traceErrors().get(0).path("failure_type").asText(), result::toString);
  }
}

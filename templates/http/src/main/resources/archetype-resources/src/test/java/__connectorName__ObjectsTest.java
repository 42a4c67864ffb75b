package ${package};

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.string;
import static io.destkit.testkit.messages.Json.object;
import static io.destkit.testkit.messages.Messages.record;
import static io.destkit.testkit.messages.Messages.streamState;
import static io.destkit.testkit.messages.Messages.streamStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.harness.RunResult;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.StreamStatus;
import io.destkit.testkit.messages.SyncInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contacts object: discover lists it, update and soft_delete reach the API's object, and a contact the API refuses
 * is set aside (rejected-records option on) or fails the sync naming its line (option off).
 */
class ${connectorName}ObjectsTest {
  private static final String TOKEN = "objects-test-token-" + UUID.randomUUID();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DestinationRunner connector = DestinationRunner.inProcess(new ${connectorName}DestinationMain());
  private final RecordsServer server;
  private final ConfiguredStream people = ConfiguredStream.named("people")
      .withFields(field("email", string()), field("name", string())).incremental().withPrimaryKey("email")
      .withDestinationSyncMode(DestinationSyncMode.UPDATE).toObject("contacts");

  @TempDir
  Path rejected;

  ${connectorName}ObjectsTest() throws IOException {
    server = new RecordsServer(TOKEN);
  }

  @AfterEach
  void stopTheServer() {
    server.close();
  }

  @Test
  void discoverListsTheContactsObjectInUpdateAndSoftDelete() {
    RunResult result = connector.discover(config(false));
    assertEquals(0, result.exitCode(), result::toString);
    List<JsonNode> operations = new ArrayList<>();
    result.messagesOfType("DESTINATION_CATALOG").get(0).at("/destination_catalog/operations")
        .forEach(operations::add);
    assertEquals(List.of("contacts update", "contacts soft_delete"), operations.stream()
        .map(op -> op.path("object_name").asText() + " " + op.path("sync_mode").asText()).toList());
    assertEquals("[[\"email\"]]", operations.get(0).path("matching_keys").toString());
  }

  @Test
  void aContactTheApiRefusesIsSetAsideAndTheOthersAreWritten() throws IOException {
    RunResult result = connector.write(config(true), ConfiguredCatalog.of(people), SyncInput.of(
        record(people, object("email", "ada@example.com", "name", "Ada")),
        record(people, object("email", "not-an-address", "name", "Nobody")),
        record(people, object("email", "grace@example.com", "name", "Grace")),
        streamState(people, object("n", 3)), streamStatus(people, StreamStatus.COMPLETE)));
    assertTrue(result.succeeded(), result::toString);
    assertEquals(List.of("ada@example.com", "grace@example.com"), server.objectRecords("/v1/objects/contacts")
        .stream().map(contact -> contact.path("email").asText()).toList());
    List<JsonNode> lines = rejectedLines();
    assertEquals(1, lines.size(), lines::toString);
    assertEquals(2, lines.get(0).path("line").asInt());
    assertEquals("the API refused the contact: email is not an email address", lines.get(0).path("reason").asText());
    assertEquals("not-an-address", lines.get(0).at("/message/record/data/email").asText());
    JsonNode state = result.states().get(0).path("state");
    assertEquals(1, state.at("/destinationStats/rejectedRecordCount").asInt());
    assertEquals(2, state.path("committedRecordsCount").asInt());
  }

  @Test
  void withoutTheRejectedRecordsOptionARefusedContactFailsTheSyncNamingItsLine() {
    RunResult result = connector.write(config(false), ConfiguredCatalog.of(people), SyncInput.of(
        record(people, object("email", "ada@example.com", "name", "Ada")),
        record(people, object("email", "not-an-address", "name", "Nobody")),
        streamState(people, object("n", 2)), streamStatus(people, StreamStatus.COMPLETE)));
    assertEquals(1, result.exitCode(), result::toString);
    String message = result.traceErrors().get(0).path("message").asText();
    assertTrue(message.startsWith("Input line 2: the destination refused the record of stream people: the API"
        + " refused the contact"), message);
    assertTrue(result.states().isEmpty(), result::toString);
  }

  private JsonNode config(boolean rejectedRecords) {
    ObjectNode config = object("url", server.url("/v1/records"), "apiToken", TOKEN, "initialBackoffMillis", 10);
    if (rejectedRecords) {
      config.set("rejected_records", object("folder", rejected.toString()));
    }
    return config;
  }

  private List<JsonNode> rejectedLines() throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(rejected)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          lines.add(JSON.readTree(line));
        }
      }
    }
    return lines;
  }
}

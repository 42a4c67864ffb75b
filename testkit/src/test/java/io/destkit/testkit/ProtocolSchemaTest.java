package io.destkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Needs the protocol's schema file; every test here is skipped, naming the path looked at, when it is absent. */
class ProtocolSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SPEC = """
      {"type":"SPEC","spec":{"documentationUrl":"https://docs.example.com/destinations/sqlite",
       "supported_destination_sync_modes":["append","overwrite"],
       "connectionSpecification":{"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
        "required":["path"],"properties":{"path":{"type":"string"},
        "password":{"type":"string","airbyte_secret":true}}}}}""".replace("\n", "");

  private ProtocolSchema schema;

  @BeforeEach
  void requireSchema() {
    // In @BeforeEach, not @BeforeAll: surefire then counts each test as skipped when the file is missing.
    schema = ProtocolSchema.require();
  }

  @Test
  void specMessageIsValid() {
    assertEquals(List.of(), schema.messageLineProblems(SPEC));
    schema.assertValidMessageLine(SPEC);
  }

  @Test
  void specWithoutConnectionSpecificationIsRejected() {
    String line = "{\"type\":\"SPEC\",\"spec\":{\"documentationUrl\":\"https://docs.example.com\"}}";

    // Once, though both AirbyteMessage and the SPEC payload rule check spec.
    assertEquals(List.of("$.spec: required property 'connectionSpecification' not found"),
        schema.messageLineProblems(line));
    AssertionError failure = assertThrows(AssertionError.class, () -> schema.assertValidMessageLine(line));
    assertTrue(failure.getMessage().contains("connectionSpecification"), failure.getMessage());
    assertTrue(failure.getMessage().contains(line), "the failure quotes the line: " + failure.getMessage());
  }

  @Test
  void specWithDocumentationUrlThatIsNoUriIsRejected() {
    // format assertions are on: "uri" is checked, not just annotated.
    String line = SPEC.replace("https://docs.example.com/destinations/sqlite", "see our docs");

    assertContains(schema.messageLineProblems(line), "$.spec.documentationUrl");
  }

  @Test
  void typeWithoutItsPayloadIsRejected() {
    // AirbyteMessage alone accepts this: its schema does not tie type to payload.
    String line = "{\"type\":\"SPEC\",\"connectionStatus\":{\"status\":\"SUCCEEDED\"}}";

    assertEquals(List.of(), schema.problems("AirbyteMessage", json(line)));
    assertContains(schema.messageLineProblems(line), "required property 'spec' not found");
  }

  @Test
  void connectionStatusSucceededIsValid() {
    schema.assertValidMessageLine(
        "{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"SUCCEEDED\"}}");
    schema.assertValidMessageLine(
        "{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"FAILED\",\"message\":\"no such file\"}}");
  }

  @Test
  void connectionStatusMaybeIsRejected() {
    List<String> problems = schema.messageLineProblems(
        "{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"MAYBE\"}}");

    assertContains(problems, "$.connectionStatus.status: does not have a value in the enumeration");
  }

  @Test
  void traceErrorWithKnownFailureTypeIsValid() {
    schema.assertValidMessageLine("{\"type\":\"TRACE\",\"trace\":{\"type\":\"ERROR\",\"emitted_at\":1719000000000,"
        + "\"error\":{\"message\":\"Cannot open the file\",\"failure_type\":\"config_error\"}}}");
  }

  @Test
  void traceErrorWithUnknownFailureTypeIsRejected() {
    List<String> problems = schema.messageLineProblems("{\"type\":\"TRACE\",\"trace\":{\"type\":\"ERROR\","
        + "\"emitted_at\":1719000000000,\"error\":{\"message\":\"boom\",\"failure_type\":\"oops\"}}}");

    assertContains(problems, "$.trace.error.failure_type: does not have a value in the enumeration");
  }

  @Test
  void stateMessageWithExtraFieldsIsValid() {
    schema.assertValidMessageLine("{\"type\":\"STATE\",\"extra_at_top\":1,\"state\":{\"type\":\"STREAM\","
        + "\"stream\":{\"stream_descriptor\":{\"name\":\"users\",\"namespace\":\"public\"},"
        + "\"stream_state\":{\"cursor\":42},\"extra_in_stream\":\"x\"},"
        + "\"destinationStats\":{\"recordCount\":2.0},\"extra_in_state\":[1,2]}}");
  }

  @Test
  void stateMessageWithoutStreamDescriptorIsRejected() {
    List<String> problems = schema.messageLineProblems(
        "{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_state\":{}}}}");

    assertContains(problems, "$.state.stream: required property 'stream_descriptor' not found");
  }

  @Test
  void logAndRecordMessagesAreCheckedToo() {
    schema.assertValidMessageLine("{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"started\"}}");
    schema.assertValidMessageLine("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":1},"
        + "\"emitted_at\":1719000000000}}");

    assertContains(schema.messageLineProblems("{\"type\":\"LOG\",\"log\":{\"level\":\"LOUD\",\"message\":\"x\"}}"),
        "$.log.level: does not have a value in the enumeration");
    assertContains(schema.messageLineProblems("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{}}}"),
        "$.record: required property 'emitted_at' not found");
  }

  @Test
  void unknownMessageTypeIsRejected() {
    assertContains(schema.messageLineProblems("{\"type\":\"HELLO\"}"),
        "$.type: does not have a value in the enumeration");
  }

  @Test
  void lineThatIsNotOneJsonObjectIsRejected() {
    assertContains(schema.messageLineProblems("Starting the destination..."), "the line is not JSON");
    assertContains(schema.messageLineProblems("{\"type\":\"LOG\"} {\"type\":\"LOG\"}"), "the line is not JSON");
    assertContains(schema.messageLineProblems("[]"), "the line is a JSON array, not an object");
    assertContains(schema.messageLineProblems(""), "the line is empty");
  }

  @Test
  void configuredCatalogIsValidatedAgainstItsDefinition() {
    String stream = "{\"streams\":[{\"stream\":{\"name\":\"users\",\"json_schema\":{\"type\":\"object\"},"
        + "\"supported_sync_modes\":[\"full_refresh\"]},\"sync_mode\":\"full_refresh\","
        + "\"destination_sync_mode\":\"%s\"}]}";

    schema.assertValid("ConfiguredAirbyteCatalog", json(stream.formatted("append")));
    assertContains(schema.problems("ConfiguredAirbyteCatalog", json(stream.formatted("sideways"))),
        "$.streams[0].destination_sync_mode: does not have a value in the enumeration");
  }

  @Test
  void assertValidReportsEveryProblemAndTheJson() {
    JsonNode status = json("{\"message\":7}");

    AssertionError failure = assertThrows(AssertionError.class,
        () -> schema.assertValid("AirbyteConnectionStatus", status));

    for (String problem : schema.problems("AirbyteConnectionStatus", status)) {
      assertTrue(failure.getMessage().contains(problem), failure.getMessage());
    }
    assertEquals(2, schema.problems("AirbyteConnectionStatus", status).size(), failure.getMessage());
    assertTrue(failure.getMessage().contains("#/definitions/AirbyteConnectionStatus"), failure.getMessage());
    assertTrue(failure.getMessage().contains(status.toString()), failure.getMessage());
  }

  @Test
  void unknownDefinitionNamesTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> schema.problems("AirbyteMesage", json("{}")));

    assertTrue(e.getMessage().contains("AirbyteMessage"), e.getMessage());
  }

  @Test
  void fileIsReadOncePerJvm() {
    assertSame(schema, ProtocolSchema.require());
    assertSame(schema, ProtocolSchema.load(schema.file()).orElseThrow());
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static void assertContains(List<String> problems, String expected) {
    assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
        "expected a problem containing \"" + expected + "\" in " + problems);
  }

  @Test
  void theRuntimesDestinationCatalogIsValid() throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    new io.destkit.runtime.protocol.ProtocolOutput(out, new io.destkit.runtime.secret.SecretMasker())
        .destinationCatalog(new io.destkit.runtime.discover.DestinationCatalog(List.of(
            new io.destkit.runtime.discover.DestinationOperation("contacts",
                io.destkit.annotations.DestinationSyncMode.UPDATE,
                JSON.readTree("{\"type\":\"object\",\"properties\":{\"email\":{\"type\":\"string\"}}}"),
                List.of(List.of("email"))),
            new io.destkit.runtime.discover.DestinationOperation("notes",
                io.destkit.annotations.DestinationSyncMode.APPEND, JSON.readTree("{}"), List.of()))));
    String line = out.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
    assertEquals(List.of(), schema.messageLineProblems(line));
  }

  @Test
  void aDestinationCatalogWithAnUnknownModeIsRejected() {
    String line = "{\"type\":\"DESTINATION_CATALOG\",\"destination_catalog\":{\"operations\":[{\"object_name\":"
        + "\"contacts\",\"sync_mode\":\"upsert\",\"json_schema\":{}}]}}";
    assertContains(schema.messageLineProblems(line), "sync_mode");
  }
}

package io.destkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Finding the schema file, and what happens when it is not there. Needs no schema file. */
class ProtocolSchemaLocationTest {
  @TempDir
  Path dir;

  @Test
  void missingFileIsEmpty() {
    assertEquals(Optional.empty(), ProtocolSchema.load(dir.resolve("airbyte_protocol.yaml")));
  }

  @Test
  void requireOfMissingFileSkipsNamingThePath() {
    Path missing = dir.resolve("nowhere/airbyte_protocol.yaml");

    TestAbortedException skip = assertThrows(TestAbortedException.class, () -> ProtocolSchema.require(missing));

    assertTrue(skip.getMessage().contains(missing.toAbsolutePath().toString()), skip.getMessage());
    assertTrue(skip.getMessage().contains("destkit.protocolSchema"), skip.getMessage());
  }

  @Test
  void systemPropertyComesBeforeEnvironmentVariable() {
    Optional<SchemaFileSetting> setting = SchemaFileSetting.resolve(
        Map.of("destkit.protocolSchema", "/a/airbyte_protocol.yaml")::get,
        Map.of("DESTKIT_PROTOCOL_SCHEMA", "/b/airbyte_protocol.yaml")::get);

    assertEquals(Path.of("/a/airbyte_protocol.yaml"), setting.orElseThrow().file());
    assertTrue(setting.orElseThrow().missingReason().contains("system property destkit.protocolSchema"));
  }

  @Test
  void blankSystemPropertyFallsBackToEnvironmentVariable() {
    Optional<SchemaFileSetting> setting = SchemaFileSetting.resolve(
        Map.of("destkit.protocolSchema", " ")::get,
        Map.of("DESTKIT_PROTOCOL_SCHEMA", "/b/airbyte_protocol.yaml")::get);

    assertEquals(Path.of("/b/airbyte_protocol.yaml"), setting.orElseThrow().file());
    assertTrue(setting.orElseThrow().missingReason().contains("/b/airbyte_protocol.yaml"));
    assertTrue(setting.orElseThrow().missingReason().contains("environment variable DESTKIT_PROTOCOL_SCHEMA"));
  }

  @Test
  void neitherSetIsEmpty() {
    assertEquals(Optional.empty(), SchemaFileSetting.resolve(name -> null, name -> null));
  }

  @Test
  void fileThatIsNotTheProtocolSchemaFailsInsteadOfSkipping() throws IOException {
    Path other = Files.writeString(dir.resolve("other.yaml"), "title: something else\ndefinitions: {}\n");
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "definitions: [\n");

    IllegalArgumentException notProtocol = assertThrows(IllegalArgumentException.class,
        () -> ProtocolSchema.load(other));
    assertTrue(notProtocol.getMessage().contains(other.toString()), notProtocol.getMessage());
    IllegalArgumentException notYaml = assertThrows(IllegalArgumentException.class, () -> ProtocolSchema.load(broken));
    assertTrue(notYaml.getMessage().contains(broken.toString()), notYaml.getMessage());
  }

  @Test
  void smallProtocolFileIsUsableWithoutTheRealOne() throws IOException {
    // The $id must not be fetched (there is no network in CI); a file with a remote $id still validates offline.
    Path file = Files.writeString(dir.resolve("airbyte_protocol.yaml"), """
        "$schema": http://json-schema.org/draft-07/schema#
        "$id": https://github.com/airbytehq/airbyte/blob/master/airbyte_protocol.yaml
        definitions:
          AirbyteMessage:
            type: object
            required: [type]
            properties:
              type: {type: string, enum: [LOG]}
              log: {"$ref": "#/definitions/AirbyteLogMessage"}
          AirbyteLogMessage:
            type: object
            existingJavaType: com.fasterxml.jackson.databind.JsonNode
            required: [level, message]
            properties:
              level: {type: string}
              message: {type: string}
        """);

    ProtocolSchema schema = ProtocolSchema.load(file).orElseThrow();

    schema.assertValidMessageLine("{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"hi\"}}");
    assertEquals(List.of("$: required property 'log' not found"),
        schema.messageLineProblems("{\"type\":\"LOG\"}"));
  }
}

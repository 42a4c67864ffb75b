package io.destkit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.destkit.processor.ConnectorSources.config;
import static io.destkit.processor.ConnectorSources.destinationWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** metadata.yaml read back by a YAML parser gives the values written, whatever characters they hold. */
class MetadataYamlTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void valuesThatYamlWouldMisreadAreQuoted() throws Exception {
    Compilation compilation = Compilations.compileWith(List.of("-Adestkit.connectorVersion=1.0"),
        config("@ConnectorConfig(title = \"Warehouse: #1, 'best' \\\"SQL\\\"\")",
            "public record TestConfig(String host) {}"),
        destinationWith(List.of("    license = \"yes\","), List.of(
            "@BreakingChange(version = \"2.0.0\", upgradeDeadline = \"2025-12-31\",",
            "    message = \"Set host: it is required.\\nThen - and only then - test again \\\\ é #done\")",
            "@BreakingChange(version = \"0.3.0\", upgradeDeadline = \"2024-01-31\", message = \"true\")")));
    assertThat(compilation).succeededWithoutWarnings();
    JsonNode metadata = YAML.readTree(Compilations.resourceText(compilation, "metadata.yaml"));
    assertEquals("1.0", metadata.get("metadataSpecVersion").textValue());
    JsonNode data = metadata.get("data");
    assertEquals("Warehouse: #1, 'best' \"SQL\"", data.get("name").textValue());
    assertEquals("yes", data.get("license").textValue());
    assertEquals("1.0", data.get("dockerImageTag").textValue());
    assertEquals("https://example.com/docs", data.get("documentationUrl").textValue());
    assertEquals(List.of("0.3.0", "2.0.0"), List.copyOf(fieldNames(data.at("/releases/breakingChanges"))));
    assertEquals("2025-12-31", data.at("/releases/breakingChanges/2.0.0/upgradeDeadline").textValue());
    assertEquals("Set host: it is required.\nThen - and only then - test again \\ é #done",
        data.at("/releases/breakingChanges/2.0.0/message").textValue());
    assertEquals("true", data.at("/releases/breakingChanges/0.3.0/message").textValue());
    assertEquals(data.get("definitionId").textValue(),
        UUID.fromString(data.get("definitionId").textValue()).toString());
  }

  @Test
  void capabilitiesFollowTheHandlersAndAreAlwaysWritten() throws Exception {
    List<Object> appendOnly = capabilities(
        "@OnRecords void write(io.destkit.runtime.write.RecordBatch batch) {}");
    assertEquals(List.of(false, false, false), appendOnly);
    List<Object> filesAndRefreshes = capabilities(
        "@OnRecords(stream = \"docs\", files = true) void docs(io.destkit.runtime.write.RecordBatch batch) {}",
        "@OnRecords(modes = {DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE})",
        "void write(io.destkit.runtime.write.RecordBatch batch) {}");
    assertEquals(List.of(true, true, false), filesAndRefreshes);
    List<Object> activation = capabilities(
        "@Discover java.util.List<io.destkit.runtime.discover.DestinationOperation> objects() {",
        "  return java.util.List.of();",
        "}",
        "@OnRecords(modes = DestinationSyncMode.SOFT_DELETE) void write(io.destkit.runtime.write.RecordBatch b) {}");
    assertEquals(List.of(false, false, true), activation);
  }

  /**
   * supportsRefreshes, supportsFileTransfer, supportsDataActivation of a connector with {@code body}, as YAML reads
   * them back: Booleans when they are YAML booleans, else the node (which equals no Boolean).
   */
  private static List<Object> capabilities(String... body) throws Exception {
    Compilation compilation = Compilations.compileWith(List.of("-Adestkit.connectorVersion=1.0"), config(),
        destinationWith(List.of(), List.of(), body));
    assertThat(compilation).succeededWithoutWarnings();
    JsonNode data = YAML.readTree(Compilations.resourceText(compilation, "metadata.yaml")).get("data");
    List<Object> values = new ArrayList<>();
    for (String field : List.of("supportsRefreshes", "supportsFileTransfer", "supportsDataActivation")) {
      JsonNode value = data.path(field);
      values.add(value.isBoolean() ? (Object) value.booleanValue() : value);
    }
    return values;
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

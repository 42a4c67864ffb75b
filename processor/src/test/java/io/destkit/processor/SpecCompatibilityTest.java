package io.destkit.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.processor.validate.SpecCompatibility;
import io.destkit.processor.validate.SpecCompatibility.Change;
import io.destkit.processor.validate.SpecCompatibility.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison of a new spec with the released one, each kind of change on its own, at every depth. */
class SpecCompatibilityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A config of the shapes destkit writes: scalars, an enum, a nested object, a list of objects and a oneOf. */
  private static final String RELEASED = """
      {"type": "object", "required": ["host", "database"], "properties": {
        "host": {"type": "string"},
        "port": {"type": "integer", "minimum": 1, "maximum": 65535, "default": 5432},
        "ratio": {"type": "number"},
        "schema": {"type": "string"},
        "ssl_mode": {"type": "string", "enum": ["disable", "require", "verify-full"]},
        "tuning": {"type": "object", "properties": {"threads": {"type": "integer"}}},
        "replicas": {"type": "array", "items": {"type": "object", "required": ["host"],
          "properties": {"host": {"type": "string"}, "port": {"type": "integer"}}}},
        "database": {"type": "object", "oneOf": [
          {"title": "SQLite", "type": "object", "required": ["engine", "path"], "properties": {
            "engine": {"type": "string", "const": "sqlite"}, "path": {"type": "string"}}},
          {"title": "PostgreSQL", "type": "object", "required": ["engine", "host"], "properties": {
            "engine": {"type": "string", "const": "postgres"}, "host": {"type": "string"},
            "port": {"type": "integer", "default": 5432}}}]}}}
      """;

  @Test
  void theSameSpecHasNoChange() {
    assertEquals(List.of(), compare(RELEASED, RELEASED));
  }

  @Test
  void compatibleChangesPass() {
    String current = edit(RELEASED, spec -> {
      object(spec, "/properties").putObject("comment").put("type", "string");
      object(spec, "/properties").putObject("region").put("type", "string").put("default", "eu");
      array(spec, "/required").add("region");
      object(spec, "/properties/ratio").remove("type");
      object(spec, "/properties/port").put("type", "number").put("minimum", 0).remove("maximum");
      array(spec, "/properties/ssl_mode/enum").add("prefer");
      object(spec, "/properties/schema").set("type", JSON.createArrayNode().add("null").add("string"));
      array(spec, "/properties/database/oneOf").addObject().put("type", "object")
          .putObject("properties").putObject("engine").put("type", "string").put("const", "mysql");
      array(spec, "/required").remove(1);
    });
    assertEquals(List.of(), compare(RELEASED, current, List.of("append"), List.of("append", "overwrite")));
  }

  @Test
  void aRemovedFieldBreaksAtAnyDepth() {
    String current = edit(RELEASED, spec -> {
      object(spec, "/properties").remove("schema");
      object(spec, "/properties/tuning/properties").remove("threads");
      object(spec, "/properties/replicas/items/properties").remove("port");
      object(spec, "/properties/database/oneOf/1/properties").remove("port");
    });
    assertEquals(List.of(
            new Change(Kind.FIELD_REMOVED, "$.schema", "removed (or renamed)"),
            new Change(Kind.FIELD_REMOVED, "$.tuning.threads", "removed (or renamed)"),
            new Change(Kind.FIELD_REMOVED, "$.replicas[].port", "removed (or renamed)"),
            new Change(Kind.FIELD_REMOVED, "$.database[engine=postgres].port", "removed (or renamed)")),
        compare(RELEASED, current));
  }

  @Test
  void aRenamedFieldIsRemovedAndTheNewNameRequired() {
    String current = edit(RELEASED, spec -> {
      object(spec, "/properties").set("hostname", object(spec, "/properties").remove("host"));
      array(spec, "/required").set(0, "hostname");
    });
    assertEquals(List.of("$.host: removed (or renamed)", "$.hostname: new required field without default"),
        described(RELEASED, current));
  }

  @Test
  void aFieldMadeRequiredOrANewRequiredFieldWithoutDefaultBreaks() {
    String current = edit(RELEASED, spec -> {
      array(spec, "/required").add("schema").add("token");
      object(spec, "/properties").putObject("token").put("type", "string");
      array(spec, "/properties/database/oneOf/0/required").add("mode");
      object(spec, "/properties/database/oneOf/0/properties").putObject("mode").put("type", "string");
      object(spec, "/properties/port").remove("default");
      array(spec, "/required").add("port");
    });
    assertEquals(List.of(
            "$.database[engine=sqlite].mode: new required field without default",
            "$.schema: now required",
            "$.token: new required field without default",
            "$.port: now required"),
        described(RELEASED, current));
  }

  @Test
  void aNarrowedTypeBreaksButIntegerToNumberDoesNot() {
    String current = edit(RELEASED, spec -> {
      object(spec, "/properties/ratio").put("type", "integer");
      object(spec, "/properties/host").put("type", "integer");
      object(spec, "/properties/port").put("type", "number");
      object(spec, "/properties/tuning/properties/threads").put("type", "string");
    });
    assertEquals(List.of(
            new Change(Kind.TYPE_NARROWED, "$.host", "type narrowed from string to integer"),
            new Change(Kind.TYPE_NARROWED, "$.ratio", "type narrowed from number to integer"),
            new Change(Kind.TYPE_NARROWED, "$.tuning.threads", "type narrowed from integer to string")),
        compare(RELEASED, current));
  }

  @Test
  void aTypeThatNoLongerAcceptsNullOrAnythingIsNarrowed() {
    String released = """
        {"type": "object", "properties": {"a": {"type": ["null", "string"]}, "b": {}}}""";
    String current = """
        {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "object"}}}""";
    assertEquals(List.of("$.a: type narrowed from null or string to string",
        "$.b: type narrowed from any type to object"), described(released, current));
  }

  @Test
  void aDroppedEnumValueBreaksOnlyThatValue() {
    String current = edit(RELEASED, spec -> object(spec, "/properties/ssl_mode")
        .set("enum", JSON.createArrayNode().add("disable").add("verify-full").add("verify-ca")));
    assertEquals(List.of(new Change(Kind.ENUM_VALUE_DROPPED, "$.ssl_mode", "value require no longer allowed")),
        compare(RELEASED, current));
  }

  @Test
  void aDroppedChoiceBreaksMatchedByItsDiscriminatorNotItsPosition() {
    String current = edit(RELEASED, spec -> {
      array(spec, "/properties/database/oneOf").remove(0);
      object(spec, "/properties/database/oneOf/0/properties/host").put("type", "integer");
    });
    assertEquals(List.of(
            new Change(Kind.CHOICE_DROPPED, "$.database[engine=sqlite]", "choice engine = sqlite removed"),
            new Change(Kind.TYPE_NARROWED, "$.database[engine=postgres].host", "type narrowed from string to integer")),
        compare(RELEASED, current));
  }

  @Test
  void aChoiceTurnedIntoAPlainObjectOrBackIsNarrowed() {
    String plain = edit(RELEASED, spec -> object(spec, "/properties/database").remove("oneOf"));
    assertEquals(List.of("$.database: no longer a choice of options (oneOf)"), described(RELEASED, plain));
    assertEquals(List.of("$.database: now a choice of options (oneOf)"), described(plain, RELEASED));
  }

  @Test
  void tighterConstraintsBreak() {
    String current = edit(RELEASED, spec -> {
      object(spec, "/properties/port").put("minimum", 1024).put("maximum", 9999);
      object(spec, "/properties/ratio").put("maximum", 1);
      object(spec, "/properties/schema").put("pattern", "^[a-z]+$");
      object(spec, "/properties/host").set("enum", JSON.createArrayNode().add("localhost"));
    });
    assertEquals(List.of(
            "$.host: now limited to the values localhost",
            "$.port: minimum raised from 1 to 1024",
            "$.port: maximum lowered from 65535 to 9999",
            "$.ratio: maximum lowered from none to 1",
            "$.schema: pattern added: ^[a-z]+$"),
        described(RELEASED, current));
    String changedPattern = edit(current, spec -> object(spec, "/properties/schema").put("pattern", "^[a-z_]+$"));
    assertEquals(List.of("$.schema: pattern changed from ^[a-z]+$ to ^[a-z_]+$"),
        described(current, changedPattern));
  }

  @Test
  void aDroppedSyncModeBreaks() {
    assertEquals(List.of(new Change(Kind.SYNC_MODE_DROPPED, "supported_destination_sync_modes",
            "sync mode overwrite no longer supported")),
        compare(RELEASED, RELEASED, List.of("append", "overwrite"), List.of("append", "append_dedup")));
  }

  @Test
  void aFieldWithAnOddNameIsNamedInBrackets() {
    String released = """
        {"type": "object", "properties": {"zip code": {"type": "string"}}}""";
    assertEquals(List.of("$['zip code']: removed (or renamed)"),
        described(released, "{\"type\": \"object\", \"properties\": {}}"));
  }

  private static List<Change> compare(String released, String current) {
    return compare(released, current, List.of(), List.of());
  }

  private static List<String> described(String released, String current) {
    return compare(released, current).stream().map(Change::describe).toList();
  }

  private static List<Change> compare(String released, String current, List<String> releasedModes,
      List<String> currentModes) {
    return SpecCompatibility.compare(spec(released, releasedModes), spec(current, currentModes));
  }

  /** A ConnectorSpecification with {@code connectionSpecification} and the sync modes. */
  private static JsonNode spec(String connectionSpecification, List<String> modes) {
    ObjectNode spec = JSON.createObjectNode();
    spec.put("documentationUrl", "https://example.com/docs");
    spec.set("connectionSpecification", read(connectionSpecification));
    modes.forEach(spec.putArray("supported_destination_sync_modes")::add);
    return spec;
  }

  private static String edit(String json, java.util.function.Consumer<ObjectNode> change) {
    ObjectNode tree = (ObjectNode) read(json);
    change.accept(tree);
    return tree.toString();
  }

  private static ObjectNode object(JsonNode tree, String pointer) {
    return (ObjectNode) tree.at(pointer);
  }

  private static ArrayNode array(JsonNode tree, String pointer) {
    return (ArrayNode) tree.at(pointer);
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

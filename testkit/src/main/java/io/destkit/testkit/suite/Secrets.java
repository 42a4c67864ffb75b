package io.destkit.testkit.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The values of a config that its spec marks {@code airbyte_secret}: what must never be printed. */
final class Secrets {
  /** Shorter values would be found by chance in any output. */
  private static final int SHORTEST = 4;

  private Secrets() {}

  /** The secret values of {@code config} by the {@code connectionSpecification} {@code schema}. */
  static List<String> in(JsonNode schema, JsonNode config) {
    List<String> secrets = new ArrayList<>();
    collect(schema, config, secrets);
    return secrets;
  }

  private static void collect(JsonNode schema, JsonNode value, List<String> secrets) {
    if (schema == null || !schema.isObject() || value == null) {
      return;
    }
    if (schema.path("airbyte_secret").asBoolean(false) && value.isTextual()
        && value.textValue().length() >= SHORTEST) {
      secrets.add(value.textValue());
    }
    for (String combiner : List.of("oneOf", "anyOf", "allOf")) {
      for (JsonNode option : schema.path(combiner)) {
        collect(option, value, secrets);
      }
    }
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        collect(schema.path("properties").get(field.getKey()), field.getValue(), secrets);
      }
    } else if (value.isArray()) {
      for (JsonNode item : value) {
        collect(schema.get("items"), item, secrets);
      }
    }
  }
}

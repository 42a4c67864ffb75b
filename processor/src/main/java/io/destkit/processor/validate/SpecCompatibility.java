package io.destkit.processor.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.processor.model.ConfigPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds what in a new spec breaks users of the released one: a config valid under the released spec that the new one
 * refuses or ignores, or a sync mode their connections use that is gone. Compatible changes (a new optional field, a
 * wider type, a new enum value or choice, a new sync mode) are not reported. A pure function of the two specs.
 */
public final class SpecCompatibility {
  private static final String MODES = "supported_destination_sync_modes";

  /** The kinds of breaking change. */
  public enum Kind {
    /** A field of the released spec is gone (removed or renamed): configs that set it lose the setting. */
    FIELD_REMOVED,
    /** A field that configs could leave out must now be set: an optional one made required, or a new one. */
    FIELD_REQUIRED,
    /** A field accepts fewer types than before; integer to number is the one widening between types. */
    TYPE_NARROWED,
    /** A value the released enum allowed is not allowed any more. */
    ENUM_VALUE_DROPPED,
    /** A choice of a {@code oneOf} is gone. */
    CHOICE_DROPPED,
    /** A range, pattern or set of values now refuses values the released spec allowed. */
    CONSTRAINT_NARROWED,
    /** A destination sync mode is no longer supported. */
    SYNC_MODE_DROPPED
  }

  /** One breaking change: where (a JSON path, see {@link ConfigPaths}), what kind, and in words. */
  public record Change(Kind kind, String path, String detail) {
    /** For people, e.g. {@code $.port: type narrowed from number to integer}. */
    public String describe() {
      return path + ": " + detail;
    }
  }

  private SpecCompatibility() {}

  /** The breaking changes from {@code released} to {@code current}, two ConnectorSpecifications. */
  public static List<Change> compare(JsonNode released, JsonNode current) {
    List<Change> changes = new ArrayList<>();
    schema(ConfigPaths.ROOT, released.path("connectionSpecification"), current.path("connectionSpecification"),
        changes);
    Set<String> modes = strings(current.path(MODES));
    for (String mode : strings(released.path(MODES))) {
      if (!modes.contains(mode)) {
        changes.add(new Change(Kind.SYNC_MODE_DROPPED, MODES, "sync mode " + mode + " no longer supported"));
      }
    }
    return changes;
  }

  /** The breaking changes from one property schema to another, at {@code path}. */
  public static List<Change> compareSchemas(String path, JsonNode released, JsonNode current) {
    List<Change> changes = new ArrayList<>();
    schema(path, released, current, changes);
    return changes;
  }

  private static void schema(String path, JsonNode old, JsonNode now, List<Change> changes) {
    if (!types(path, old, now, changes)) {
      return;
    }
    values(path, old, now, changes);
    bounds(path, old, now, changes);
    if (old.has("oneOf") || now.has("oneOf")) {
      choices(path, old, now, changes);
    } else {
      properties(path, old, now, changes);
    }
    if (old.has("items") && now.has("items")) {
      schema(ConfigPaths.items(path), old.get("items"), now.get("items"), changes);
    }
  }

  /** Reports a narrowed type; returns whether the rest of the two schemas can be compared. */
  private static boolean types(String path, JsonNode old, JsonNode now, List<Change> changes) {
    Set<String> newTypes = strings(now.path("type"));
    if (newTypes.isEmpty()) {
      return true;
    }
    Set<String> oldTypes = strings(old.path("type"));
    boolean kept = !oldTypes.isEmpty();
    for (String type : oldTypes) {
      kept &= newTypes.contains(type) || type.equals("integer") && newTypes.contains("number");
    }
    if (kept) {
      return true;
    }
    changes.add(new Change(Kind.TYPE_NARROWED, path, "type narrowed from " + typeText(oldTypes) + " to "
        + typeText(newTypes)));
    return false;
  }

  private static String typeText(Set<String> types) {
    return types.isEmpty() ? "any type" : String.join(" or ", types);
  }

  private static void values(String path, JsonNode old, JsonNode now, List<Change> changes) {
    if (!now.has("enum")) {
      return;
    }
    Set<String> allowed = texts(now.get("enum"));
    if (!old.has("enum")) {
      changes.add(new Change(Kind.CONSTRAINT_NARROWED, path,
          "now limited to the values " + String.join(", ", allowed)));
      return;
    }
    for (String value : texts(old.get("enum"))) {
      if (!allowed.contains(value)) {
        changes.add(new Change(Kind.ENUM_VALUE_DROPPED, path, "value " + value + " no longer allowed"));
      }
    }
  }

  private static void bounds(String path, JsonNode old, JsonNode now, List<Change> changes) {
    if (now.has("minimum") && (!old.has("minimum")
        || now.get("minimum").decimalValue().compareTo(old.get("minimum").decimalValue()) > 0)) {
      changes.add(new Change(Kind.CONSTRAINT_NARROWED, path, "minimum raised from "
          + (old.has("minimum") ? old.get("minimum").asText() : "none") + " to " + now.get("minimum").asText()));
    }
    if (now.has("maximum") && (!old.has("maximum")
        || now.get("maximum").decimalValue().compareTo(old.get("maximum").decimalValue()) < 0)) {
      changes.add(new Change(Kind.CONSTRAINT_NARROWED, path, "maximum lowered from "
          + (old.has("maximum") ? old.get("maximum").asText() : "none") + " to " + now.get("maximum").asText()));
    }
    // Two expressions cannot be compared for the values they accept: any new or changed pattern may refuse some.
    if (now.has("pattern") && !now.get("pattern").equals(old.get("pattern"))) {
      changes.add(new Change(Kind.CONSTRAINT_NARROWED, path, "pattern " + (old.has("pattern")
          ? "changed from " + old.get("pattern").asText() + " to " : "added: ") + now.get("pattern").asText()));
    }
  }

  private static void properties(String path, JsonNode old, JsonNode now, List<Change> changes) {
    JsonNode oldProperties = old.path("properties");
    JsonNode newProperties = now.path("properties");
    Set<String> oldRequired = texts(old.path("required"));
    for (Map.Entry<String, JsonNode> property : oldProperties.properties()) {
      String where = ConfigPaths.property(path, property.getKey());
      if (!newProperties.has(property.getKey())) {
        changes.add(new Change(Kind.FIELD_REMOVED, where, "removed (or renamed)"));
      } else {
        schema(where, property.getValue(), newProperties.get(property.getKey()), changes);
      }
    }
    for (String name : texts(now.path("required"))) {
      JsonNode property = newProperties.path(name);
      if (oldRequired.contains(name) || property.has("default")) {
        continue;
      }
      String where = ConfigPaths.property(path, name);
      changes.add(new Change(Kind.FIELD_REQUIRED, where,
          oldProperties.has(name) ? "now required" : "new required field without default"));
    }
  }

  /** Compares two {@code oneOf}s choice by choice, matched by the value of their discriminator. */
  private static void choices(String path, JsonNode old, JsonNode now, List<Change> changes) {
    if (!now.has("oneOf")) {
      changes.add(new Change(Kind.TYPE_NARROWED, path, "no longer a choice of options (oneOf)"));
      return;
    }
    if (!old.has("oneOf")) {
      changes.add(new Change(Kind.TYPE_NARROWED, path, "now a choice of options (oneOf)"));
      return;
    }
    String discriminator = discriminator(old.get("oneOf"));
    if (discriminator == null) {
      return;
    }
    Map<String, JsonNode> current = byValue(now.get("oneOf"), discriminator);
    for (Map.Entry<String, JsonNode> choice : byValue(old.get("oneOf"), discriminator).entrySet()) {
      String where = ConfigPaths.choice(path, discriminator, choice.getKey());
      JsonNode match = current.get(choice.getKey());
      if (match == null) {
        changes.add(new Change(Kind.CHOICE_DROPPED, where, "choice " + discriminator + " = " + choice.getKey()
            + " removed"));
      } else {
        schema(where, choice.getValue(), match, changes);
      }
    }
  }

  /** The property every option of a {@code oneOf} gives a constant value, or null when there is none. */
  private static String discriminator(JsonNode options) {
    Set<String> common = null;
    for (JsonNode option : options) {
      Set<String> constants = new LinkedHashSet<>();
      for (Map.Entry<String, JsonNode> property : option.path("properties").properties()) {
        if (property.getValue().has("const")) {
          constants.add(property.getKey());
        }
      }
      if (common == null) {
        common = constants;
      } else {
        common.retainAll(constants);
      }
    }
    return common == null || common.isEmpty() ? null : common.iterator().next();
  }

  private static Map<String, JsonNode> byValue(JsonNode options, String discriminator) {
    Map<String, JsonNode> byValue = new LinkedHashMap<>();
    for (JsonNode option : options) {
      JsonNode constant = option.path("properties").path(discriminator).path("const");
      if (!constant.isMissingNode()) {
        byValue.put(constant.asText(), option);
      }
    }
    return byValue;
  }

  /** A string or array of strings as a set, in order. */
  private static Set<String> strings(JsonNode node) {
    Set<String> values = new LinkedHashSet<>();
    if (node.isTextual()) {
      values.add(node.asText());
    } else if (node.isArray()) {
      node.forEach(value -> values.add(value.asText()));
    }
    return values;
  }

  /** The values of an array as text, e.g. enum values; JSON text for what is not a string. */
  private static Set<String> texts(JsonNode array) {
    Set<String> values = new LinkedHashSet<>();
    array.forEach(value -> values.add(value.isTextual() ? value.asText() : value.toString()));
    return values;
  }
}

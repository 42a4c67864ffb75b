package io.destkit.testkit.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A top-level field of a stream: its name in the records and its JSON schema (see {@link FieldTypes}).
 *
 * @param name the field's name, exactly as records carry it
 * @param schema the field's JSON schema, e.g. {@code {"type": "integer"}}
 */
public record Field(String name, ObjectNode schema) {
  /** Rejects nulls. */
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schema, "schema");
  }

  /** A field named {@code name} of type {@code schema}; with static imports, {@code field("id", integer())}. */
  public static Field field(String name, ObjectNode schema) {
    return new Field(name, schema);
  }
}

package io.destkit.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.destkit.runtime.types.AirbyteType;
import java.util.List;

/** What a field of a generated record class holds, as its codec reads and writes it. */
public sealed interface TypedShape {
  /** The Java type of the field. */
  TypeName javaType();

  /** A value the runtime's decoder for {@code type} reads: String, Boolean, Long, BigDecimal, java.time, byte[]. */
  record Scalar(AirbyteType type, TypeName javaType) implements TypedShape {}

  /** A value kept as a Jackson tree: unions and schemaless values. */
  record Tree(TypeName javaType) implements TypedShape {}

  /** A nested object with its own generated class. */
  record Nested(TypedObject object) implements TypedShape {
    @Override
    public TypeName javaType() {
      return object.className();
    }
  }

  /** A list of values of one shape. */
  record ListOf(TypedShape items, TypeName javaType) implements TypedShape {}

  /** A generated class: its fields in schema order, and its path from the record's root ("" for the root). */
  record TypedObject(ClassName className, String path, List<TypedField> fields) {}

  /**
   * A field of a generated class.
   *
   * @param fieldPath the name used in meta changes: the JSON name, prefixed with its parents' for nested objects
   */
  record TypedField(String jsonName, String fieldPath, String getter, String setter, TypedShape shape) {}
}

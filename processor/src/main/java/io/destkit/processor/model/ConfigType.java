package io.destkit.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** The type of a config property as the spec and the reader see it. */
public sealed interface ConfigType {

  /** How the type reads in messages. */
  String describe();

  /** The kinds of scalar, with their JSON Schema type. */
  enum Scalar {
    STRING("string", "String"),
    BOOLEAN("boolean", "boolean"),
    INT("integer", "int"),
    LONG("integer", "long"),
    DOUBLE("number", "double"),
    DECIMAL("number", "BigDecimal");

    private final String schemaType;
    private final String javaName;

    Scalar(String schemaType, String javaName) {
      this.schemaType = schemaType;
      this.javaName = javaName;
    }

    public String schemaType() {
      return schemaType;
    }

    public String javaName() {
      return javaName;
    }

    public boolean isNumeric() {
      return this == INT || this == LONG || this == DOUBLE || this == DECIMAL;
    }
  }

  /** A string, boolean or number; {@code primitive} when the Java type is a primitive (cannot be null). */
  record ScalarType(Scalar scalar, boolean primitive) implements ConfigType {
    @Override
    public String describe() {
      return scalar.javaName();
    }
  }

  /** A Java enum: one of its constants' JSON values. */
  record EnumType(ClassName className, List<EnumConstant> constants) implements ConfigType {
    @Override
    public String describe() {
      return "enum " + className.simpleName();
    }

    public List<String> values() {
      return constants.stream().map(EnumConstant::jsonValue).toList();
    }
  }

  /** One constant of an {@link EnumType}: its Java name and its value in JSON. */
  record EnumConstant(String javaName, String jsonValue) {}

  /** A {@code List} of values of one type. */
  record ListType(ConfigType items) implements ConfigType {
    @Override
    public String describe() {
      return "List<" + items.describe() + ">";
    }
  }

  /** A record or class read property by property. */
  record ObjectType(ClassName className, TypeElement element, boolean isRecord, Construction construction,
      List<PropertyModel> properties, boolean declaresToString) implements ConfigType {
    @Override
    public String describe() {
      return className.simpleName();
    }
  }

  /** A sealed interface annotated {@code @OneOf}: one of its choices, told apart by the discriminator. */
  record OneOfType(ClassName className, TypeElement element, AnnotationMirror annotation, String discriminator,
      List<ChoiceModel> choices) implements ConfigType {
    @Override
    public String describe() {
      return className.simpleName();
    }
  }

  /** A type a spec cannot describe; {@code reason} says which rule it breaks. */
  record UnsupportedType(String typeName, Reason reason, TypeElement element) implements ConfigType {
    /** Why a type is not supported. */
    public enum Reason { UNSUPPORTED, NOT_ONE_OF, CYCLE }

    @Override
    public String describe() {
      return typeName;
    }
  }
}

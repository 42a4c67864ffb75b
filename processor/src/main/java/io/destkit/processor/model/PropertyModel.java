package io.destkit.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * One config property: a record component or a field. Its {@code @Property} attributes are kept with their places
 * (on the element when it has no {@code @Property}); annotation mirrors are null when absent.
 *
 * @param element the record component or field
 * @param javaName the component or field name
 * @param jsonName the name in the JSON config: {@code @Property(name)}, else the Java name
 * @param javaType the declared Java type
 * @param type the type as the spec sees it
 * @param defaultValue the default as written; its value is null when none is
 * @param requiredAttribute what {@code @Property(required)} says (true when absent)
 * @param assignment how a built object receives the value
 */
public record PropertyModel(
    Element element,
    String javaName,
    Attribute<String> jsonName,
    TypeName javaType,
    ConfigType type,
    AnnotationMirror propertyAnnotation,
    Attribute<String> title,
    Attribute<String> description,
    Attribute<Integer> order,
    List<Attribute<String>> examples,
    Attribute<String> defaultValue,
    Attribute<Boolean> requiredAttribute,
    Attribute<String> group,
    Attribute<Boolean> alwaysShow,
    Attribute<Boolean> multiline,
    AnnotationMirror secretAnnotation,
    RangeModel range,
    PatternModel pattern,
    Assignment assignment,
    boolean rejectedRecords,
    String readAccess) {

  /** The name in the JSON config. */
  public String name() {
    return jsonName.value();
  }

  /** The default as written, or null. */
  public String defaultText() {
    return defaultValue.value();
  }

  /** The examples as written. */
  public List<String> exampleTexts() {
    return examples.stream().map(Attribute::value).toList();
  }

  /** Whether the config must set it: no default, and not declared optional. */
  public boolean required() {
    return defaultValue.value() == null && requiredAttribute.value();
  }

  public boolean secret() {
    return secretAnnotation != null;
  }

  /** {@code @Range}: inclusive bounds, infinite when open. */
  public record RangeModel(AnnotationMirror annotation, double min, double max) {}

  /** {@code @Pattern}: the expression (shown at its value) and what it looks like for people. */
  public record PatternModel(AnnotationMirror annotation, Attribute<String> regex, String descriptor) {}

  /** How a property's value gets into the object. */
  public record Assignment(Kind kind, String name) {
    /** The ways. */
    public enum Kind { CONSTRUCTOR_ARGUMENT, FIELD, SETTER, NONE }
  }
}

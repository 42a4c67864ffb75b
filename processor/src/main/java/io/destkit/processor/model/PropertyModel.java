package io.destkit.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * One config property: a record component or a field. Annotation mirrors are kept (null when absent) so that problems
 * can point at them; the plain values beside them are what generators use.
 *
 * @param element the record component or field
 * @param javaName the component or field name
 * @param jsonName the name in the JSON config
 * @param javaType the declared Java type
 * @param type the type as the spec sees it
 * @param defaultValue the default as written, or null
 * @param requiredAttribute what {@code @Property(required)} says (true when absent)
 * @param assignment how a built object receives the value
 */
public record PropertyModel(
    Element element,
    String javaName,
    String jsonName,
    TypeName javaType,
    ConfigType type,
    AnnotationMirror propertyAnnotation,
    String title,
    String description,
    int order,
    List<String> examples,
    String defaultValue,
    boolean requiredAttribute,
    String group,
    boolean alwaysShow,
    boolean multiline,
    AnnotationMirror secretAnnotation,
    RangeModel range,
    PatternModel pattern,
    Assignment assignment) {

  /** Whether the config must set it: no default, and not declared optional. */
  public boolean required() {
    return defaultValue == null && requiredAttribute;
  }

  public boolean secret() {
    return secretAnnotation != null;
  }

  /** {@code @Range}: inclusive bounds, infinite when open. */
  public record RangeModel(AnnotationMirror annotation, double min, double max) {}

  /** {@code @Pattern}: the expression and what it looks like for people. */
  public record PatternModel(AnnotationMirror annotation, String regex, String descriptor) {}

  /** How a property's value gets into the object. */
  public record Assignment(Kind kind, String name) {
    /** The ways. */
    public enum Kind { CONSTRUCTOR_ARGUMENT, FIELD, SETTER, NONE }
  }
}

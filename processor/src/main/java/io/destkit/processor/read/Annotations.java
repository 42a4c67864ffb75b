package io.destkit.processor.read;

import io.destkit.processor.model.Attribute;
import io.destkit.processor.model.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads annotation mirrors without the proxies of {@code getAnnotation}, which cannot give Class values. Only the read
 * stage uses it: what it takes goes into the model as {@link Attribute}s, each with its place.
 */
final class Annotations {
  private Annotations() {}

  /** The mirror of {@code annotation} on {@code element}, or null. */
  static AnnotationMirror mirror(Element element, Class<?> annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotation.getCanonicalName())) {
        return mirror;
      }
    }
    return null;
  }

  /** The value the author wrote for {@code name}, or null when the default applies. */
  static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
    if (mirror == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** The value of {@code name}, written or default. */
  static AnnotationValue value(AnnotationMirror mirror, String name) {
    AnnotationValue explicit = explicitValue(mirror, name);
    if (explicit != null) {
      return explicit;
    }
    TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof ExecutableElement method && method.getSimpleName().contentEquals(name)) {
        return method.getDefaultValue();
      }
    }
    throw new IllegalArgumentException("No member " + name + " in " + type);
  }

  /** The elements of an array member, as their annotation values. */
  @SuppressWarnings("unchecked")
  static List<? extends AnnotationValue> list(AnnotationMirror mirror, String name) {
    return (List<? extends AnnotationValue>) value(mirror, name).getValue();
  }

  /** Attribute {@code name} of {@code mirror}, an annotation of {@code element}, with where it was written. */
  static <T> Attribute<T> attribute(Element element, AnnotationMirror mirror, String name, Class<T> type) {
    return attribute(Site.of(element, mirror), mirror, name, type);
  }

  /**
   * Attribute {@code name} of {@code mirror}, shown at {@code site}: the annotation itself, or, for an annotation that
   * is one entry of a repeated annotation's container (javac cannot place a message inside one), that entry.
   */
  static <T> Attribute<T> attribute(Site site, AnnotationMirror mirror, String name, Class<T> type) {
    AnnotationValue written = explicitValue(mirror, name);
    T value = type.cast(value(mirror, name).getValue());
    Site at = site.value() != null ? site : new Site(site.element(), site.annotation(), written);
    return new Attribute<>(value, written != null, at);
  }

  /** A string array attribute: each element with its own place where the author wrote the array. */
  static List<Attribute<String>> strings(Element element, AnnotationMirror mirror, String name) {
    AnnotationValue written = explicitValue(mirror, name);
    List<Attribute<String>> values = new ArrayList<>();
    for (AnnotationValue value : list(mirror, name)) {
      values.add(new Attribute<>((String) value.getValue(), written != null,
          new Site(element, mirror, written == null ? null : value)));
    }
    return List.copyOf(values);
  }
}

package io.destkit.processor.read;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/** Reads annotation mirrors without the proxies of {@code getAnnotation}, which cannot give Class values. */
public final class Annotations {
  private Annotations() {}

  /** The mirror of {@code annotation} on {@code element}, or null. */
  public static AnnotationMirror mirror(Element element, Class<?> annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotation.getCanonicalName())) {
        return mirror;
      }
    }
    return null;
  }

  /** The value the author wrote for {@code name}, or null when the default applies. */
  public static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
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
  public static AnnotationValue value(AnnotationMirror mirror, String name) {
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

  public static String string(AnnotationMirror mirror, String name) {
    return (String) value(mirror, name).getValue();
  }

  public static int integer(AnnotationMirror mirror, String name) {
    return (Integer) value(mirror, name).getValue();
  }

  public static double decimal(AnnotationMirror mirror, String name) {
    return (Double) value(mirror, name).getValue();
  }

  public static boolean bool(AnnotationMirror mirror, String name) {
    return (Boolean) value(mirror, name).getValue();
  }

  public static TypeMirror type(AnnotationMirror mirror, String name) {
    return (TypeMirror) value(mirror, name).getValue();
  }

  /** The elements of an array member, as their annotation values. */
  @SuppressWarnings("unchecked")
  public static List<? extends AnnotationValue> list(AnnotationMirror mirror, String name) {
    return (List<? extends AnnotationValue>) value(mirror, name).getValue();
  }

  public static List<String> strings(AnnotationMirror mirror, String name) {
    return list(mirror, name).stream().map(v -> (String) v.getValue()).toList();
  }
}

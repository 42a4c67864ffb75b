package io.destkit.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a problem is shown: an element, narrowed where known to one of its annotations and to one value of it, so
 * that the author's IDE underlines the exact spot.
 */
public record Site(Element element, AnnotationMirror annotation, AnnotationValue value) {
  /** The whole element. */
  public static Site of(Element element) {
    return new Site(element, null, null);
  }

  /** An annotation on the element (the whole element when the annotation is absent). */
  public static Site of(Element element, AnnotationMirror annotation) {
    return new Site(element, annotation, null);
  }
}

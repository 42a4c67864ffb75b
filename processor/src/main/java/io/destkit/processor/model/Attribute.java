package io.destkit.processor.model;

/**
 * One annotation attribute as the reader took it: its value (the default applied), whether the author wrote it, and
 * where, so that a validator points at the exact value without looking the attribute up again by name.
 *
 * @param value the value, the annotation's default when the author wrote none
 * @param written whether the author wrote this attribute rather than leaving its default
 * @param site where a message about it is shown: the annotation value the author wrote when javac can show one,
 *     else the annotation, else (the annotation absent) the element
 */
public record Attribute<T>(T value, boolean written, Site site) {
  /** The same attribute with its value seen another way, e.g. a class literal as the type name it shows. */
  public <R> Attribute<R> map(java.util.function.Function<? super T, ? extends R> view) {
    return new Attribute<>(view.apply(value), written, site);
  }

  /** An attribute of an annotation the element does not have: its default, shown on the element. */
  public static <T> Attribute<T> absent(T value, Site site) {
    return new Attribute<>(value, false, site);
  }
}

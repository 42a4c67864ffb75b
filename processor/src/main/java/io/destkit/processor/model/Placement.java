package io.destkit.processor.model;

/**
 * An annotation that belongs on, or in, a {@code @Destination} class, where the author put it.
 *
 * @param kind which annotation
 * @param site the annotated element (and the annotation, for those javac can show)
 * @param annotation the annotation's simple name, e.g. {@code OnRecords}
 * @param member the annotated element's name as messages show it, e.g. {@code write()}
 * @param owner the simple name of the class that holds a method, or of the annotated class
 * @param onDestination whether that class is annotated {@code @Destination}
 */
public record Placement(Kind kind, Site site, String annotation, String member, String owner,
    boolean onDestination) {
  /** The annotations whose place is checked. */
  public enum Kind {
    /** {@code @Check}: a method of a destination. */
    CHECK,
    /** A write handler annotation: a method of a destination. */
    HANDLER,
    /** {@code @BreakingChange} or its container: on a destination class. */
    BREAKING_CHANGE
  }
}

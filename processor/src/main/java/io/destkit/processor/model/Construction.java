package io.destkit.processor.model;

/** How generated code creates an object, or why it cannot. */
public record Construction(Kind kind, String reason) {
  /** The ways to create an object. */
  public enum Kind {
    /** A record's canonical constructor, with every property in order. */
    CANONICAL_CONSTRUCTOR,
    /** A constructor without parameters, then each property by field or setter. */
    NO_ARG_CONSTRUCTOR,
    /** A connector's constructor that takes its config. */
    CONFIG_CONSTRUCTOR,
    /** No way: {@link Construction#reason()} says why. */
    NONE
  }

  public static Construction of(Kind kind) {
    return new Construction(kind, "");
  }

  public static Construction impossible(String reason) {
    return new Construction(Kind.NONE, reason);
  }

  public boolean possible() {
    return kind != Kind.NONE;
  }
}

package io.destkit.processor.read;

/**
 * A type the reader needs is not known yet: maybe another processor generates it in a later round. The element is
 * put off, and reported only if the type never appears.
 */
public final class UnresolvedTypeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String typeName;
  private final String where;

  public UnresolvedTypeException(String typeName, String where) {
    super(typeName + " (" + where + ")", null, false, false);
    this.typeName = typeName;
    this.where = where;
  }

  public String typeName() {
    return typeName;
  }

  /** The property or element that refers to the type. */
  public String where() {
    return where;
  }
}

package io.destkit.runtime.write;

import java.io.IOException;

/**
 * A speed-mode record with more values than its stream's catalog schema has fields: source and destination do not
 * see the same catalog, so no value can be trusted to be the field its position says. The engine reports it with the
 * socket and the message.
 */
public final class TooManyValuesException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int fields;

  /** @param fields how many fields the schema has, and so how many values a record may have */
  public TooManyValuesException(int fields) {
    super("The record has more values than the " + fields + " fields of its stream's schema");
    this.fields = fields;
  }

  /** How many fields the schema has. */
  public int fields() {
    return fields;
  }
}

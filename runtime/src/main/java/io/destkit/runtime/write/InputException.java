package io.destkit.runtime.write;

import io.destkit.runtime.error.DestinationException;
import io.destkit.runtime.error.FailureType;

/**
 * A message on standard input that the protocol does not allow: not JSON, a record without a stream, a record for a
 * stream the catalog lacks. The message names the line; it never quotes the line, which may hold secret data.
 */
public final class InputException extends DestinationException {
  private static final long serialVersionUID = 1L;

  public InputException(long line, String problem) {
    super("Input line " + line + ": " + problem, null);
  }

  @Override
  public FailureType failureType() {
    return FailureType.SYSTEM;
  }
}

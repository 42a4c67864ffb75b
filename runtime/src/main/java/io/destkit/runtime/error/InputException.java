package io.destkit.runtime.error;

/**
 * A message on standard input that the protocol does not allow: not JSON, a record without a stream, a record for a
 * stream the catalog lacks. The message names the line; it never quotes the line, which may hold secret data.
 */
public final class InputException extends DestinationException {
  private static final long serialVersionUID = 1L;

  private final FailureType failureType;

  /** A message the protocol does not allow: the platform or the source broke it, a {@code system_error}. */
  public InputException(long line, String problem) {
    this(line, problem, FailureType.SYSTEM);
  }

  /**
   * A message the user can act on, e.g. a primary key value that does not fit the key's type ({@code config_error}:
   * the user chooses another key, as for the same failure found at load time).
   */
  public InputException(long line, String problem, FailureType failureType) {
    super("Input line " + line + ": " + problem, null);
    this.failureType = failureType;
  }

  @Override
  public FailureType failureType() {
    return failureType;
  }
}

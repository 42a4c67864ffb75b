package io.destkit.runtime.error;

/**
 * A failure the runtime knows how to report: it ends the command with one TRACE ERROR of {@link #failureType()} and
 * exit code 1. Its message is read by the connector's user, so it says what is wrong and where; it never holds a
 * secret's value (the runtime masks known secrets anyway).
 */
public abstract class DestinationException extends Exception {
  private static final long serialVersionUID = 1L;

  protected DestinationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Who must act on this failure. */
  public abstract FailureType failureType();
}

package io.destkit.runtime.error;

/** An outage that may pass: a connection refused or dropped, a timeout, a server that asks to come back later. */
public final class TransientException extends DestinationException {
  private static final long serialVersionUID = 1L;

  public TransientException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public FailureType failureType() {
    return FailureType.TRANSIENT;
  }
}

package io.destkit.runtime.error;

import java.time.Duration;
import java.util.Optional;

/**
 * An outage that may pass: a connection refused or dropped, a timeout, a server that asks to come back later.
 * {@link io.destkit.runtime.retry.RetryPolicy} retries what throws it; when the tries run out, the write ends with a
 * {@code transient_error} trace, and the platform may run the sync again.
 */
public final class TransientException extends DestinationException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public TransientException(String message, Throwable cause) {
    this(message, cause, null);
  }

  /** An outage after which the server asked to wait {@code retryAfter} (e.g. HTTP 429 with Retry-After). */
  public TransientException(String message, Throwable cause, Duration retryAfter) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked to wait before trying again, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public FailureType failureType() {
    return FailureType.TRANSIENT;
  }
}

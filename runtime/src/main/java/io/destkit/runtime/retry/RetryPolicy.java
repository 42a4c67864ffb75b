package io.destkit.runtime.retry;

import io.destkit.runtime.error.TransientException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries an operation that fails with a {@link TransientException}: up to a number of tries, waiting between them
 * with exponential backoff and full jitter (a random wait up to the backoff, so that many clients do not retry in
 * step), or as long as the server asked (Retry-After) when it did, within the maximum delay. Any other exception ends
 * the operation at once. Immutable; share one policy.
 *
 * <pre>{@code
 * Connection connection = RetryPolicy.defaults().call("connect to the warehouse", () -> open(config));
 * }</pre>
 */
public final class RetryPolicy {
  /** What is retried. */
  @FunctionalInterface
  public interface Operation<T> {
    T run() throws Exception;
  }

  /** How the policy waits; tests replace it. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final int maxAttempts;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final Sleeper sleeper;
  private final PrintStream log;

  RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Sleeper sleeper, PrintStream log) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.sleeper = sleeper;
    this.log = log;
  }

  /** 5 tries, backoff from 1 s doubling up to 60 s; retries are told on standard error. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60),
        duration -> Thread.sleep(duration.toMillis()), System.err);
  }

  /** The same policy with another number of tries in all (1 means no retry). */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, initialDelay, maxDelay, sleeper, log);
  }

  /** The same policy with other backoff bounds: the first backoff, and the longest wait of any kind. */
  public RetryPolicy withDelays(Duration initial, Duration max) {
    return new RetryPolicy(maxAttempts, initial, max, sleeper, log);
  }

  RetryPolicy withSleeper(Sleeper other) {
    return new RetryPolicy(maxAttempts, initialDelay, maxDelay, other, log);
  }

  /**
   * Runs {@code operation}, retrying it on {@link TransientException}; {@code what} names it for people. When the
   * last try fails, its exception is thrown, its message saying how many tries were made.
   */
  public <T> T call(String what, Operation<T> operation) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return operation.run();
      } catch (TransientException e) {
        if (attempt >= maxAttempts) {
          throw new TransientException(what + " failed " + attempt + (attempt == 1 ? " time: " : " times: ")
              + e.getMessage(), e, e.retryAfter().orElse(null));
        }
        Duration wait = delay(attempt, e);
        log.println(String.format(Locale.ROOT, "destkit: %s failed (%s); try %d of %d in %.1f s", what,
            e.getMessage(), attempt + 1, maxAttempts, wait.toMillis() / 1000.0));
        sleeper.sleep(wait);
      }
    }
  }

  /** The wait before try {@code attempt + 1}: what the server asked, else a random share of the backoff. */
  Duration delay(int attempt, TransientException failure) {
    if (failure.retryAfter().isPresent()) {
      Duration asked = failure.retryAfter().get();
      return asked.compareTo(maxDelay) > 0 ? maxDelay : asked;
    }
    long backoff = initialDelay.toMillis() << Math.min(attempt - 1, 30);
    long capped = Math.min(backoff, maxDelay.toMillis());
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(capped / 2, capped + 1));
  }
}

package io.destkit.runtime.retry;

import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.error.DestinationException;
import io.destkit.runtime.error.TransientException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Turns what an HTTP API answered into the runtime's failures, so that a {@link RetryPolicy} retries what may pass
 * and the rest ends the command with the right {@code failure_type}:
 * <ul>
 *   <li>2xx: success.</li>
 *   <li>408, 425, 429 and 5xx, and a request that got no answer ({@link #unreachable}): a {@link TransientException},
 *       carrying the server's {@code Retry-After} (seconds or an HTTP date) when it sent one.</li>
 *   <li>401, 403 (credentials) and 404 (the URL): a {@link ConfigException}, for the user to fix.</li>
 *   <li>any other status: an {@link IOException}, which ends the command as a {@code system_error}.</li>
 * </ul>
 *
 * <pre>{@code
 * retry.call("POST a batch to " + url, () -> {
 *   HttpResponse<String> response;
 *   try {
 *     response = client.send(request, HttpResponse.BodyHandlers.ofString());
 *   } catch (IOException e) {
 *     throw HttpFailures.unreachable("POST to " + url, e);
 *   }
 *   HttpFailures.check("POST to " + url, response);
 *   return response;
 * });
 * }</pre>
 */
public final class HttpFailures {
  /** How much of a response body a message quotes: enough to show the API's reason, not a whole page. */
  private static final int BODY_EXCERPT = 300;

  private HttpFailures() {}

  /** Returns when {@code response} is a success; throws the failure its status means otherwise. */
  public static void check(String what, HttpResponse<?> response) throws DestinationException, IOException {
    Object body = response.body();
    check(what, response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
        body instanceof String ? (String) body : null);
  }

  /**
   * Returns when {@code status} is a success; throws the failure it means otherwise. {@code retryAfter} is the
   * response's {@code Retry-After} header or null; {@code body} its text or null, of which the message quotes the
   * start.
   */
  public static void check(String what, int status, String retryAfter, String body)
      throws DestinationException, IOException {
    if (status >= 200 && status < 300) {
      return;
    }
    String answered = what + " answered HTTP " + status + excerpt(body);
    if (isTransient(status)) {
      throw new TransientException(answered, null, retryAfter(retryAfter, Instant.now()).orElse(null));
    }
    if (status == 401 || status == 403) {
      throw new ConfigException(answered + ". The API refused the credentials: check the token in the config.");
    }
    if (status == 404) {
      throw new ConfigException(answered + ". Nothing is there: check the URL in the config.");
    }
    throw new IOException(answered);
  }

  /** Whether an answer with {@code status} may succeed if asked again later. */
  public static boolean isTransient(int status) {
    return status == 408 || status == 425 || status == 429 || status >= 500 && status < 600;
  }

  /** A request that got no answer (refused, reset, timed out): an outage that may pass. */
  public static TransientException unreachable(String what, IOException cause) {
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName()
        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    return new TransientException(what + " got no answer (" + reason + ")", cause);
  }

  /**
   * The wait a {@code Retry-After} header asks for, at {@code now}: delay-seconds ({@code 120}) or an HTTP date
   * ({@code Wed, 21 Oct 2015 07:28:00 GMT}); a date in the past asks for no wait. Empty when the header is absent or
   * unreadable.
   */
  public static Optional<Duration> retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return ": " + (oneLine.length() <= BODY_EXCERPT ? oneLine : oneLine.substring(0, BODY_EXCERPT) + "…");
  }
}

package io.destkit.runtime.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.error.TransientException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpFailuresTest {
  @Test
  void successesPass() throws Exception {
    HttpFailures.check("POST", 200, null, null);
    HttpFailures.check("POST", 204, "5", "");
  }

  @Test
  void tooManyRequestsIsTransientAndCarriesItsRetryAfter() {
    TransientException e = assertThrows(TransientException.class,
        () -> HttpFailures.check("POST to http://api", 429, "7", "{\"error\": \"slow down\"}"));
    assertEquals(Optional.of(Duration.ofSeconds(7)), e.retryAfter());
    assertEquals("POST to http://api answered HTTP 429: {\"error\": \"slow down\"}", e.getMessage());
  }

  @Test
  void serverErrorsAndTimeoutsAreTransient() {
    for (int status : new int[] {408, 425, 500, 502, 503, 504, 599}) {
      TransientException e = assertThrows(TransientException.class,
          () -> HttpFailures.check("POST", status, null, null), "HTTP " + status);
      assertEquals(Optional.empty(), e.retryAfter());
    }
  }

  @Test
  void credentialsAndUrlAreTheUsersToFix() {
    ConfigException refused = assertThrows(ConfigException.class, () -> HttpFailures.check("POST", 401, null, null));
    assertTrue(refused.getMessage().contains("check the token"), refused.getMessage());
    assertThrows(ConfigException.class, () -> HttpFailures.check("POST", 403, null, null));
    ConfigException missing = assertThrows(ConfigException.class, () -> HttpFailures.check("POST", 404, null, null));
    assertTrue(missing.getMessage().contains("check the URL"), missing.getMessage());
  }

  @Test
  void otherRefusalsAreSystemErrorsQuotingTheStartOfTheBody() {
    IOException e = assertThrows(IOException.class,
        () -> HttpFailures.check("POST", 400, null, "bad\n  field " + "x".repeat(1000)));
    assertTrue(e.getMessage().startsWith("POST answered HTTP 400: bad field xxx"), e.getMessage());
    assertTrue(e.getMessage().length() < 400, "the body is cut: " + e.getMessage().length());
  }

  @Test
  void aRequestWithoutAnswerIsTransient() {
    TransientException e = HttpFailures.unreachable("POST to http://api", new ConnectException("Connection refused"));
    assertEquals("POST to http://api got no answer (ConnectException: Connection refused)", e.getMessage());
  }

  @Test
  void retryAfterIsSecondsOrAnHttpDate() {
    Instant now = Instant.parse("2015-10-21T07:27:00Z");
    assertEquals(Optional.of(Duration.ofSeconds(120)), HttpFailures.retryAfter(" 120 ", now));
    assertEquals(Optional.of(Duration.ofSeconds(60)), HttpFailures.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now));
    assertEquals(Optional.of(Duration.ZERO), HttpFailures.retryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now));
    assertEquals(Optional.empty(), HttpFailures.retryAfter("soon", now));
    assertEquals(Optional.empty(), HttpFailures.retryAfter("-1", now));
    assertEquals(Optional.empty(), HttpFailures.retryAfter(null, now));
    assertEquals(Optional.empty(), HttpFailures.retryAfter("99999999999999999999999", now));
  }
}

package io.destkit.runtime.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.error.TransientException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final List<Duration> waits = new ArrayList<>();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(10), waits::add,
      new PrintStream(log, true, StandardCharsets.UTF_8));

  @Test
  void retriesTransientFailuresWithGrowingJitteredBackoff() throws Exception {
    int[] calls = {0};
    String result = policy.call("connect", () -> {
      if (++calls[0] < 4) {
        throw new TransientException("refused", null);
      }
      return "connected";
    });
    assertEquals("connected", result);
    assertEquals(3, waits.size());
    // Backoff 1 s, 2 s, 4 s, each waited between half and all of it.
    long[] backoff = {1000, 2000, 4000};
    for (int i = 0; i < 3; i++) {
      long wait = waits.get(i).toMillis();
      assertTrue(wait >= backoff[i] / 2 && wait <= backoff[i], "wait " + i + " was " + wait);
    }
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("destkit: connect failed (refused); try 2 of 4 in"));
  }

  @Test
  void honoursRetryAfterWithinTheMaximumDelay() throws Exception {
    int[] calls = {0};
    policy.call("post", () -> {
      calls[0]++;
      if (calls[0] == 1) {
        throw new TransientException("429", null, Duration.ofSeconds(3));
      }
      if (calls[0] == 2) {
        throw new TransientException("429", null, Duration.ofMinutes(5));
      }
      return null;
    });
    assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(10)), waits);
  }

  @Test
  void givesUpAfterTheLastTrySayingHowManyTries() {
    TransientException e = assertThrows(TransientException.class,
        () -> policy.call("connect to db:5432", () -> {
          throw new TransientException("connection refused", null);
        }));
    assertEquals("connect to db:5432 failed 4 times: connection refused", e.getMessage());
    assertEquals(3, waits.size());
  }

  @Test
  void doesNotRetryOtherFailures() {
    int[] calls = {0};
    assertThrows(ConfigException.class, () -> policy.call("login", () -> {
      calls[0]++;
      throw new ConfigException("wrong password");
    }));
    assertEquals(1, calls[0]);
    assertEquals(List.of(), waits);
  }
}

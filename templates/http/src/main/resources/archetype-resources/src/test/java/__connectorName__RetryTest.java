package ${package};

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.integer;
import static io.destkit.testkit.messages.FieldTypes.string;
import static io.destkit.testkit.messages.Json.object;
import static io.destkit.testkit.messages.Messages.record;
import static io.destkit.testkit.messages.Messages.streamState;
import static io.destkit.testkit.messages.Messages.streamStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.harness.RunResult;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.StreamStatus;
import io.destkit.testkit.messages.SyncInput;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the connector talks to the API: requests, the bearer token, and retries on 429, 5xx and dead servers. */
class ${connectorName}RetryTest {
  private static final String TOKEN = "retry-test-token-" + UUID.randomUUID();
  private static final String PATH = "/v1/records";

  private final DestinationRunner connector = DestinationRunner.inProcess(new ${connectorName}DestinationMain());
  private final RecordsServer server;
  private final ConfiguredStream users = ConfiguredStream.named("users").inNamespace("crm")
      .withFields(field("id", integer()), field("name", string())).append();
  private final SyncInput twoUsers = SyncInput.of(record(users, object("id", 1, "name", "Ada")),
      record(users, object("id", 2, "name", "Grace")), streamState(users, object("cursor", 2)),
      streamStatus(users, StreamStatus.COMPLETE));

  ${connectorName}RetryTest() throws IOException {
    server = new RecordsServer(TOKEN);
  }

  @AfterEach
  void stopTheServer() {
    server.close();
  }

  @Test
  void recordsArePostedInBatchesAsJsonWithTheBearerToken() {
    SyncInput fiveUsers = SyncInput.of(record(users, object("id", 1, "name", "a")),
        record(users, object("id", 2, "name", "b")), record(users, object("id", 3, "name", "c")),
        record(users, object("id", 4, "name", "d")), record(users, object("id", 5, "name", "e")),
        streamStatus(users, StreamStatus.COMPLETE));
    RunResult result = connector.write(config(5, 2), ConfiguredCatalog.of(users), fiveUsers);
    assertTrue(result.succeeded(), result::toString);

    List<RecordsServer.Request> requests = server.requests(PATH);
    assertEquals(3, requests.size(), "5 records in requests of at most 2");
    for (RecordsServer.Request request : requests) {
      assertEquals("Bearer " + TOKEN, request.authorization());
      assertEquals("users", request.body().path("stream").asText());
      assertEquals("crm", request.body().path("namespace").asText());
    }
    assertEquals(List.of(1, 2, 3, 4, 5), server.acceptedRecords(PATH).stream()
        .map(record -> record.at("/_airbyte_data/id").asInt()).toList());
    assertTrue(server.acceptedRecords(PATH).get(0).path("_airbyte_raw_id").isTextual());
  }

  @Test
  void aTooManyRequestsAnswerIsTriedAgainAfterTheWaitTheApiAsked() {
    server.answerNext(429, "1", "{\"error\": \"slow down\"}");
    RunResult result = connector.write(config(5, 500), ConfiguredCatalog.of(users), twoUsers);
    assertTrue(result.succeeded(), result::toString);

    List<RecordsServer.Request> requests = server.requests(PATH);
    assertEquals(2, requests.size(), "the refused request and its second try");
    assertEquals(429, requests.get(0).answered());
    long waitedMillis = TimeUnit.NANOSECONDS.toMillis(requests.get(1).receivedNanos() - requests.get(0).receivedNanos());
    // The backoff alone would be at most 10 ms: only the Retry-After of 1 s makes the wait this long.
    assertTrue(waitedMillis >= 900, "the second try came " + waitedMillis + " ms after the 429, not after Retry-After");
    assertEquals(requests.get(0).idempotencyKey(), requests.get(1).idempotencyKey(),
        "every try of a request carries the same Idempotency-Key");
    assertEquals(2, server.acceptedRecords(PATH).size(), "each record accepted once");
    assertEquals(1, result.states().size(), result::toString);
  }

  @Test
  void serverErrorsAreTriedAgainWithBackoff() {
    server.answerNext(500, null, "{\"error\": \"internal\"}");
    server.answerNext(503, null, "");
    RunResult result = connector.write(config(5, 500), ConfiguredCatalog.of(users), twoUsers);
    assertTrue(result.succeeded(), result::toString);
    assertEquals(List.of(500, 503, 200), server.requests(PATH).stream().map(RecordsServer.Request::answered).toList());
    assertEquals(2, server.acceptedRecords(PATH).size());
  }

  @Test
  void anApiThatKeepsFailingEndsTheSyncWithATransientErrorAfterTheLastTry() {
    for (int i = 0; i < 3; i++) {
      server.answerNext(500, null, "{\"error\": \"down for maintenance\"}");
    }
    RunResult result = connector.write(config(3, 500), ConfiguredCatalog.of(users), twoUsers);
    assertEquals(1, result.exitCode(), result::toString);
    assertEquals(3, server.requests(PATH).size(), "3 tries in all, as configured");
    assertEquals(1, result.traceErrors().size(), result::toString);
    JsonNode error = result.traceErrors().get(0);
    assertEquals("transient_error", error.path("failure_type").asText(), result::toString);
    String message = error.path("message").asText();
    assertTrue(message.contains("failed 3 times") && message.contains("HTTP 500"), message);
    assertEquals(0, result.states().size(), "no state may be echoed for records the API never took");
  }

  @Test
  void anApiThatCannotBeReachedIsATransientError() throws IOException {
    String deadUrl;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadUrl = "http://127.0.0.1:" + socket.getLocalPort() + PATH;
    }
    RunResult result = connector.write(object("url", deadUrl, "apiToken", TOKEN, "maxAttempts", 2,
        "initialBackoffMillis", 10), ConfiguredCatalog.of(users), twoUsers);
    assertEquals(1, result.exitCode(), result::toString);
    JsonNode error = result.traceErrors().get(0);
    assertEquals("transient_error", error.path("failure_type").asText(), result::toString);
    assertTrue(error.path("message").asText().contains("got no answer"), result::toString);
  }

  @Test
  void aTokenTheApiRefusesFailsTheCheckSayingSo() {
    RunResult result = connector.check(object("url", server.url(PATH), "apiToken", "not-the-token"));
    JsonNode status = result.connectionStatus().orElseThrow();
    assertEquals("FAILED", status.path("status").asText(), result::toString);
    assertTrue(status.path("message").asText().contains("HTTP 401"), result::toString);
    assertTrue(status.path("message").asText().contains("check the token"), result::toString);
  }

  private JsonNode config(int maxAttempts, int batchSize) {
    return object("url", server.url(PATH), "apiToken", TOKEN, "maxAttempts", maxAttempts, "batchSize", batchSize,
        "initialBackoffMillis", 10);
  }
}

package ${package};

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.runtime.retry.HttpFailures;
import io.destkit.runtime.retry.RetryPolicy;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordJson;
import io.destkit.runtime.write.StreamContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The HTTP API the records go to. Each request is a POST of JSON,
 * {@code {"stream": "users", "namespace": "crm", "records": [...]}}, each record in Airbyte's raw form
 * ({@code _airbyte_raw_id}, {@code _airbyte_extracted_at}, {@code _airbyte_generation_id}, {@code _airbyte_meta},
 * {@code _airbyte_data}), with the token as a bearer token and an {@code Idempotency-Key} that stays the same on
 * every try of the request, so that an API that supports it stores a batch once.
 *
 * <p>The runtime's {@link RetryPolicy} tries each request up to the configured number of times: after a 429, as long
 * as the API's {@code Retry-After} asks; after a 5xx or a connection error, with exponential backoff and jitter. What
 * an answer means is decided by the runtime's {@link HttpFailures}. When the tries run out, the sync ends with a
 * {@code transient_error} trace.
 */
final class RecordsApi {
  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper ANSWERS = new ObjectMapper();
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

  private final URI url;
  private final String token;
  private final RetryPolicy retry;
  private final RetryPolicy checkRetry;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  RecordsApi(${connectorName}Config config) {
    this.url = URI.create(config.url());
    this.token = config.apiToken();
    this.retry = RetryPolicy.defaults().withMaxAttempts(config.maxAttempts())
        .withDelays(Duration.ofMillis(config.initialBackoffMillis()), LONGEST_WAIT);
    this.checkRetry = retry.withMaxAttempts(Math.min(2, config.maxAttempts()));
  }

  /** POSTs {@code records} of {@code stream} in one request, trying again while the failure may pass. */
  void post(StreamContext stream, List<Record> records) throws Exception {
    byte[] body = body(stream, records);
    String idempotencyKey = records.get(0).rawId().toString();
    retry.call("POST of " + records.size() + " records of stream " + stream.descriptor() + " to " + url,
        () -> send("POST", url, body, idempotencyKey));
  }

  /** Writes one record as a JSON object: a generated codec's {@code encode}. */
  @FunctionalInterface
  interface Encoder<T> {
    void encode(T record, JsonGenerator json) throws IOException;
  }

  /**
   * PUTs {@code records} to object {@code object} ({@code <url>/../objects/<object>}), which creates or updates each,
   * matched on field {@code matchingKey}. The API answers, per record in order, {@code {}} or
   * {@code {"error": "why"}}: the reasons, null for a record it took.
   */
  <T> List<String> putObjects(String object, String matchingKey, List<T> records, Encoder<T> encoder)
      throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * records.size());
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      json.writeStringField("matching_key", matchingKey);
      json.writeArrayFieldStart("records");
      for (T record : records) {
        encoder.encode(record, json);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    URI target = url.resolve("objects/" + object);
    String answer = retry.call("PUT of " + records.size() + " " + object + " to " + target,
        () -> send("PUT", target, bytes.toByteArray(), UUID.randomUUID().toString()));
    JsonNode results = ANSWERS.readTree(answer).path("results");
    List<String> refused = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      JsonNode error = results.path(i).path("error");
      refused.add(error.isTextual() ? error.asText() : null);
    }
    return refused;
  }

  /** Removes the records of object {@code object} whose {@code matchingKey} is one of {@code keys}. */
  void deleteObjects(String object, String matchingKey, List<String> keys) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * keys.size());
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      json.writeStringField("matching_key", matchingKey);
      json.writeArrayFieldStart("keys");
      for (String key : keys) {
        json.writeString(key);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    URI target = url.resolve("objects/" + object + "/delete");
    retry.call("removal of " + keys.size() + " " + object + " at " + target,
        () -> send("POST", target, bytes.toByteArray(), UUID.randomUUID().toString()));
  }

  /**
   * POSTs an empty batch: the API answers 2xx when the URL and the token are right. Tried twice at most, so that a
   * check of an API that is down answers soon.
   */
  void postNothing() throws Exception {
    byte[] body = "{\"records\":[]}".getBytes(StandardCharsets.UTF_8);
    checkRetry.call("POST of an empty batch to " + url,
        () -> send("POST", url, body, UUID.randomUUID().toString()));
  }

  /** Sends the request; the answer's body when the API took it (2xx). */
  private String send(String method, URI target, byte[] body, String idempotencyKey) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(target)
        .timeout(Duration.ofMinutes(1))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotencyKey)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw HttpFailures.unreachable(method + " to " + target, e);
    }
    HttpFailures.check(method + " to " + target, response);
    return response.body();
  }

  private static byte[] body(StreamContext stream, List<Record> records) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * records.size());
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      json.writeStringField("stream", stream.name());
      if (stream.namespace() != null) {
        json.writeStringField("namespace", stream.namespace());
      }
      json.writeArrayFieldStart("records");
      for (Record record : records) {
        RecordJson.write(stream, record, json);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return bytes.toByteArray();
  }
}

package ${package};

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A records API on localhost for the tests, on the JDK's own HTTP server: it takes POSTed batches with the right
 * bearer token, keeps every request it got, and answers with the failures a test plans ({@link #answerNext}).
 */
final class RecordsServer implements AutoCloseable {
  /** Decimals as BigDecimal: a double would round them, or make 1E+400 infinite. */
  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  static {
    // Without it the JDK's server sends headers and body in two packets, and each request waits out a delayed ACK.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** One request as the server got it. */
  record Request(String path, String authorization, String idempotencyKey, JsonNode body, long receivedNanos,
      int answered) {}

  /** An answer a test planned: a status, a Retry-After header or null, a body. */
  record Answer(int status, String retryAfter, String body) {}

  private final String token;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final List<Request> requests = new ArrayList<>();
  private final Queue<Answer> planned = new ConcurrentLinkedQueue<>();
  /** The records of each object, by object path ({@code .../objects/<name>}), by matching key value. */
  private final Map<String, Map<String, JsonNode>> objects = new HashMap<>();

  /** A server listening on a free port of 127.0.0.1 that takes {@code token} only. */
  RecordsServer(String token) throws IOException {
    this.token = token;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** The URL of {@code path} on this server. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next request with the right token is answered so, instead of accepted. */
  void answerNext(int status, String retryAfter, String body) {
    planned.add(new Answer(status, retryAfter, body));
  }

  /** Every request to {@code path}, in the order they came. */
  synchronized List<Request> requests(String path) {
    return requests.stream().filter(request -> request.path().equals(path)).toList();
  }

  /** The bodies of the requests to {@code path} that were accepted, in order. */
  synchronized List<JsonNode> acceptedBodies(String path) {
    return requests(path).stream().filter(request -> request.answered() == 200).map(Request::body).toList();
  }

  /** The records object {@code path} ({@code .../objects/<name>}) holds now, in the order first written. */
  synchronized List<JsonNode> objectRecords(String path) {
    return List.copyOf(objects.getOrDefault(path, Map.of()).values());
  }

  /**
   * An object API: {@code PUT .../objects/<name>} with {@code {"matching_key": k, "records": [...]}} creates or
   * updates each record, matched on field k, and answers {@code {"results": [...]}}: {@code {}} per record taken,
   * {@code {"error": ...}} for one without the key or whose {@code email} is no address (which it does not take);
   * {@code POST .../objects/<name>/delete} with {@code {"matching_key": k, "keys": [...]}} removes those records.
   */
  private synchronized Answer object(String method, String path, JsonNode body) {
    String matchingKey = body.path("matching_key").asText();
    if (method.equals("POST") && path.endsWith("/delete")) {
      Map<String, JsonNode> records = objects.computeIfAbsent(path.substring(0, path.length() - "/delete".length()),
          p -> new LinkedHashMap<>());
      body.path("keys").forEach(key -> records.remove(key.asText()));
      return new Answer(200, null, "{}");
    }
    if (!method.equals("PUT") || matchingKey.isEmpty()) {
      return new Answer(400, null, "{\"error\": \"PUT records with their matching_key\"}");
    }
    Map<String, JsonNode> records = objects.computeIfAbsent(path, p -> new LinkedHashMap<>());
    StringBuilder results = new StringBuilder("{\"results\": [");
    int i = 0;
    for (JsonNode record : body.path("records")) {
      JsonNode key = record.path(matchingKey);
      String email = record.path("email").asText("");
      String error = !key.isValueNode() || key.isNull() ? "the record has no " + matchingKey
          : record.has("email") && !email.contains("@") ? "email is not an email address" : null;
      if (error == null) {
        records.put(key.asText(), record);
      }
      results.append(i++ == 0 ? "" : ", ").append(error == null ? "{}" : "{\"error\": \"" + error + "\"}");
    }
    return new Answer(200, null, results.append("]}").toString());
  }

  /** The records of the accepted requests to {@code path}, in order. */
  List<JsonNode> acceptedRecords(String path) {
    List<JsonNode> records = new ArrayList<>();
    for (JsonNode body : acceptedBodies(path)) {
      body.path("records").forEach(records::add);
    }
    return records;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      JsonNode body;
      try (InputStream in = exchange.getRequestBody()) {
        byte[] bytes = in.readAllBytes();
        body = bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
      }
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      Answer answer;
      boolean objectRequest = exchange.getRequestURI().getPath().contains("/objects/");
      if (!"POST".equals(exchange.getRequestMethod()) && !objectRequest) {
        answer = new Answer(405, null, "POST only");
      } else if (!("Bearer " + token).equals(authorization)) {
        answer = new Answer(401, null, "{\"error\": \"unknown token\"}");
      } else if (exchange.getRequestURI().getPath().contains("/objects/")) {
        answer = object(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body);
      } else {
        Answer next = planned.poll();
        answer = next != null ? next : new Answer(200, null, "{\"accepted\": " + body.path("records").size() + "}");
      }
      synchronized (this) {
        requests.add(new Request(exchange.getRequestURI().getPath(), authorization,
            exchange.getRequestHeaders().getFirst("Idempotency-Key"), body, System.nanoTime(), answer.status()));
      }
      if (answer.retryAfter() != null) {
        exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
      }
      byte[] reply = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), reply.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply);
      }
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}

package io.destkit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.runtime.engine.WriteOptions;
import io.destkit.testkit.ConnectorProcess;
import io.destkit.testkit.ProtocolSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reliability corpus' runs of the packaged jar, and what a user checks after each: the exit code, that every
 * line of standard output is a protocol message, the one error trace, and the states echoed.
 */
final class ReliabilityRun {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path JAR = Path.of(System.getProperty("destkit.sampleJar", "target/sample-destination.jar"));
  /**
   * The connector, with batches of {@link ReliabilityFaultsIT#BATCH} records, a commit after each, and a budget that
   * holds two (the runtime's defaults, 1 MB of input a batch, a commit every 32 MB and a budget of 8 MB, would
   * place them elsewhere): the faults are placed around batch and state boundaries.
   */
  static final ConnectorProcess CONNECTOR = ConnectorProcess.of(JAR)
      .withJvmOptions("-D" + WriteOptions.BATCH_BYTES + "=1g", "-D" + WriteOptions.BATCH_ROWS + "="
          + ReliabilityFaultsIT.BATCH, "-D" + WriteOptions.COMMIT_BYTES + "=1", "-D" + WriteOptions.MEMORY_BUDGET
          + "=256m");

  private ReliabilityRun() {}

  /** The bytes of {@code name} in the corpus, {@code src/test/resources/reliability/}. */
  static byte[] corpus(String name) {
    try (InputStream in = ReliabilityRun.class.getResourceAsStream("/reliability/" + name)) {
      if (in == null) {
        throw new IllegalStateException("No corpus file " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the corpus file {@code name} into {@code dir} and gives its path. */
  static Path corpusFile(Path dir, String name) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, corpus(name));
    return file;
  }

  /** Writes {@code json} to {@code dir/name}. */
  static Path file(Path dir, String name, String json) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, json);
    return file;
  }

  /** A SQLite config for {@code database}, in {@code dir}. */
  static Path sqliteConfig(Path dir, Path database) throws IOException {
    return file(dir, "config.json", "{\"database\":{\"engine\":\"sqlite\",\"path\":"
        + JSON.writeValueAsString(database.toString()) + "}}");
  }

  /** Writes {@code input} as a source that finished: a STREAM_STATUS COMPLETE for each stream follows it. */
  static ConnectorProcess.Result write(ConnectorProcess connector, Path config, Path catalog,
      ConnectorProcess.Input input) {
    return connector.run(finished(catalog, input), "write", "--config", config.toString(), "--catalog",
        catalog.toString());
  }

  static ConnectorProcess.Result write(ConnectorProcess connector, Path config, Path catalog,
      ConnectorProcess.Input input, ConnectorProcess.LineListener stdoutLines) {
    return connector.run(finished(catalog, input), stdoutLines, "write", "--config", config.toString(), "--catalog",
        catalog.toString());
  }

  /**
   * {@code input}, then a STREAM_STATUS COMPLETE for each stream of the catalog, as a source sends when it has sent
   * everything (a sync whose streams never complete fails). Input cut short or refused earlier is not affected.
   */
  static ConnectorProcess.Input finished(Path catalog, ConnectorProcess.Input input) {
    return out -> {
      input.writeTo(out);
      StringBuilder completes = new StringBuilder("\n");
      for (JsonNode configured : JSON.readTree(catalog.toFile()).path("streams")) {
        ObjectNode descriptor = JSON.createObjectNode().put("name", configured.at("/stream/name").asText());
        if (configured.at("/stream/namespace").isTextual()) {
          descriptor.put("namespace", configured.at("/stream/namespace").asText());
        }
        ObjectNode message = JSON.createObjectNode().put("type", "TRACE");
        ObjectNode trace = message.putObject("trace").put("type", "STREAM_STATUS").put("emitted_at", 1);
        trace.putObject("stream_status").put("status", "COMPLETE").set("stream_descriptor", descriptor);
        completes.append(JSON.writeValueAsString(message)).append('\n');
      }
      out.write(completes.toString().getBytes(StandardCharsets.UTF_8));
    };
  }

  static ConnectorProcess.Result write(Path config, Path catalog, byte[] input) {
    return write(CONNECTOR, config, catalog, out -> out.write(input));
  }

  /** Every line of standard output is one protocol message: no stack trace, no log line, no partial line. */
  static List<JsonNode> messages(ConnectorProcess.Result result) {
    assertTrue(result.stdout().isEmpty() || result.stdout().endsWith("\n"), result::toString);
    List<JsonNode> messages = new ArrayList<>();
    for (String line : result.stdoutLines()) {
      JsonNode message;
      try {
        message = JSON.readTree(line);
      } catch (IOException e) {
        throw new AssertionError("Not a protocol message on stdout: " + line + "\n" + result, e);
      }
      assertTrue(message != null && message.isObject() && message.hasNonNull("type"),
          () -> "Not a protocol message on stdout: " + line);
      messages.add(message);
    }
    Optional<ProtocolSchema> schema = ProtocolSchema.locate();
    schema.ifPresent(s -> result.stdoutLines().forEach(s::assertValidMessageLine));
    return messages;
  }

  /** The STATE messages echoed, in order. */
  static List<JsonNode> states(ConnectorProcess.Result result) {
    return messages(result).stream().filter(m -> m.get("type").asText().equals("STATE")).toList();
  }

  /** The value of {@code pointer} in each echoed state, e.g. {@code /state/stream/stream_state/at}. */
  static List<String> stateValues(ConnectorProcess.Result result, String pointer) {
    return states(result).stream().map(s -> s.at(pointer).asText()).toList();
  }

  /**
   * A failed run: exit 1, exactly one TRACE ERROR of {@code failureType} as the last message, whose message contains
   * every one of {@code mustName}. Gives the error.
   */
  static JsonNode assertFailed(ConnectorProcess.Result result, String failureType, String... mustName) {
    assertEquals(1, result.exitCode(), result::toString);
    List<JsonNode> messages = messages(result);
    List<JsonNode> errors = messages.stream()
        .filter(m -> m.get("type").asText().equals("TRACE") && m.at("/trace/type").asText().equals("ERROR"))
        .toList();
    assertEquals(1, errors.size(), result::toString);
    assertEquals(errors.get(0), messages.get(messages.size() - 1), "the error is the last message");
    JsonNode error = errors.get(0).at("/trace/error");
    assertEquals(failureType, error.get("failure_type").asText(), result::toString);
    for (String part : mustName) {
      assertTrue(error.get("message").asText().contains(part),
          () -> "The error should name '" + part + "': " + error.get("message").asText());
    }
    return error;
  }

  /** A successful run: exit 0, no error trace. */
  static void assertSucceeded(ConnectorProcess.Result result) {
    assertEquals(0, result.exitCode(), result::toString);
    assertFalse(messages(result).stream().anyMatch(m -> m.get("type").asText().equals("TRACE")
        && m.at("/trace/type").asText().equals("ERROR")), result::toString);
  }
}

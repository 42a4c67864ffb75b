package io.destkit.testkit.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.testkit.messages.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one run of a connector command printed, and how it ended. Standard output is kept as lines and parsed: each
 * line should be one protocol message.
 *
 * @param command what was run, for messages, e.g. {@code write (in process)}
 * @param exitCode the exit code: 0 for success, 1 after a TRACE ERROR
 * @param stdoutLines standard output, one entry per line, without line breaks
 * @param stderr standard error, whole
 */
public record RunResult(String command, int exitCode, List<String> stdoutLines, String stderr) {
  private static final int SHOWN_CHARS = 20_000;

  /** Keeps an unmodifiable copy of the lines. */
  public RunResult {
    stdoutLines = List.copyOf(stdoutLines);
  }

  /** The lines of standard output that are JSON objects, parsed, in order. */
  public List<JsonNode> messages() {
    List<JsonNode> messages = new ArrayList<>();
    for (String line : stdoutLines) {
      JsonNode message = parseObject(line);
      if (message != null) {
        messages.add(message);
      }
    }
    return messages;
  }

  /** The lines of standard output that are not a JSON object with a {@code type}: each one breaks the protocol. */
  public List<String> linesThatAreNotMessages() {
    List<String> wrong = new ArrayList<>();
    for (String line : stdoutLines) {
      JsonNode message = parseObject(line);
      if (message == null || !message.path("type").isTextual()) {
        wrong.add(line);
      }
    }
    return wrong;
  }

  /** The messages of one type ({@code STATE}, {@code TRACE}, ...), whole, in order. */
  public List<JsonNode> messagesOfType(String type) {
    List<JsonNode> matching = new ArrayList<>();
    for (JsonNode message : messages()) {
      if (type.equals(message.path("type").asText())) {
        matching.add(message);
      }
    }
    return matching;
  }

  /** The STATE messages, whole, in the order they were echoed. */
  public List<JsonNode> states() {
    return messagesOfType("STATE");
  }

  /** The {@code trace.error} objects of the TRACE messages of type ERROR, in order. */
  public List<JsonNode> traceErrors() {
    List<JsonNode> errors = new ArrayList<>();
    for (JsonNode trace : messagesOfType("TRACE")) {
      if ("ERROR".equals(trace.path("trace").path("type").asText())) {
        errors.add(trace.path("trace").path("error"));
      }
    }
    return errors;
  }

  /** The {@code connectionStatus} of the first CONNECTION_STATUS message, if any. */
  public Optional<JsonNode> connectionStatus() {
    List<JsonNode> statuses = messagesOfType("CONNECTION_STATUS");
    return statuses.isEmpty() ? Optional.empty() : Optional.of(statuses.get(0).path("connectionStatus"));
  }

  /** The {@code spec} of the first SPEC message, if any. */
  public Optional<JsonNode> spec() {
    List<JsonNode> specs = messagesOfType("SPEC");
    return specs.isEmpty() ? Optional.empty() : Optional.of(specs.get(0).path("spec"));
  }

  /** Whether it exited 0 without any TRACE ERROR. */
  public boolean succeeded() {
    return exitCode == 0 && traceErrors().isEmpty();
  }

  /** Standard output and standard error together, for assertions that something never appears. */
  public String allOutput() {
    return String.join("\n", stdoutLines) + "\n" + stderr;
  }

  private static JsonNode parseObject(String line) {
    try {
      JsonNode json = Json.MAPPER.readTree(line);
      return json != null && json.isObject() ? json : null;
    } catch (Exception e) {
      return null;
    }
  }

  /** The command, exit code, and standard output and error (long ones cut), for assertion messages. */
  @Override
  public String toString() {
    return command + ": exit " + exitCode + "\n--- stdout ---\n" + cut(String.join("\n", stdoutLines))
        + "\n--- stderr ---\n" + cut(stderr);
  }

  private static String cut(String text) {
    return text.length() <= SHOWN_CHARS ? text
        : text.substring(0, SHOWN_CHARS / 2) + "\n[... " + (text.length() - SHOWN_CHARS) + " characters cut ...]\n"
            + text.substring(text.length() - SHOWN_CHARS / 2);
  }
}

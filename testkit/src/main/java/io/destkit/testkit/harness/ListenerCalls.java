package io.destkit.testkit.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.testkit.messages.Json;

/**
 * Calls an {@link OutputListener} for each line, keeping the first failure for after the run instead of letting it
 * reach the connector. Thread-safe.
 */
final class ListenerCalls {
  private final OutputListener listener;
  private Throwable failure;
  private long lines;

  ListenerCalls(OutputListener listener) {
    this.listener = listener;
  }

  synchronized void line(String line) {
    lines++;
    if (failure != null || listener == OutputListener.NONE) {
      return;
    }
    JsonNode message;
    try {
      message = Json.MAPPER.readTree(line);
    } catch (Exception e) {
      return; // not JSON: the run's result reports it
    }
    if (message == null || !message.isObject()) {
      return;
    }
    try {
      listener.onMessage(message);
    } catch (Exception | AssertionError e) {
      failure = new AssertionError("The output listener failed on line " + lines + " of standard output: " + e, e);
    }
  }

  /** Throws what the listener threw, if anything, naming {@code result} for context. */
  synchronized void rethrow(RunResult result) {
    if (failure != null) {
      AssertionError error = new AssertionError(failure.getMessage() + "\n" + result, failure.getCause());
      throw error;
    }
  }
}

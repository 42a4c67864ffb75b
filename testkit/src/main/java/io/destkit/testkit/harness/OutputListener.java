package io.destkit.testkit.harness;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hears each message a connector prints on standard output, as soon as it is printed whole: in process, on the
 * connector's own thread, which waits until the listener returns; in a child process, on the thread reading its
 * output. What the listener throws is reported after the run, as a failure of the test; the connector never sees it.
 */
@FunctionalInterface
public interface OutputListener {
  /** Listens to nothing. */
  OutputListener NONE = message -> { };

  /** Called with each line of standard output that is a JSON object, in order. */
  void onMessage(JsonNode message) throws Exception;
}

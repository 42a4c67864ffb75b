package io.destkit.runtime.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A STATE message as received, waiting for the records before it to be committed. Echoed byte for byte, with
 * {@code destinationStats.recordCount} put into its {@code state} object.
 *
 * @param line the message's bytes, exactly as read
 * @param stateEnd offset in {@code line} of the closing brace of the {@code state} object
 * @param stateHasFields whether the {@code state} object has any field (a comma is then needed before ours)
 * @param hasStats whether it already carries {@code destinationStats}, which is then replaced
 * @param recordsBefore how many records the input held before it
 */
record PendingState(byte[] line, int stateEnd, boolean stateHasFields, boolean hasStats, long recordsBefore,
    long recordCount) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The line to echo: the state as received, with the count of its records. */
  byte[] echo() {
    if (hasStats) {
      return replaceStats();
    }
    byte[] stats = ((stateHasFields ? "," : "") + "\"destinationStats\":{\"recordCount\":" + recordCount + "}")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[line.length + stats.length];
    System.arraycopy(line, 0, out, 0, stateEnd);
    System.arraycopy(stats, 0, out, stateEnd, stats.length);
    System.arraycopy(line, stateEnd, out, stateEnd + stats.length, line.length - stateEnd);
    return out;
  }

  /** The rare state that already has stats: rewritten through a tree, which keeps every other field. */
  private byte[] replaceStats() {
    try {
      JsonNode message = MAPPER.readTree(line);
      ObjectNode state = (ObjectNode) message.get("state");
      state.putObject("destinationStats").put("recordCount", recordCount);
      ByteArrayOutputStream out = new ByteArrayOutputStream(line.length + 40);
      MAPPER.writeValue(out, message);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

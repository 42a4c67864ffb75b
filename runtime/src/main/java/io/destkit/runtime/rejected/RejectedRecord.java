package io.destkit.runtime.rejected;

import io.destkit.runtime.write.StreamDescriptor;
import java.nio.charset.StandardCharsets;

/**
 * A record that could not be loaded and was set aside instead of failing the sync.
 *
 * @param stream the record's stream
 * @param line the input line the record came on (1 is the first line of standard input)
 * @param reason why it was not loaded, for a person: what was wrong and where (never the value itself)
 * @param message the AirbyteMessage of the record as JSON: the input line as received when the runtime refused it
 *     while reading, or the record rebuilt from its decoded values when the connector refused it while writing
 */
public record RejectedRecord(StreamDescriptor stream, long line, String reason, byte[] message) {
  /** The message as text. */
  public String messageText() {
    return new String(message, StandardCharsets.UTF_8);
  }
}

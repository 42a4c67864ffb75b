package io.destkit.testkit.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.runtime.write.StreamDescriptor;

/**
 * A TRACE of type STREAM_STATUS, as the platform forwards it: {@code emitted_at} is written as a floating-point
 * number ({@code 1.73227E12}), since the protocol declares it a {@code number}.
 *
 * @param stream the stream it is about
 * @param status its status
 * @param emittedAt when it was emitted, epoch milliseconds
 */
public record StreamStatusMessage(StreamDescriptor stream, StreamStatus status, long emittedAt) implements Message {
  /** The AirbyteMessage, fields in the order of the protocol's definitions. */
  public ObjectNode toJson() {
    ObjectNode message = Json.MAPPER.createObjectNode().put("type", "TRACE");
    ObjectNode trace = message.putObject("trace");
    trace.put("type", "STREAM_STATUS");
    trace.put("emitted_at", (double) emittedAt);
    ObjectNode streamStatus = trace.putObject("stream_status");
    streamStatus.set("stream_descriptor", Messages.descriptor(stream));
    streamStatus.put("status", status.name());
    return message;
  }

  @Override
  public String toLine() {
    return Json.write(toJson());
  }
}

package io.destkit.testkit.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.runtime.write.StreamDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the messages of a write's standard input, as the platform sends them. With static imports a sync reads like
 * its scenario:
 *
 * <pre>{@code
 * SyncInput input = SyncInput.of(
 *     streamStatus(users, STARTED),
 *     record(users, object("id", 1, "name", "Ada")),
 *     streamState(users, object("cursor", 1)).withId(1),
 *     streamStatus(users, COMPLETE));
 * }</pre>
 */
public final class Messages {
  /** The {@code emitted_at} of records that do not say otherwise: 2024-11-22T10:06:40Z. */
  public static final long DEFAULT_EMITTED_AT = 1_732_270_000_000L;

  private Messages() {}

  /** A RECORD of {@code stream} with {@code data}, emitted at {@link #DEFAULT_EMITTED_AT}. */
  public static RecordMessage record(ConfiguredStream stream, ObjectNode data) {
    return new RecordMessage(stream.descriptor(), data, DEFAULT_EMITTED_AT, List.of(), Map.of(), Map.of());
  }

  /** A RECORD of {@code stream} with {@code data}, emitted at {@code emittedAt} (epoch milliseconds). */
  public static RecordMessage record(ConfiguredStream stream, ObjectNode data, long emittedAt) {
    return record(stream, data).emittedAt(emittedAt);
  }

  /** A STATE of type STREAM for {@code stream}, with {@code streamState} as its opaque state. */
  public static StateMessage streamState(ConfiguredStream stream, ObjectNode streamState) {
    return new StateMessage(StateMessage.Kind.STREAM, true, stream.descriptor(), streamState, Map.of(), null, null);
  }

  /** A STATE of type GLOBAL with {@code sharedState}, and an empty {@code stream_state} for each of {@code streams}. */
  public static StateMessage globalState(ObjectNode sharedState, ConfiguredStream... streams) {
    Map<StreamDescriptor, ObjectNode> states = new LinkedHashMap<>();
    for (ConfiguredStream stream : streams) {
      states.put(stream.descriptor(), Json.object());
    }
    return new StateMessage(StateMessage.Kind.GLOBAL, true, null, sharedState, states, null, null);
  }

  /** A STATE of type LEGACY with {@code data}. */
  public static StateMessage legacyState(ObjectNode data) {
    return new StateMessage(StateMessage.Kind.LEGACY, true, null, data, Map.of(), null, null);
  }

  /** A STATE without {@code type}, which the protocol reads as LEGACY, with {@code data}. */
  public static StateMessage untypedState(ObjectNode data) {
    return new StateMessage(StateMessage.Kind.LEGACY, false, null, data, Map.of(), null, null);
  }

  /** A TRACE STREAM_STATUS of {@code stream}, emitted at {@link #DEFAULT_EMITTED_AT}. */
  public static StreamStatusMessage streamStatus(ConfiguredStream stream, StreamStatus status) {
    return new StreamStatusMessage(stream.descriptor(), status, DEFAULT_EMITTED_AT);
  }

  /** A line sent exactly as written. */
  public static RawLine raw(String line) {
    return new RawLine(line);
  }

  /** {@code {"name": ..., "namespace": ...}}, the namespace only when there is one. */
  static ObjectNode descriptor(StreamDescriptor stream) {
    ObjectNode descriptor = Json.MAPPER.createObjectNode().put("name", stream.name());
    if (stream.namespace() != null) {
      descriptor.put("namespace", stream.namespace());
    }
    return descriptor;
  }
}

package io.destkit.testkit.messages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.runtime.write.StreamDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A STATE of one of the protocol's kinds, with the {@code id} the platform may add and the source's
 * {@code sourceStats}. Immutable; build one with {@link Messages}.
 */
public final class StateMessage implements Message {
  /** Which kind of state: the value of {@code state.type}. */
  public enum Kind {
    /** The state of one stream: {@code state.stream}. */
    STREAM,
    /** One state for all streams: {@code state.global}. */
    GLOBAL,
    /** The old, opaque kind: {@code state.data}. */
    LEGACY
  }

  private final Kind kind;
  private final boolean typeWritten;
  private final StreamDescriptor stream;
  private final ObjectNode blob;
  private final Map<StreamDescriptor, ObjectNode> globalStreams;
  private final Long id;
  private final Double sourceRecordCount;

  StateMessage(Kind kind, boolean typeWritten, StreamDescriptor stream, ObjectNode blob,
      Map<StreamDescriptor, ObjectNode> globalStreams, Long id, Double sourceRecordCount) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.typeWritten = typeWritten;
    this.stream = stream;
    this.blob = blob.deepCopy();
    this.globalStreams = globalStreams;
    this.id = id;
    this.sourceRecordCount = sourceRecordCount;
  }

  /** The same state with the {@code id} the platform adds to track it. */
  public StateMessage withId(long id) {
    return new StateMessage(kind, typeWritten, stream, blob, globalStreams, id, sourceRecordCount);
  }

  /** The same state with {@code sourceStats.recordCount}, as the source counted (a double, as sources send it). */
  public StateMessage withSourceRecordCount(double count) {
    return new StateMessage(kind, typeWritten, stream, blob, globalStreams, id, count);
  }

  public Kind kind() {
    return kind;
  }

  /** The stream of a STREAM state; null for the other kinds. */
  public StreamDescriptor stream() {
    return stream;
  }

  /** The AirbyteMessage, fields in the order of the protocol's definitions, the platform's {@code id} last. */
  public ObjectNode toJson() {
    ObjectNode message = Json.MAPPER.createObjectNode().put("type", "STATE");
    ObjectNode state = message.putObject("state");
    if (typeWritten) {
      state.put("type", kind.name());
    }
    switch (kind) {
      case STREAM:
        ObjectNode streamState = state.putObject("stream");
        streamState.set("stream_descriptor", Messages.descriptor(stream));
        streamState.set("stream_state", blob.deepCopy());
        break;
      case GLOBAL:
        ObjectNode global = state.putObject("global");
        global.set("shared_state", blob.deepCopy());
        ArrayNode streamStates = global.putArray("stream_states");
        for (Map.Entry<StreamDescriptor, ObjectNode> entry : globalStreams.entrySet()) {
          ObjectNode item = streamStates.addObject();
          item.set("stream_descriptor", Messages.descriptor(entry.getKey()));
          item.set("stream_state", entry.getValue().deepCopy());
        }
        break;
      case LEGACY:
        state.set("data", blob.deepCopy());
        break;
      default:
        throw new IllegalStateException("Unknown state kind " + kind);
    }
    if (sourceRecordCount != null) {
      state.putObject("sourceStats").put("recordCount", sourceRecordCount);
    }
    if (id != null) {
      state.put("id", id);
    }
    return message;
  }

  /** The streams a GLOBAL state names; empty for the other kinds. */
  public List<StreamDescriptor> globalStreams() {
    return List.copyOf(globalStreams.keySet());
  }

  @Override
  public String toLine() {
    return Json.write(toJson());
  }

  @Override
  public String toString() {
    return toLine();
  }
}

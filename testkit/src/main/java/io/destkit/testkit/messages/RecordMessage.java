package io.destkit.testkit.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.runtime.write.StreamDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A RECORD: its stream, data, {@code emitted_at}, the changes the source already made to it ({@code meta.changes}),
 * the file it describes ({@code file_reference}, for a stream {@link ConfiguredStream#withFiles() with files}), and any
 * extra fields a newer platform might add. Immutable.
 */
public final class RecordMessage implements Message {
  private final StreamDescriptor stream;
  private final ObjectNode data;
  private final long emittedAt;
  private final List<ObjectNode> changes;
  private final Map<String, JsonNode> extraRecordFields;
  private final Map<String, JsonNode> extraMessageFields;
  private final ObjectNode fileReference;

  RecordMessage(StreamDescriptor stream, ObjectNode data, long emittedAt, List<ObjectNode> changes,
      Map<String, JsonNode> extraRecordFields, Map<String, JsonNode> extraMessageFields) {
    this(stream, data, emittedAt, changes, extraRecordFields, extraMessageFields, null);
  }

  private RecordMessage(StreamDescriptor stream, ObjectNode data, long emittedAt, List<ObjectNode> changes,
      Map<String, JsonNode> extraRecordFields, Map<String, JsonNode> extraMessageFields, ObjectNode fileReference) {
    this.fileReference = fileReference == null ? null : fileReference.deepCopy();
    this.stream = Objects.requireNonNull(stream, "stream");
    this.data = data.deepCopy();
    this.emittedAt = emittedAt;
    this.changes = List.copyOf(changes);
    this.extraRecordFields = Map.copyOf(extraRecordFields);
    this.extraMessageFields = Map.copyOf(extraMessageFields);
  }

  /** The same record emitted at {@code epochMillis}. */
  public RecordMessage emittedAt(long epochMillis) {
    return new RecordMessage(stream, data, epochMillis, changes, extraRecordFields, extraMessageFields,
        fileReference);
  }

  /**
   * The same record with a change the source made, e.g. {@code ("notes", "TRUNCATED", "SOURCE_FIELD_SIZE_LIMITATION")}.
   */
  public RecordMessage withSourceChange(String field, String change, String reason) {
    List<ObjectNode> more = new ArrayList<>(changes);
    more.add(Json.object("field", field, "change", change, "reason", reason));
    return new RecordMessage(stream, data, emittedAt, more, extraRecordFields, extraMessageFields, fileReference);
  }

  /** The same record with a field in the {@code record} object that the protocol does not define (yet). */
  public RecordMessage withUnknownRecordField(String name, JsonNode value) {
    Map<String, JsonNode> more = new LinkedHashMap<>(extraRecordFields);
    more.put(name, value);
    return new RecordMessage(stream, data, emittedAt, changes, more, extraMessageFields, fileReference);
  }

  /** The same record with a field beside {@code type} and {@code record} that the protocol does not define (yet). */
  public RecordMessage withUnknownMessageField(String name, JsonNode value) {
    Map<String, JsonNode> more = new LinkedHashMap<>(extraMessageFields);
    more.put(name, value);
    return new RecordMessage(stream, data, emittedAt, changes, extraRecordFields, more, fileReference);
  }

  /**
   * The same record describing the file staged at {@code staged} (its {@code file_reference}: the file's absolute
   * path, {@code relativePath}, its size now), as the platform sends a file-based stream's records.
   */
  public RecordMessage withFile(Path staged, String relativePath) {
    try {
      return withFileReference(staged.toAbsolutePath().toString(), relativePath, Files.size(staged));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the size of the staged file " + staged, e);
    }
  }

  /** The same record with this {@code file_reference}, as given: for a size or a path a platform should not send. */
  public RecordMessage withFileReference(String stagingFileUrl, String relativePath, long fileSizeBytes) {
    ObjectNode reference = Json.object("staging_file_url", stagingFileUrl, "source_file_relative_path", relativePath,
        "file_size_bytes", fileSizeBytes);
    return new RecordMessage(stream, data, emittedAt, changes, extraRecordFields, extraMessageFields, reference);
  }

  /** A copy of the record's {@code file_reference}, if it has one. */
  public Optional<ObjectNode> fileReference() {
    return Optional.ofNullable(fileReference).map(ObjectNode::deepCopy);
  }

  /** The record's stream. */
  public StreamDescriptor stream() {
    return stream;
  }

  /** A copy of the data. */
  public ObjectNode data() {
    return data.deepCopy();
  }

  /** The value of {@code field} in the data; null when the record lacks it. */
  public JsonNode value(String field) {
    return data.get(field);
  }

  /** {@code emitted_at}, epoch milliseconds. */
  public long emittedAt() {
    return emittedAt;
  }

  /** The source's changes, each {@code {field, change, reason}}. */
  public List<ObjectNode> sourceChanges() {
    List<ObjectNode> copies = new ArrayList<>();
    changes.forEach(change -> copies.add(change.deepCopy()));
    return copies;
  }

  /** The AirbyteMessage, fields in the order of the protocol's definitions. */
  public ObjectNode toJson() {
    ObjectNode message = Json.MAPPER.createObjectNode().put("type", "RECORD");
    ObjectNode record = message.putObject("record");
    if (stream.namespace() != null) {
      record.put("namespace", stream.namespace());
    }
    record.put("stream", stream.name());
    record.set("data", data.deepCopy());
    record.put("emitted_at", emittedAt);
    if (!changes.isEmpty()) {
      ArrayNode list = record.putObject("meta").putArray("changes");
      changes.forEach(change -> list.add(change.deepCopy()));
    }
    if (fileReference != null) {
      record.set("file_reference", fileReference.deepCopy());
    }
    extraRecordFields.forEach(record::set);
    extraMessageFields.forEach(message::set);
    return message;
  }

  @Override
  public String toLine() {
    return Json.write(toJson());
  }

  @Override
  public String toString() {
    return "RECORD of " + stream + " " + Json.write(data);
  }
}

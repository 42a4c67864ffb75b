package io.destkit.runtime.write;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.runtime.types.AirbyteType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stream of the configured catalog, as a writer needs it: what it is called, how to write it, and its columns (the
 * top-level properties of its {@code json_schema}, in schema order).
 */
public final class StreamContext {
  private final StreamDescriptor descriptor;
  private final DestinationSyncMode destinationSyncMode;
  private final String syncMode;
  private final List<List<String>> primaryKey;
  private final List<String> cursorField;
  private final long generationId;
  private final long minimumGenerationId;
  private final long syncId;
  private final JsonNode jsonSchema;
  private final List<Column> columns;
  private final String destinationObjectName;
  private final boolean includeFiles;
  private final Map<String, Integer> columnIndex = new HashMap<>();

  public StreamContext(StreamDescriptor descriptor, DestinationSyncMode destinationSyncMode, String syncMode,
      List<List<String>> primaryKey, List<String> cursorField, long generationId, long minimumGenerationId,
      long syncId, JsonNode jsonSchema, List<Column> columns) {
    this(descriptor, destinationSyncMode, syncMode, primaryKey, cursorField, generationId, minimumGenerationId, syncId,
        jsonSchema, columns, null, false);
  }

  /**
   * A stream with the catalog's fields of protocol 0.15 and 0.16 as well: the object it is written to (null when the
   * catalog names none) and whether its records carry staged files.
   */
  public StreamContext(StreamDescriptor descriptor, DestinationSyncMode destinationSyncMode, String syncMode,
      List<List<String>> primaryKey, List<String> cursorField, long generationId, long minimumGenerationId,
      long syncId, JsonNode jsonSchema, List<Column> columns, String destinationObjectName, boolean includeFiles) {
    this.destinationObjectName = destinationObjectName;
    this.includeFiles = includeFiles;
    this.descriptor = descriptor;
    this.destinationSyncMode = destinationSyncMode;
    this.syncMode = syncMode;
    this.primaryKey = List.copyOf(primaryKey);
    this.cursorField = List.copyOf(cursorField);
    this.generationId = generationId;
    this.minimumGenerationId = minimumGenerationId;
    this.syncId = syncId;
    this.jsonSchema = jsonSchema;
    this.columns = List.copyOf(columns);
    for (int i = 0; i < columns.size(); i++) {
      columnIndex.put(columns.get(i).name(), i);
    }
  }

  /** The same stream under another name: speed mode's namespace mapping gives a stream its destination name. */
  public StreamContext withDescriptor(StreamDescriptor renamed) {
    return new StreamContext(renamed, destinationSyncMode, syncMode, primaryKey, cursorField, generationId,
        minimumGenerationId, syncId, jsonSchema, columns, destinationObjectName, includeFiles);
  }

  public StreamDescriptor descriptor() {
    return descriptor;
  }

  /** The stream's namespace, or null. */
  public String namespace() {
    return descriptor.namespace();
  }

  public String name() {
    return descriptor.name();
  }

  public DestinationSyncMode destinationSyncMode() {
    return destinationSyncMode;
  }

  /** How the source reads it: {@code full_refresh} or {@code incremental}. */
  public String syncMode() {
    return syncMode;
  }

  /** The primary key: a list of field paths, each a list of names; empty when there is none. */
  public List<List<String>> primaryKey() {
    return primaryKey;
  }

  /** The cursor field's path; empty when there is none. */
  public List<String> cursorField() {
    return cursorField;
  }

  /** The generation being written; 0 when the platform sent none. */
  public long generationId() {
    return generationId;
  }

  /**
   * Rows of generations older than this may be removed once the stream ends COMPLETE; a value equal to {@link
   * #generationId()} and above 0 asks for that (a truncate refresh), 0 keeps everything.
   */
  public long minimumGenerationId() {
    return minimumGenerationId;
  }

  /** The sync's id, for {@code _airbyte_meta.sync_id}; 0 when the platform sent none. */
  public long syncId() {
    return syncId;
  }

  /** Whether rows of older generations are to be removed when this stream ends COMPLETE. */
  public boolean truncatesOlderGenerations() {
    return minimumGenerationId > 0 && minimumGenerationId == generationId;
  }

  /**
   * The destination object the catalog asks this stream to be written to ({@code destination_object_name}, protocol
   * 0.16), or null when it names none: then the stream's name is the object's.
   */
  public String destinationObjectName() {
    return destinationObjectName;
  }

  /** The object written to: {@link #destinationObjectName()} when the catalog names one, else the stream's name. */
  public String objectName() {
    return destinationObjectName == null ? descriptor.name() : destinationObjectName;
  }

  /** Whether the catalog asks for the stream's files with its records ({@code include_files}, protocol 0.15). */
  public boolean includeFiles() {
    return includeFiles;
  }

  /** The stream's {@code json_schema} as the catalog gave it. */
  public JsonNode jsonSchema() {
    return jsonSchema;
  }

  /** The columns, in the order of the schema's properties; a record's values come in this order. */
  public List<Column> columns() {
    return columns;
  }

  /** The index of the column named {@code name}, or -1. */
  public int columnIndex(String name) {
    Integer index = columnIndex.get(name);
    return index == null ? -1 : index;
  }

  /** The type of column {@code index}. */
  public AirbyteType columnType(int index) {
    return columns.get(index).type();
  }

  @Override
  public String toString() {
    return descriptor + " (" + destinationSyncMode.protocolValue() + ")";
  }
}

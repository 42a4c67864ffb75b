package io.destkit.testkit.messages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.types.JsonSchemas;
import io.destkit.runtime.write.StreamDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One stream of a configured catalog, as the platform sends it to {@code write}: the stream (name, namespace,
 * {@code json_schema}), how to sync it, its primary key and cursor, and the generation and sync ids. Immutable: each
 * {@code with...} returns a changed copy.
 *
 * <p>By default a stream is {@code full_refresh} / {@code append}, without key or cursor, in generation 1 with
 * minimum generation 0 and sync id 1, as a current platform sends an ordinary append.
 */
public final class ConfiguredStream {
  private final String name;
  private final String namespace;
  private final ObjectNode jsonSchema;
  private final String syncMode;
  private final DestinationSyncMode destinationSyncMode;
  private final List<List<String>> primaryKey;
  private final List<String> cursorField;
  private final Long generationId;
  private final Long minimumGenerationId;
  private final Long syncId;
  private final String destinationObjectName;
  private final boolean includeFiles;

  private ConfiguredStream(String name, String namespace, ObjectNode jsonSchema, String syncMode,
      DestinationSyncMode destinationSyncMode, List<List<String>> primaryKey, List<String> cursorField,
      Long generationId, Long minimumGenerationId, Long syncId, String destinationObjectName, boolean includeFiles) {
    this.destinationObjectName = destinationObjectName;
    this.includeFiles = includeFiles;
    this.name = Objects.requireNonNull(name, "name");
    this.namespace = namespace;
    this.jsonSchema = jsonSchema;
    this.syncMode = syncMode;
    this.destinationSyncMode = Objects.requireNonNull(destinationSyncMode, "destinationSyncMode");
    this.primaryKey = List.copyOf(primaryKey);
    this.cursorField = List.copyOf(cursorField);
    this.generationId = generationId;
    this.minimumGenerationId = minimumGenerationId;
    this.syncId = syncId;
  }

  /** A stream named {@code name}, without namespace or fields, appended in full refresh. */
  public static ConfiguredStream named(String name) {
    return new ConfiguredStream(name, null, FieldTypes.object(), "full_refresh", DestinationSyncMode.APPEND,
        List.of(), List.of(), 1L, 0L, 1L, null, false);
  }

  /** The same stream in namespace {@code namespace}; null for none. */
  public ConfiguredStream inNamespace(String namespace) {
    return new ConfiguredStream(name, namespace, jsonSchema, syncMode, destinationSyncMode, primaryKey, cursorField,
        generationId, minimumGenerationId, syncId, destinationObjectName, includeFiles);
  }

  /** The same stream with a schema of exactly these top-level fields, in this order. */
  public ConfiguredStream withFields(Field... fields) {
    return withJsonSchema(FieldTypes.object(fields));
  }

  /** The same stream with {@code jsonSchema} as its {@code json_schema}, as is. */
  public ConfiguredStream withJsonSchema(ObjectNode jsonSchema) {
    return new ConfiguredStream(name, namespace, jsonSchema.deepCopy(), syncMode, destinationSyncMode, primaryKey,
        cursorField, generationId, minimumGenerationId, syncId, destinationObjectName, includeFiles);
  }

  /** The same stream synced in {@code destinationSyncMode}. */
  public ConfiguredStream withDestinationSyncMode(DestinationSyncMode destinationSyncMode) {
    return new ConfiguredStream(name, namespace, jsonSchema, syncMode, destinationSyncMode, primaryKey, cursorField,
        generationId, minimumGenerationId, syncId, destinationObjectName, includeFiles);
  }

  /** The same stream read by the source as {@code incremental}. */
  public ConfiguredStream incremental() {
    return new ConfiguredStream(name, namespace, jsonSchema, "incremental", destinationSyncMode, primaryKey,
        cursorField, generationId, minimumGenerationId, syncId, destinationObjectName, includeFiles);
  }

  /** The same stream read by the source as {@code full_refresh}. */
  public ConfiguredStream fullRefresh() {
    return new ConfiguredStream(name, namespace, jsonSchema, "full_refresh", destinationSyncMode, primaryKey,
        cursorField, generationId, minimumGenerationId, syncId, destinationObjectName, includeFiles);
  }

  /** {@code full_refresh} / {@code append}. */
  public ConfiguredStream append() {
    return fullRefresh().withDestinationSyncMode(DestinationSyncMode.APPEND);
  }

  /** {@code full_refresh} / {@code overwrite}. */
  public ConfiguredStream overwrite() {
    return fullRefresh().withDestinationSyncMode(DestinationSyncMode.OVERWRITE);
  }

  /** {@code incremental} / {@code append_dedup} on this primary key (top-level fields) and cursor field. */
  public ConfiguredStream appendDedup(List<String> primaryKeyFields, String cursorField) {
    return incremental().withDestinationSyncMode(DestinationSyncMode.APPEND_DEDUP)
        .withPrimaryKey(primaryKeyFields.toArray(new String[0]))
        .withCursor(cursorField);
  }

  /** The same stream with a primary key of these top-level fields, in order. */
  public ConfiguredStream withPrimaryKey(String... fields) {
    List<List<String>> key = new ArrayList<>();
    for (String field : fields) {
      key.add(List.of(field));
    }
    return withPrimaryKeyPaths(key);
  }

  /** The same stream with a primary key of these field paths. */
  public ConfiguredStream withPrimaryKeyPaths(List<List<String>> paths) {
    return new ConfiguredStream(name, namespace, jsonSchema, syncMode, destinationSyncMode, paths, cursorField,
        generationId, minimumGenerationId, syncId, destinationObjectName, includeFiles);
  }

  /** The same stream with this cursor field path; no argument for none. */
  public ConfiguredStream withCursor(String... path) {
    return new ConfiguredStream(name, namespace, jsonSchema, syncMode, destinationSyncMode, primaryKey,
        Arrays.asList(path), generationId, minimumGenerationId, syncId, destinationObjectName, includeFiles);
  }

  /**
   * The same stream in generation {@code generationId}, removing older generations when {@code minimumGenerationId}
   * equals it (a truncate refresh) and keeping them when it is 0.
   */
  public ConfiguredStream withGeneration(long generationId, long minimumGenerationId) {
    return new ConfiguredStream(name, namespace, jsonSchema, syncMode, destinationSyncMode, primaryKey, cursorField,
        generationId, minimumGenerationId, syncId, destinationObjectName, includeFiles);
  }

  /** The same stream in sync {@code syncId}. */
  public ConfiguredStream withSyncId(long syncId) {
    return new ConfiguredStream(name, namespace, jsonSchema, syncMode, destinationSyncMode, primaryKey, cursorField,
        generationId, minimumGenerationId, syncId, destinationObjectName, includeFiles);
  }

  /** The same stream without generation_id, minimum_generation_id and sync_id, as platforms before refreshes sent. */
  public ConfiguredStream withoutGenerations() {
    return new ConfiguredStream(name, namespace, jsonSchema, syncMode, destinationSyncMode, primaryKey, cursorField,
        null, null, null, destinationObjectName, includeFiles);
  }

  /** The same stream written to destination object {@code objectName} ({@code destination_object_name}). */
  public ConfiguredStream toObject(String objectName) {
    return new ConfiguredStream(name, namespace, jsonSchema, syncMode, destinationSyncMode, primaryKey, cursorField,
        generationId, minimumGenerationId, syncId, objectName, includeFiles);
  }

  /** The same stream with {@code include_files: true}: its records carry staged files. */
  public ConfiguredStream withFiles() {
    return new ConfiguredStream(name, namespace, jsonSchema, syncMode, destinationSyncMode, primaryKey, cursorField,
        generationId, minimumGenerationId, syncId, destinationObjectName, true);
  }

  /** The destination object named in the catalog, or null. */
  public String destinationObjectName() {
    return destinationObjectName;
  }

  /** Whether the catalog asks for the stream's files. */
  public boolean includeFiles() {
    return includeFiles;
  }

  public String name() {
    return name;
  }

  /** The namespace, or null. */
  public String namespace() {
    return namespace;
  }

  /** The stream's name and namespace. */
  public StreamDescriptor descriptor() {
    return new StreamDescriptor(namespace, name);
  }

  /** A copy of the {@code json_schema}. */
  public ObjectNode jsonSchema() {
    return jsonSchema.deepCopy();
  }

  /** {@code full_refresh} or {@code incremental}. */
  public String syncMode() {
    return syncMode;
  }

  public DestinationSyncMode destinationSyncMode() {
    return destinationSyncMode;
  }

  /** The primary key's field paths; empty when there is none. */
  public List<List<String>> primaryKey() {
    return primaryKey;
  }

  /** The cursor's field path; empty when there is none. */
  public List<String> cursorField() {
    return cursorField;
  }

  /** The generation id; null when the catalog carries none. */
  public Long generationId() {
    return generationId;
  }

  /** The minimum generation id; null when the catalog carries none. */
  public Long minimumGenerationId() {
    return minimumGenerationId;
  }

  /** The sync id; null when the catalog carries none. */
  public Long syncId() {
    return syncId;
  }

  /** The top-level fields of the schema with their Airbyte types, in schema order, as the runtime reads them. */
  public Map<String, AirbyteType> fieldTypes() {
    return JsonSchemas.parseStream(jsonSchema).properties();
  }

  /** The names of the top-level fields, in schema order. */
  public List<String> fieldNames() {
    return List.copyOf(fieldTypes().keySet());
  }

  /** The ConfiguredAirbyteStream, fields in the order of the protocol's definitions. */
  public ObjectNode toJson() {
    ObjectNode configured = Json.MAPPER.createObjectNode();
    ObjectNode stream = configured.putObject("stream");
    stream.put("name", name);
    stream.set("json_schema", jsonSchema.deepCopy());
    ArrayNode supported = stream.putArray("supported_sync_modes").add("full_refresh");
    if (syncMode.equals("incremental") || !cursorField.isEmpty()) {
      supported.add("incremental");
    }
    if (!cursorField.isEmpty()) {
      stream.put("source_defined_cursor", true);
      ArrayNode cursor = stream.putArray("default_cursor_field");
      cursorField.forEach(cursor::add);
    }
    if (!primaryKey.isEmpty()) {
      stream.set("source_defined_primary_key", paths(primaryKey));
    }
    if (namespace != null) {
      stream.put("namespace", namespace);
    }
    stream.put("is_resumable", syncMode.equals("incremental"));
    configured.put("sync_mode", syncMode);
    ArrayNode cursor = configured.putArray("cursor_field");
    cursorField.forEach(cursor::add);
    configured.put("destination_sync_mode", destinationSyncMode.protocolValue());
    configured.set("primary_key", paths(primaryKey));
    if (generationId != null) {
      configured.put("generation_id", generationId);
    }
    if (minimumGenerationId != null) {
      configured.put("minimum_generation_id", minimumGenerationId);
    }
    if (syncId != null) {
      configured.put("sync_id", syncId);
    }
    if (includeFiles) {
      stream.put("is_file_based", true);
      configured.put("include_files", true);
    }
    if (destinationObjectName != null) {
      configured.put("destination_object_name", destinationObjectName);
    }
    return configured;
  }

  private static ArrayNode paths(List<List<String>> paths) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (List<String> path : paths) {
      ArrayNode parts = array.addArray();
      path.forEach(parts::add);
    }
    return array;
  }

  /** Whether {@code other} names the same stream (name and namespace). */
  public boolean isSameStreamAs(ConfiguredStream other) {
    return descriptor().equals(other.descriptor());
  }

  @Override
  public String toString() {
    return descriptor() + " (" + syncMode + " / " + destinationSyncMode.protocolValue() + ")";
  }
}

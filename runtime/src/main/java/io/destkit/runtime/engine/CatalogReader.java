package io.destkit.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.config.ConfigInput;
import io.destkit.runtime.secret.SecretMasker;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.types.JsonSchemas;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.Column;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.StreamDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a ConfiguredAirbyteCatalog. Every problem is reported at once with its JSON path, as a config error: the
 * catalog is the connection's configuration of streams.
 */
public final class CatalogReader {
  private static final List<String> DESTINATION_MODES = List.of("append", "overwrite", "append_dedup", "update",
      "soft_delete");

  private CatalogReader() {}

  /** The catalog in {@code json}; a {@link ConfigException} lists every problem found. */
  public static Catalog read(JsonNode json) throws ConfigException {
    ConfigInput in = new ConfigInput(new SecretMasker());
    List<StreamContext> streams = new ArrayList<>();
    JsonNode array = in.member(json, "streams", "$.streams", true);
    if (array != null && !array.isArray()) {
      in.problem("$.streams", "must be an array");
    } else if (array != null && array.isEmpty()) {
      in.problem("$.streams", "has no stream; a write needs at least one");
    } else if (array != null) {
      Set<StreamDescriptor> seen = new HashSet<>();
      for (int i = 0; i < array.size(); i++) {
        StreamContext stream = stream(in, array.get(i), "$.streams[" + i + "]");
        if (stream != null && !seen.add(stream.descriptor())) {
          in.problem("$.streams[" + i + "]", "repeats stream " + stream.descriptor());
        }
        streams.add(stream);
      }
    }
    in.throwIfProblems("catalog");
    return new Catalog(streams);
  }

  private static StreamContext stream(ConfigInput in, JsonNode node, String path) {
    if (!in.object(node, path)) {
      return null;
    }
    int before = in.problemCount();
    JsonNode stream = in.member(node, "stream", path + ".stream", true);
    String name = null;
    String namespace = null;
    JsonNode schema = null;
    if (in.object(stream, path + ".stream")) {
      name = in.string(in.member(stream, "name", path + ".stream.name", true), path + ".stream.name");
      namespace = in.string(in.member(stream, "namespace", path + ".stream.namespace", false),
          path + ".stream.namespace");
      schema = in.member(stream, "json_schema", path + ".stream.json_schema", true);
      if (schema != null && !schema.isObject() && !schema.isBoolean()) {
        in.problem(path + ".stream.json_schema", "must be a JSON schema object");
      }
    }
    String mode = in.oneOf(in.member(node, "destination_sync_mode", path + ".destination_sync_mode", true),
        path + ".destination_sync_mode", DESTINATION_MODES);
    String syncMode = in.string(in.member(node, "sync_mode", path + ".sync_mode", false), path + ".sync_mode");
    List<String> cursor = in.list(in.member(node, "cursor_field", path + ".cursor_field", false),
        path + ".cursor_field", in::string);
    List<List<String>> primaryKey = in.list(in.member(node, "primary_key", path + ".primary_key", false),
        path + ".primary_key", (item, itemPath) -> in.list(item, itemPath, in::string));
    Long generationId = in.int64(in.member(node, "generation_id", path + ".generation_id", false),
        path + ".generation_id");
    Long minimumGenerationId = in.int64(in.member(node, "minimum_generation_id", path + ".minimum_generation_id",
        false), path + ".minimum_generation_id");
    Long syncId = in.int64(in.member(node, "sync_id", path + ".sync_id", false), path + ".sync_id");
    String objectName = in.string(in.member(node, "destination_object_name", path + ".destination_object_name",
        false), path + ".destination_object_name");
    Boolean includeFiles = in.bool(in.member(node, "include_files", path + ".include_files", false),
        path + ".include_files");
    if (in.problemCount() > before) {
      return null;
    }
    AirbyteType.ObjectType type = JsonSchemas.parseStream(schema);
    List<Column> columns = new ArrayList<>();
    for (Map.Entry<String, AirbyteType> property : type.properties().entrySet()) {
      columns.add(new Column(property.getKey(), property.getValue()));
    }
    if (primaryKey != null) {
      for (int k = 0; k < primaryKey.size(); k++) {
        List<String> keyPath = primaryKey.get(k);
        if (keyPath.isEmpty()) {
          in.problem(path + ".primary_key[" + k + "]", "is an empty field path");
        } else if (!type.properties().isEmpty() && !type.properties().containsKey(keyPath.get(0))) {
          in.problem(path + ".primary_key[" + k + "]",
              "names field '" + keyPath.get(0) + "', which the stream's json_schema does not have");
        }
      }
    }
    return new StreamContext(new StreamDescriptor(namespace, name), DestinationSyncMode.fromProtocol(mode),
        syncMode == null ? "full_refresh" : syncMode, primaryKey == null ? List.of() : primaryKey,
        cursor == null ? List.of() : cursor, generationId == null ? 0 : generationId,
        minimumGenerationId == null ? 0 : minimumGenerationId, syncId == null ? 0 : syncId, schema, columns,
        objectName, Boolean.TRUE.equals(includeFiles));
  }
}

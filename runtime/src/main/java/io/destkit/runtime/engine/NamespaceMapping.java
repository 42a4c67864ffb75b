package io.destkit.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.config.JsonFiles;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.StreamDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Speed mode's namespace mapping (SPEED-MODE.md, "Namespace mapping"): with no orchestrator between source and
 * destination to rename streams, the destination applies the connection's mapping itself. The catalog, records and
 * states come with the source's names; streams are written under the mapped names, and states are echoed as
 * received.
 */
public final class NamespaceMapping {
  /** No mapping: names as they come (standard input, where the platform has mapped them already). */
  public static final NamespaceMapping NONE = new NamespaceMapping(Type.SOURCE, null, "");

  /** Where a stream's namespace comes from. */
  enum Type { SOURCE, DESTINATION, CUSTOMFORMAT }

  private final Type type;
  private final String format;
  private final String prefix;
  /** Each mapped stream's source descriptor, once {@link #apply} has run. */
  private final Map<StreamDescriptor, StreamDescriptor> sources = new HashMap<>();

  NamespaceMapping(Type type, String format, String prefix) {
    this.type = type;
    this.format = format;
    this.prefix = prefix == null ? "" : prefix;
  }

  /** The mapping {@code channel} names, or {@link #NONE}. */
  public static NamespaceMapping of(DataChannel channel) throws ConfigException {
    return channel.namespaceMapping() == null ? NONE : read(channel.namespaceMapping());
  }

  /** Reads the mapping file: {@code namespaceDefinitionType}, {@code namespaceFormat}, {@code streamPrefix}. */
  static NamespaceMapping read(Path file) throws ConfigException {
    JsonNode json = JsonFiles.readObject(file, "namespace mapping");
    String typeText = json.path("namespaceDefinitionType").asText("source");
    Type type;
    try {
      type = Type.valueOf(typeText.replace("_", "").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("namespace mapping " + file + ": namespaceDefinitionType is '" + typeText
          + "'; it must be source, destination or customformat");
    }
    JsonNode format = json.get("namespaceFormat");
    JsonNode prefix = json.get("streamPrefix");
    return new NamespaceMapping(type, format == null || format.isNull() ? null : format.asText(),
        prefix == null || prefix.isNull() ? "" : prefix.asText());
  }

  /** The destination's name of the source stream {@code source}. */
  StreamDescriptor map(StreamDescriptor source) {
    if (this == NONE) {
      return source;
    }
    String namespace = switch (type) {
      case SOURCE -> source.namespace();
      case DESTINATION -> null;
      case CUSTOMFORMAT -> format == null ? null
          : format.replace("${SOURCE_NAMESPACE}", source.namespace() == null ? "" : source.namespace());
    };
    return new StreamDescriptor(namespace == null || namespace.isBlank() ? null : namespace, prefix + source.name());
  }

  /**
   * The catalog with each stream under its mapped name. Two streams that map to one name are refused: their records
   * would mix in one table.
   */
  public Catalog apply(Catalog catalog) throws ConfigException {
    if (this == NONE) {
      return catalog;
    }
    List<StreamContext> mapped = new ArrayList<>();
    sources.clear();
    for (StreamContext stream : catalog.streams()) {
      StreamDescriptor name = map(stream.descriptor());
      StreamDescriptor other = sources.put(name, stream.descriptor());
      if (other != null) {
        throw new ConfigException("The namespace mapping gives streams " + other + " and " + stream.descriptor()
            + " the same name, " + name + "; change the stream prefix or the namespace format");
      }
      mapped.add(stream.withDescriptor(name));
    }
    return new Catalog(mapped);
  }

  /** The source's name of the mapped stream {@code mapped} (itself when there is no mapping). */
  StreamDescriptor sourceOf(StreamDescriptor mapped) {
    return sources.getOrDefault(mapped, mapped);
  }
}

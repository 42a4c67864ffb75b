package io.destkit.testkit.messages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The ConfiguredAirbyteCatalog of a write: its streams, in order.
 *
 * @param streams the streams, in the order the catalog lists them
 */
public record ConfiguredCatalog(List<ConfiguredStream> streams) {
  /** Keeps an unmodifiable copy. */
  public ConfiguredCatalog {
    streams = List.copyOf(streams);
  }

  /** A catalog of these streams, in this order. */
  public static ConfiguredCatalog of(ConfiguredStream... streams) {
    return new ConfiguredCatalog(List.of(streams));
  }

  /** A catalog of these streams, in this order. */
  public static ConfiguredCatalog of(List<ConfiguredStream> streams) {
    return new ConfiguredCatalog(streams);
  }

  /** {@code {"streams": [...]}}. */
  public ObjectNode toJson() {
    ObjectNode catalog = Json.MAPPER.createObjectNode();
    ArrayNode array = catalog.putArray("streams");
    for (ConfiguredStream stream : streams) {
      array.add(stream.toJson());
    }
    return catalog;
  }
}

package io.destkit.processor.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.processor.model.ConnectorModel;
import io.destkit.processor.model.StreamModel;
import java.io.IOException;
import java.util.List;

/**
 * Writes {@code destination_catalog.json}: the operations a data activation destination declares at build time, one
 * per object (each {@code @Stream}) and mode of the records methods that take it, with the object's schema and
 * matching keys, in the protocol's {@code DestinationCatalog} shape. The runtime's {@code DestinationCatalog.declared}
 * reads it for {@code discover} and for checking a catalog at write start. Written only for a destination that
 * {@link ConnectorModel#dataActivation() activates data}.
 */
public final class DestinationCatalogWriter {
  /** Where the file goes, next to the spec; the runtime's {@code DestinationCatalog.RESOURCE} without the slash. */
  public static final String RESOURCE = "META-INF/destkit/destination_catalog.json";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The file, pretty-printed with a final newline, identical on every build. */
  public String write(ConnectorModel connector) throws IOException {
    ObjectNode catalog = JSON.objectNode();
    ArrayNode operations = catalog.putArray("operations");
    for (StreamModel stream : connector.streams()) {
      StreamModel.Parsed schema = (StreamModel.Parsed) stream.schema();
      for (String mode : connector.objectModes(stream)) {
        ObjectNode operation = operations.addObject();
        operation.put("object_name", stream.name().value());
        operation.put("sync_mode", mode);
        operation.set("json_schema", schema.json() == null ? JSON.objectNode() : schema.json().deepCopy());
        List<String> keys = stream.matchingKeys().value();
        if (!keys.isEmpty()) {
          ArrayNode matching = operation.putArray("matching_keys");
          for (String key : keys) {
            ArrayNode path = matching.addArray();
            for (String part : key.split("\\.", -1)) {
              path.add(part);
            }
          }
        }
      }
    }
    return PrettyJson.write(catalog);
  }
}

package io.destkit.runtime.discover;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.annotations.DestinationSyncMode;
import java.util.List;
import java.util.Objects;

/**
 * One thing a destination can do with one of its objects: the protocol's {@code DestinationOperation} (0.16), listed
 * by {@code discover} in the DESTINATION_CATALOG. A data activation destination (a CRM, a marketing tool) declares,
 * for each object it writes, the modes it takes it in ({@code append}, {@code append_dedup}, {@code update},
 * {@code soft_delete}), the fields it accepts and the keys a record can be matched on.
 *
 * @param objectName the object's name, as a catalog's {@code destination_object_name} names it
 * @param syncMode how it is written
 * @param jsonSchema the fields the object takes, as a JSON schema
 * @param matchingKeys the keys a record is matched on, each a field path; empty when the mode needs none
 */
public record DestinationOperation(String objectName, DestinationSyncMode syncMode, JsonNode jsonSchema,
    List<List<String>> matchingKeys) {
  public DestinationOperation {
    Objects.requireNonNull(objectName, "objectName");
    Objects.requireNonNull(syncMode, "syncMode");
    Objects.requireNonNull(jsonSchema, "jsonSchema");
    matchingKeys = matchingKeys.stream().map(List::copyOf).toList();
  }
}

package io.destkit.testkit.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.Field;
import java.util.List;

/**
 * What {@link ActivationSuite} writes to a data activation destination: an object it declares, the fields a stream
 * sends it, the matching key, and two records with different keys.
 *
 * @param objectName the destination object ({@code destination_object_name})
 * @param fields the fields of the stream that feeds it, in order
 * @param matchingKey the top-level field records are matched on (one of the object's matching keys)
 * @param first a record
 * @param second another record, with another key
 */
public record ActivationSample(String objectName, List<Field> fields, String matchingKey, ObjectNode first,
    ObjectNode second) {
  public ActivationSample {
    fields = List.copyOf(fields);
  }

  /** A source stream, {@code source}, written to the object in {@code mode}, matched on the key. */
  public ConfiguredStream stream(String source, DestinationSyncMode mode) {
    return ConfiguredStream.named(source).withFields(fields.toArray(Field[]::new)).incremental()
        .withPrimaryKey(matchingKey).withDestinationSyncMode(mode).toObject(objectName);
  }
}

package io.destkit.runtime.discover;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.types.JsonTrees;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.StreamContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code discover} answers: the operations a destination takes, in the order declared (the protocol's
 * {@code DestinationCatalog}). At write start the runtime holds the configured catalog against it
 * ({@link #refuseUndeclared}), so that a stream asking for an operation the destination never declared fails before
 * any record is read.
 */
public record DestinationCatalog(List<DestinationOperation> operations) {
  public DestinationCatalog {
    operations = List.copyOf(operations);
  }

  /** Where the processor writes the operations a connector declares at build time, on its class path. */
  public static final String RESOURCE = "/META-INF/destkit/destination_catalog.json";

  /**
   * The operations declared at build time for the connector whose generated class is {@code anchor} (the resource
   * {@link #RESOURCE} beside it); none when it has no such resource.
   */
  public static DestinationCatalog declared(Class<?> anchor) throws IOException {
    try (InputStream in = anchor.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return new DestinationCatalog(List.of());
      }
      JsonNode root = JsonTrees.parse(in.readAllBytes());
      List<DestinationOperation> operations = new ArrayList<>();
      for (JsonNode op : root.path("operations")) {
        List<List<String>> keys = new ArrayList<>();
        for (JsonNode key : op.path("matching_keys")) {
          List<String> path = new ArrayList<>();
          key.forEach(part -> path.add(part.asText()));
          keys.add(path);
        }
        operations.add(new DestinationOperation(op.path("object_name").asText(),
            DestinationSyncMode.fromProtocol(op.path("sync_mode").asText()), op.path("json_schema"), keys));
      }
      return new DestinationCatalog(operations);
    }
  }

  /** These operations followed by {@code more} (those a {@code @Discover} method found). */
  public DestinationCatalog with(List<DestinationOperation> more) {
    List<DestinationOperation> all = new ArrayList<>(operations);
    all.addAll(more);
    return new DestinationCatalog(all);
  }

  /** The operation on {@code objectName} in {@code mode}, if declared. */
  public Optional<DestinationOperation> operation(String objectName, DestinationSyncMode mode) {
    return operations.stream()
        .filter(op -> op.objectName().equals(objectName) && op.syncMode() == mode)
        .findFirst();
  }

  /**
   * Fails, naming every stream at fault, when a stream of {@code catalog} written to a destination object (it has a
   * {@code destination_object_name}, or its mode is {@code update} or {@code soft_delete}) asks for an object and mode
   * this catalog does not declare, or, for a declared operation with matching keys, has a primary key that is none
   * of them. Streams without a destination object in modes for tables are not this catalog's concern.
   */
  public void refuseUndeclared(Catalog catalog) throws ConfigException {
    List<String> problems = new ArrayList<>();
    for (StreamContext stream : catalog.streams()) {
      if (!writesToObject(stream)) {
        continue;
      }
      Optional<DestinationOperation> operation = operation(stream.objectName(), stream.destinationSyncMode());
      if (operation.isEmpty()) {
        problems.add("stream " + stream.descriptor() + " asks for " + stream.destinationSyncMode().protocolValue()
            + " on object '" + stream.objectName() + "', which the destination does not declare (its operations: "
            + describe() + ")");
      } else if (!operation.get().matchingKeys().isEmpty()
          && !operation.get().matchingKeys().containsAll(stream.primaryKey())) {
        problems.add("stream " + stream.descriptor() + " matches records of object '" + stream.objectName() + "' on "
            + stream.primaryKey() + ", but the object matches only on " + operation.get().matchingKeys());
      } else if (!operation.get().matchingKeys().isEmpty() && stream.primaryKey().isEmpty()) {
        problems.add("stream " + stream.descriptor() + " gives no matching key (primary_key) for "
            + stream.destinationSyncMode().protocolValue() + " on object '" + stream.objectName() + "'; choose one of "
            + operation.get().matchingKeys());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException("The catalog asks for operations this destination does not take: "
          + String.join("; ", problems) + ". Run discover to see what it takes, and change the connection's"
          + " mappings.");
    }
  }

  /** Whether {@code stream} is written to a destination object rather than a table of its own name. */
  public static boolean writesToObject(StreamContext stream) {
    return stream.destinationObjectName() != null || stream.destinationSyncMode() == DestinationSyncMode.UPDATE
        || stream.destinationSyncMode() == DestinationSyncMode.SOFT_DELETE;
  }

  private String describe() {
    List<String> all = new ArrayList<>();
    for (DestinationOperation op : operations) {
      all.add(op.objectName() + " " + op.syncMode().protocolValue());
    }
    return all.isEmpty() ? "none" : String.join(", ", all);
  }
}

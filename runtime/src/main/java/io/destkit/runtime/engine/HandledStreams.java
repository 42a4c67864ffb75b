package io.destkit.runtime.engine;

import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.WriteHandlers;
import java.util.ArrayList;
import java.util.List;

/** At write start: does the connector handle every stream of the catalog as the catalog asks? */
final class HandledStreams {
  private HandledStreams() {}

  /**
   * Refuses, before anything is read, a catalog with streams the connector cannot write: a typed stream whose catalog
   * schema cannot fill its record class, a mode no writer takes, files asked for where no writer handles them. Each
   * list names every such stream and says what to change.
   */
  static void refuseUnhandled(Catalog catalog, WriteHandlers handlers) throws ConfigException {
    List<String> refused = new ArrayList<>();
    List<String> mismatched = new ArrayList<>();
    List<String> withFiles = new ArrayList<>();
    for (StreamContext stream : catalog.streams()) {
      if (!handlers.accepts(stream)) {
        refused.add(stream.descriptor() + " in mode " + stream.destinationSyncMode().protocolValue());
      } else {
        if (stream.includeFiles() && !handlers.acceptsFiles(stream)) {
          withFiles.add(stream.descriptor().toString());
        }
        if (handlers.codec(stream) != null) {
          mismatched.addAll(TypedStreams.problems(stream, handlers.codec(stream)));
        }
      }
    }
    if (!mismatched.isEmpty()) {
      throw new ConfigException("The catalog does not fit the connector's typed streams: "
          + String.join("; ", mismatched) + ". Select the missing fields in the connection, or rebuild the connector"
          + " with the new schema.");
    }
    if (!refused.isEmpty()) {
      throw new ConfigException("This destination cannot write "
          + String.join(", ", refused) + ": no writer of the connector takes that mode. Choose a supported"
          + " destination sync mode for the stream.");
    }
    if (!withFiles.isEmpty()) {
      throw new ConfigException("This destination cannot copy the files of "
          + String.join(", ", withFiles) + ": the catalog asks for them (include_files), but the connector does not"
          + " handle files for that stream. Turn off copying raw files for the stream in the connection, or use a"
          + " destination that handles files.");
    }
  }
}

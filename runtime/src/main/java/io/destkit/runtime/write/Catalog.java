package io.destkit.runtime.write;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured catalog of a write: its streams, in catalog order, found by descriptor. */
public final class Catalog {
  private final List<StreamContext> streams;
  private final Map<StreamDescriptor, StreamContext> byDescriptor = new LinkedHashMap<>();

  public Catalog(List<StreamContext> streams) {
    this.streams = List.copyOf(streams);
    for (StreamContext stream : streams) {
      byDescriptor.put(stream.descriptor(), stream);
    }
  }

  public List<StreamContext> streams() {
    return streams;
  }

  /** The stream with this descriptor, or null. */
  public StreamContext stream(StreamDescriptor descriptor) {
    return byDescriptor.get(descriptor);
  }
}

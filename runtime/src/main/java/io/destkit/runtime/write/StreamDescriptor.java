package io.destkit.runtime.write;

import java.util.Objects;

/** A stream's identity: its name and, when the source has one, its namespace (a schema, a database, a folder). */
public record StreamDescriptor(String namespace, String name) {
  public StreamDescriptor {
    Objects.requireNonNull(name, "name");
    if (namespace != null && namespace.isEmpty()) {
      namespace = null;
    }
  }

  @Override
  public String toString() {
    return namespace == null ? name : namespace + "." + name;
  }
}

package io.destkit.annotations;

/**
 * How a destination writes a stream, as the configured catalog's {@code destination_sync_mode} says. A connector
 * supports the modes its {@link OnRecords} methods name; the spec's {@code supported_destination_sync_modes} is
 * derived from them.
 */
public enum DestinationSyncMode {
  /** Add the records to what is there. */
  APPEND("append"),
  /** Replace the stream's data, once the stream has sent all its records. */
  OVERWRITE("overwrite"),
  /** Keep one row per primary key: the newest by cursor, then by extraction time; CDC deletes remove the row. */
  APPEND_DEDUP("append_dedup"),
  /** Update rows in place by primary key (API destinations). */
  UPDATE("update"),
  /** Mark rows deleted by primary key (API destinations). */
  SOFT_DELETE("soft_delete");

  private final String protocolValue;

  DestinationSyncMode(String protocolValue) {
    this.protocolValue = protocolValue;
  }

  /** The mode as the protocol writes it, e.g. {@code append_dedup}. */
  public String protocolValue() {
    return protocolValue;
  }

  /** The mode for a protocol value, or null when it is none of them. */
  public static DestinationSyncMode fromProtocol(String value) {
    for (DestinationSyncMode mode : values()) {
      if (mode.protocolValue.equals(value)) {
        return mode;
      }
    }
    return null;
  }
}

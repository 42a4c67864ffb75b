package io.destkit.runtime.types;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a record's {@code _airbyte_meta.changes}: what happened ({@link Change}) to which field and why
 * ({@link Reason}), as the protocol's {@code AirbyteRecordMessageMetaChange} has it.
 */
public record MetaChange(String field, Change change, Reason reason) {

  /** Rejects nulls: the protocol requires all three. */
  public MetaChange {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(reason, "reason");
  }

  /** The change for a value that does not fit its column's type: {@code NULLED}, {@code DESTINATION_TYPECAST_ERROR}. */
  public static MetaChange typecastError(String field) {
    return new MetaChange(field, Change.NULLED, Reason.DESTINATION_TYPECAST_ERROR);
  }

  /** The change for a value too large for its column: {@code NULLED}, {@code DESTINATION_FIELD_SIZE_LIMITATION}. */
  public static MetaChange tooLarge(String field) {
    return new MetaChange(field, Change.NULLED, Reason.DESTINATION_FIELD_SIZE_LIMITATION);
  }

  /** What was done to the field's value. */
  public enum Change {
    /** The value was replaced by null. */
    NULLED("NULLED"),
    /** The value was shortened. */
    TRUNCATED("TRUNCATED");

    private final String protocolValue;

    Change(String protocolValue) {
      this.protocolValue = protocolValue;
    }

    /** The value's spelling in the protocol's JSON. */
    public String protocolValue() {
      return protocolValue;
    }

    /** The change spelled {@code value} in the protocol; empty for a value this version does not know. */
    public static Optional<Change> fromProtocol(String value) {
      for (Change change : values()) {
        if (change.protocolValue.equals(value)) {
          return Optional.of(change);
        }
      }
      return Optional.empty();
    }
  }

  /** Why the value was changed: every reason of the protocol, with who (source, destination, platform) did it. */
  public enum Reason {
    /** The source could not handle the record as a whole: too large. */
    SOURCE_RECORD_SIZE_LIMITATION("SOURCE_RECORD_SIZE_LIMITATION"),
    /** The destination could not handle the record as a whole: too large. */
    DESTINATION_RECORD_SIZE_LIMITATION("DESTINATION_RECORD_SIZE_LIMITATION"),
    /** The platform could not handle the record as a whole: too large. */
    PLATFORM_RECORD_SIZE_LIMITATION("PLATFORM_RECORD_SIZE_LIMITATION"),
    /** A single field was too large for the source. */
    SOURCE_FIELD_SIZE_LIMITATION("SOURCE_FIELD_SIZE_LIMITATION"),
    /** A single field was too large for the destination. */
    DESTINATION_FIELD_SIZE_LIMITATION("DESTINATION_FIELD_SIZE_LIMITATION"),
    /** A single field was too large for the platform. */
    PLATFORM_FIELD_SIZE_LIMITATION("PLATFORM_FIELD_SIZE_LIMITATION"),
    /** The source could not read or write the field. */
    SOURCE_SERIALIZATION_ERROR("SOURCE_SERIALIZATION_ERROR"),
    /** The destination could not read or write the field. */
    DESTINATION_SERIALIZATION_ERROR("DESTINATION_SERIALIZATION_ERROR"),
    /** The platform could not read or write the field. */
    PLATFORM_SERIALIZATION_ERROR("PLATFORM_SERIALIZATION_ERROR"),
    /** The source failed to produce the field. */
    SOURCE_RETRIEVAL_ERROR("SOURCE_RETRIEVAL_ERROR"),
    /** The destination could not cast the value to the column's type. */
    DESTINATION_TYPECAST_ERROR("DESTINATION_TYPECAST_ERROR");

    private final String protocolValue;

    Reason(String protocolValue) {
      this.protocolValue = protocolValue;
    }

    /** The value's spelling in the protocol's JSON. */
    public String protocolValue() {
      return protocolValue;
    }

    /** Whether the destination made the change (and so counts it in its state statistics). */
    public boolean byDestination() {
      return switch (this) {
        case DESTINATION_RECORD_SIZE_LIMITATION, DESTINATION_FIELD_SIZE_LIMITATION, DESTINATION_SERIALIZATION_ERROR,
            DESTINATION_TYPECAST_ERROR -> true;
        case SOURCE_RECORD_SIZE_LIMITATION, PLATFORM_RECORD_SIZE_LIMITATION, SOURCE_FIELD_SIZE_LIMITATION,
            PLATFORM_FIELD_SIZE_LIMITATION, SOURCE_SERIALIZATION_ERROR, PLATFORM_SERIALIZATION_ERROR,
            SOURCE_RETRIEVAL_ERROR -> false;
      };
    }

    /** The reason spelled {@code value} in the protocol; empty for a value this version does not know. */
    public static Optional<Reason> fromProtocol(String value) {
      for (Reason reason : values()) {
        if (reason.protocolValue.equals(value)) {
          return Optional.of(reason);
        }
      }
      return Optional.empty();
    }
  }
}

package io.destkit.sql;

import io.destkit.runtime.types.AirbyteType;

/**
 * What a data column stores, the same for every engine (each {@link SqlDialect} names it in SQL). A column's type
 * only ever widens: when a stream's field changes type, the column takes the {@link #widen wider} of the two, so
 * that old rows and new values both fit and nothing fails.
 */
public enum StorageType {
  BOOLEAN, INTEGER, NUMBER, STRING, DATE, TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_WITHOUT_TIMEZONE, TIME_WITH_TIMEZONE,
  TIME_WITHOUT_TIMEZONE, BINARY, JSON;

  /** The column type for values of an Airbyte type: arrays, objects, unions and values of unknown type are JSON. */
  public static StorageType of(AirbyteType type) {
    return switch (type.kind()) {
      case STRING -> STRING;
      case BOOLEAN -> BOOLEAN;
      case INTEGER -> INTEGER;
      case NUMBER -> NUMBER;
      case DATE -> DATE;
      case TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_WITH_TIMEZONE;
      case TIMESTAMP_WITHOUT_TIMEZONE -> TIMESTAMP_WITHOUT_TIMEZONE;
      case TIME_WITH_TIMEZONE -> TIME_WITH_TIMEZONE;
      case TIME_WITHOUT_TIMEZONE -> TIME_WITHOUT_TIMEZONE;
      case BINARY -> BINARY;
      case ARRAY, OBJECT, UNION, UNKNOWN -> JSON;
    };
  }

  /**
   * The narrowest type that holds the values of both: itself when equal; JSON when either is JSON; NUMBER for
   * INTEGER and NUMBER; otherwise STRING (every value has a text form).
   */
  public StorageType widen(StorageType other) {
    if (this == other) {
      return this;
    }
    if (this == JSON || other == JSON) {
      return JSON;
    }
    if (isNumeric() && other.isNumeric()) {
      return NUMBER;
    }
    return STRING;
  }

  private boolean isNumeric() {
    return this == INTEGER || this == NUMBER;
  }
}

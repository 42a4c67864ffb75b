package io.destkit.runtime.types;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The type of a value in a stream, as declared by the stream's {@code json_schema} (read by {@link JsonSchemas}).
 * Every type is nullable: Airbyte treats a missing or null field as null whatever its type.
 *
 * <p>On Java 17, switch on {@link #kind()} for an exhaustive {@code switch}, then cast to the record for the
 * composite kinds ({@link ArrayType}, {@link ObjectType}, {@link UnionType}).
 */
public sealed interface AirbyteType {

  /** A string of text. */
  AirbyteType STRING = new StringType();
  /** {@code true} or {@code false}. */
  AirbyteType BOOLEAN = new BooleanType();
  /** A whole number that fits a 64-bit {@code long}. */
  AirbyteType INTEGER = new IntegerType();
  /** A decimal number of any size and precision. */
  AirbyteType NUMBER = new NumberType();
  /** A calendar date. */
  AirbyteType DATE = new DateType();
  /** An instant: a date and time with an offset from UTC. */
  AirbyteType TIMESTAMP_WITH_TIMEZONE = new TimestampWithTimezoneType();
  /** A date and time on a wall clock, without offset. */
  AirbyteType TIMESTAMP_WITHOUT_TIMEZONE = new TimestampWithoutTimezoneType();
  /** A time of day with an offset from UTC. */
  AirbyteType TIME_WITH_TIMEZONE = new TimeWithTimezoneType();
  /** A time of day on a wall clock, without offset. */
  AirbyteType TIME_WITHOUT_TIMEZONE = new TimeWithoutTimezoneType();
  /** Bytes, sent as a base64 string. */
  AirbyteType BINARY = new BinaryType();
  /** No type information at all: any JSON value. */
  AirbyteType UNKNOWN = new UnknownType();

  /** Which of the closed set of types this is, for an exhaustive {@code switch}. */
  Kind kind();

  /** The kinds of {@link AirbyteType}, one per record. */
  enum Kind {
    /** {@link StringType}. */
    STRING,
    /** {@link BooleanType}. */
    BOOLEAN,
    /** {@link IntegerType}. */
    INTEGER,
    /** {@link NumberType}. */
    NUMBER,
    /** {@link DateType}. */
    DATE,
    /** {@link TimestampWithTimezoneType}. */
    TIMESTAMP_WITH_TIMEZONE,
    /** {@link TimestampWithoutTimezoneType}. */
    TIMESTAMP_WITHOUT_TIMEZONE,
    /** {@link TimeWithTimezoneType}. */
    TIME_WITH_TIMEZONE,
    /** {@link TimeWithoutTimezoneType}. */
    TIME_WITHOUT_TIMEZONE,
    /** {@link BinaryType}. */
    BINARY,
    /** {@link ArrayType}. */
    ARRAY,
    /** {@link ObjectType}. */
    OBJECT,
    /** {@link UnionType}. */
    UNION,
    /** {@link UnknownType}. */
    UNKNOWN
  }

  /** A string of text ({@code "type": "string"}, well-known {@code String}). Decoded as {@link String}. */
  record StringType() implements AirbyteType {
    @Override
    public Kind kind() {
      return Kind.STRING;
    }
  }

  /** A boolean ({@code "type": "boolean"}, well-known {@code Boolean}). Decoded as {@link Boolean}. */
  record BooleanType() implements AirbyteType {
    @Override
    public Kind kind() {
      return Kind.BOOLEAN;
    }
  }

  /** A whole number ({@code "type": "integer"}, well-known {@code Integer}). Decoded as {@link Long}. */
  record IntegerType() implements AirbyteType {
    @Override
    public Kind kind() {
      return Kind.INTEGER;
    }
  }

  /** A decimal number ({@code "type": "number"}, well-known {@code Number}). Decoded as {@link java.math.BigDecimal}. */
  record NumberType() implements AirbyteType {
    @Override
    public Kind kind() {
      return Kind.NUMBER;
    }
  }

  /** A date ({@code "format": "date"}, well-known {@code Date}). Decoded as {@link java.time.LocalDate}. */
  record DateType() implements AirbyteType {
    @Override
    public Kind kind() {
      return Kind.DATE;
    }
  }

  /**
   * A timestamp with time zone ({@code "format": "date-time"}, well-known {@code TimestampWithTimezone}).
   * Decoded as {@link java.time.OffsetDateTime}.
   */
  record TimestampWithTimezoneType() implements AirbyteType {
    @Override
    public Kind kind() {
      return Kind.TIMESTAMP_WITH_TIMEZONE;
    }
  }

  /**
   * A timestamp without time zone ({@code "airbyte_type": "timestamp_without_timezone"}, well-known
   * {@code TimestampWithoutTimezone}). Decoded as {@link java.time.LocalDateTime}.
   */
  record TimestampWithoutTimezoneType() implements AirbyteType {
    @Override
    public Kind kind() {
      return Kind.TIMESTAMP_WITHOUT_TIMEZONE;
    }
  }

  /**
   * A time of day with time zone ({@code "format": "time"}, well-known {@code TimeWithTimezone}).
   * Decoded as {@link java.time.OffsetTime}.
   */
  record TimeWithTimezoneType() implements AirbyteType {
    @Override
    public Kind kind() {
      return Kind.TIME_WITH_TIMEZONE;
    }
  }

  /**
   * A time of day without time zone ({@code "airbyte_type": "time_without_timezone"}, well-known
   * {@code TimeWithoutTimezone}). Decoded as {@link java.time.LocalTime}.
   */
  record TimeWithoutTimezoneType() implements AirbyteType {
    @Override
    public Kind kind() {
      return Kind.TIME_WITHOUT_TIMEZONE;
    }
  }

  /**
   * Binary data sent as base64 ({@code "contentEncoding": "base64"}, well-known {@code BinaryData}).
   * Decoded as {@code byte[]}.
   */
  record BinaryType() implements AirbyteType {
    @Override
    public Kind kind() {
      return Kind.BINARY;
    }
  }

  /**
   * An array whose items are of type {@code items}; {@link AirbyteType#UNKNOWN} when the schema does not say.
   * Decoded as {@link RawJson}.
   */
  record ArrayType(AirbyteType items) implements AirbyteType {
    /** Rejects a null item type: use {@link AirbyteType#UNKNOWN} for "any". */
    public ArrayType {
      Objects.requireNonNull(items, "items");
    }

    @Override
    public Kind kind() {
      return Kind.ARRAY;
    }
  }

  /**
   * An object with named properties in the schema's order; no properties means a schemaless object (any keys).
   * Keys that the schema does not name may still occur in values. Decoded as {@link RawJson}.
   */
  record ObjectType(Map<String, AirbyteType> properties) implements AirbyteType {
    /** Keeps an unmodifiable copy of {@code properties} in their iteration order. */
    public ObjectType {
      properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** An object whose properties are not declared: {@code {"type": "object"}}. */
    public static ObjectType schemaless() {
      return new ObjectType(Map.of());
    }

    /** Whether the schema names no properties. */
    public boolean isSchemaless() {
      return properties.isEmpty();
    }

    @Override
    public Kind kind() {
      return Kind.OBJECT;
    }
  }

  /**
   * A value of one of several types ({@code "type": [...]}, {@code oneOf}, {@code anyOf}): two or more distinct
   * options, none of them a union or {@link UnknownType}. Build one with {@link #of(List)}. Decoded as
   * {@link RawJson}.
   */
  record UnionType(List<AirbyteType> options) implements AirbyteType {
    /** Checks that there are two or more distinct options, none a union or unknown. */
    public UnionType {
      options = List.copyOf(options);
      if (options.size() < 2 || options.stream().distinct().count() != options.size()) {
        throw new IllegalArgumentException("A union needs two or more distinct options, got " + options);
      }
      for (AirbyteType option : options) {
        if (option instanceof UnionType || option instanceof UnknownType) {
          throw new IllegalArgumentException("A union's option cannot be a union or unknown, got " + options);
        }
      }
    }

    /**
     * The type that accepts a value of any of {@code options}: nested unions are flattened and duplicates dropped;
     * no option gives {@link AirbyteType#UNKNOWN}, one option gives that option, and an unknown option makes the
     * whole union unknown (it already accepts anything).
     */
    public static AirbyteType of(List<AirbyteType> options) {
      LinkedHashSet<AirbyteType> flat = new LinkedHashSet<>();
      for (AirbyteType option : options) {
        if (option instanceof UnknownType) {
          return UNKNOWN;
        }
        if (option instanceof UnionType) {
          flat.addAll(((UnionType) option).options());
        } else {
          flat.add(option);
        }
      }
      if (flat.isEmpty()) {
        return UNKNOWN;
      }
      if (flat.size() == 1) {
        return flat.iterator().next();
      }
      return new UnionType(List.copyOf(flat));
    }

    @Override
    public Kind kind() {
      return Kind.UNION;
    }
  }

  /**
   * No usable type information ({@code {}}, {@code true}, or a schema that cannot be read): any JSON value.
   * Decoded as {@link RawJson}.
   */
  record UnknownType() implements AirbyteType {
    @Override
    public Kind kind() {
      return Kind.UNKNOWN;
    }
  }
}

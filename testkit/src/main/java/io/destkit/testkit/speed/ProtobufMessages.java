package io.destkit.testkit.speed;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.CodedOutputStream;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.types.ProtobufValues;
import io.destkit.testkit.messages.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The speed-mode frames a test source sends a destination: {@code AirbyteMessageProtobuf} messages (a record, a
 * STATE or TRACE as JSON, a probe), and the length prefix that frames each on a socket. Values are encoded as an
 * Airbyte source encodes them for their declared type (see {@link #record}), so that a test can send fitting values
 * and misfits alike. Fields that are zero or empty are left out, as proto3 writes them.
 */
public final class ProtobufMessages {
  // AirbyteMessageProtobuf
  private static final int RECORD = 1;
  private static final int PROTOCOL_MESSAGE = 2;
  private static final int PROBE = 3;
  // AirbyteRecordMessageProtobuf
  private static final int STREAM_NAMESPACE = 1;
  private static final int STREAM_NAME = 2;
  private static final int EMITTED_AT_MS = 3;
  private static final int PARTITION_ID = 4;
  private static final int DATA = 5;
  private static final int META = 6;
  // AirbyteRecordMessageMeta and its changes
  private static final int CHANGES = 1;
  private static final int CHANGE_FIELD = 1;
  private static final int CHANGE_CHANGE = 2;
  private static final int CHANGE_REASON = 3;
  /** A destination refuses numeric text longer than this; see {@link #plain}. */
  private static final int MAX_NUMBER_TEXT = 1000;

  private ProtobufMessages() {}

  /**
   * One record, without its length prefix. {@code data[i]} is the value of {@code fieldsInOrder.get(i)} (see
   * {@link #positions}); a field missing from {@code data} is a value with no case set, a JSON null is
   * {@code is_null}; properties of {@code data} that are not in {@code fieldsInOrder} are not sent (speed mode has
   * no place for them). Each value is encoded for its field's type in {@code types}:
   * <ul>
   *   <li>a date, time or timestamp type whose value is an ISO-8601 string that java.time reads as that type: the
   *       matching temporal case;</li>
   *   <li>union and unknown types: the json case, whatever the value;</li>
   *   <li>anything else, misfits included, by the JSON value's own kind: a string as the string case, a JSON
   *       integer as integer (big_integer beyond {@code long}), a decimal as big_decimal in plain notation (a double
   *       held by the tree as number), a boolean, an array or object as json.</li>
   * </ul>
   *
   * @param namespace the stream's namespace, or null for none (the field is then absent, not empty)
   * @param sourceChanges what the source did to fields, sent in the record's meta
   */
  public static byte[] record(String namespace, String name, long emittedAtMs, String partitionId,
      List<String> fieldsInOrder, Map<String, AirbyteType> types, JsonNode data, List<MetaChange> sourceChanges) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(partitionId, "partitionId: every speed-mode record names its checkpoint partition");
    if (data == null || !data.isObject()) {
      throw new IllegalArgumentException("A record's data must be a JSON object, not " + data);
    }
    byte[] record = message(out -> {
      if (namespace != null) {
        out.writeString(STREAM_NAMESPACE, namespace);
      }
      if (!name.isEmpty()) {
        out.writeString(STREAM_NAME, name);
      }
      if (emittedAtMs != 0) {
        out.writeUInt64(EMITTED_AT_MS, emittedAtMs);
      }
      if (!partitionId.isEmpty()) {
        out.writeString(PARTITION_ID, partitionId);
      }
      for (String field : fieldsInOrder) {
        AirbyteType type = types.get(field);
        if (type == null) {
          throw new IllegalArgumentException("No type for field '" + field + "'; types has " + types.keySet());
        }
        out.writeByteArray(DATA, value(data.get(field), type));
      }
      if (!sourceChanges.isEmpty()) {
        out.writeByteArray(META, meta(sourceChanges));
      }
    });
    return message(out -> out.writeByteArray(RECORD, record));
  }

  /**
   * A message that carries a whole JSON Airbyte message (a STATE, or a TRACE such as a stream status), without its
   * length prefix. {@code jsonLine} is the message's UTF-8 JSON text, without a line break.
   */
  public static byte[] protocolMessage(byte[] jsonLine) {
    return message(out -> out.writeByteArray(PROTOCOL_MESSAGE, jsonLine));
  }

  /** A probe: the heartbeat a source may send, which a destination ignores. */
  public static byte[] probe() {
    return message(out -> out.writeByteArray(PROBE, new byte[0]));
  }

  /** Writes {@code message} framed as on a speed-mode socket: its length as a varint, then its bytes. */
  public static void writeDelimited(OutputStream out, byte[] message) throws IOException {
    CodedOutputStream coded = CodedOutputStream.newInstance(out,
        CodedOutputStream.computeUInt32SizeNoTag(message.length) + message.length);
    coded.writeUInt32NoTag(message.length);
    coded.writeRawBytes(message);
    coded.flush();
  }

  /**
   * The positional order of a stream's fields: its schema's property names sorted as Java sorts strings (by UTF-16
   * code unit, case-sensitive), as source and destination both sort them.
   */
  public static List<String> positions(Collection<String> propertyNames) {
    return propertyNames.stream().sorted().toList();
  }

  /** One {@code AirbyteValueProtobuf}: {@code value} (null or missing for an absent field) encoded for {@code type}. */
  static byte[] value(JsonNode value, AirbyteType type) {
    return message(out -> {
      if (value == null || value.isMissingNode()) {
        return;
      }
      if (value.isNull()) {
        out.writeBool(ProtobufValues.IS_NULL, true);
        return;
      }
      switch (type.kind()) {
        case DATE, TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_WITHOUT_TIMEZONE, TIME_WITH_TIMEZONE, TIME_WITHOUT_TIMEZONE -> {
          if (!(value.isTextual() && temporal(out, type.kind(), value.textValue()))) {
            natural(out, value);
          }
        }
        case UNION, UNKNOWN -> out.writeByteArray(ProtobufValues.JSON, json(value));
        case STRING, BOOLEAN, INTEGER, NUMBER, BINARY, ARRAY, OBJECT -> natural(out, value);
      }
    });
  }

  /** Writes {@code text} as the temporal case of {@code kind} if java.time reads it as one; false if it does not. */
  private static boolean temporal(CodedOutputStream out, AirbyteType.Kind kind, String text) throws IOException {
    try {
      switch (kind) {
        case DATE -> out.writeSInt64(ProtobufValues.DATE, LocalDate.parse(text).toEpochDay());
        case TIME_WITHOUT_TIMEZONE -> out.writeUInt64(ProtobufValues.TIME_WITHOUT_TIMEZONE,
            LocalTime.parse(text).toNanoOfDay());
        case TIME_WITH_TIMEZONE -> {
          OffsetTime time = OffsetTime.parse(text);
          out.writeByteArray(ProtobufValues.TIME_WITH_TIMEZONE, message(m -> {
            uint64(m, 1, time.toLocalTime().toNanoOfDay());
            sint32(m, 2, time.getOffset().getTotalSeconds());
          }));
        }
        case TIMESTAMP_WITH_TIMEZONE -> {
          OffsetDateTime timestamp = OffsetDateTime.parse(text);
          out.writeByteArray(ProtobufValues.TIMESTAMP_WITH_TIMEZONE, message(m -> {
            if (timestamp.toEpochSecond() != 0) {
              m.writeSInt64(1, timestamp.toEpochSecond());
            }
            if (timestamp.getNano() != 0) {
              m.writeUInt32(2, timestamp.getNano());
            }
            sint32(m, 3, timestamp.getOffset().getTotalSeconds());
          }));
        }
        case TIMESTAMP_WITHOUT_TIMEZONE -> {
          LocalDateTime timestamp = LocalDateTime.parse(text);
          out.writeByteArray(ProtobufValues.TIMESTAMP_WITHOUT_TIMEZONE, message(m -> {
            if (timestamp.toLocalDate().toEpochDay() != 0) {
              m.writeSInt64(1, timestamp.toLocalDate().toEpochDay());
            }
            uint64(m, 2, timestamp.toLocalTime().toNanoOfDay());
          }));
        }
        default -> throw new IllegalArgumentException("Not a temporal kind: " + kind);
      }
      return true;
    } catch (DateTimeParseException e) {
      // Sent as a string: the destination's own parser decides, as it does for JSON.
      return false;
    }
  }

  /** Writes {@code value} in the case of its own JSON kind. */
  private static void natural(CodedOutputStream out, JsonNode value) throws IOException {
    if (value.isTextual()) {
      out.writeString(ProtobufValues.STRING, value.textValue());
    } else if (value.isBoolean()) {
      out.writeBool(ProtobufValues.BOOLEAN, value.booleanValue());
    } else if (value.isIntegralNumber()) {
      if (value.canConvertToLong()) {
        out.writeSInt64(ProtobufValues.INTEGER, value.longValue());
      } else {
        out.writeString(ProtobufValues.BIG_INTEGER, value.bigIntegerValue().toString());
      }
    } else if (value.isDouble() || value.isFloat()) {
      out.writeDouble(ProtobufValues.NUMBER, value.doubleValue());
    } else if (value.isNumber()) {
      out.writeString(ProtobufValues.BIG_DECIMAL, plain(value.decimalValue()));
    } else if (value.isBinary()) {
      out.writeString(ProtobufValues.STRING, value.asText());
    } else {
      out.writeByteArray(ProtobufValues.JSON, json(value));
    }
  }

  /**
   * {@code value} in plain notation, as a source writes big_decimal; a number whose plain text would pass
   * {@value #MAX_NUMBER_TEXT} characters ({@code 1e5000}) keeps its exponent, since a destination refuses longer
   * numeric text and the test would then see a size limit instead of the number it sent.
   */
  static String plain(BigDecimal value) {
    long digits = value.scale() <= 0 ? (long) value.precision() - value.scale()
        : Math.max(value.precision(), value.scale() + 1L) + 1;
    return digits <= MAX_NUMBER_TEXT ? value.toPlainString() : value.toString();
  }

  private static byte[] json(JsonNode value) {
    return Json.write(value).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] meta(List<MetaChange> changes) {
    return message(out -> {
      for (MetaChange change : changes) {
        out.writeByteArray(CHANGES, message(m -> {
          m.writeString(CHANGE_FIELD, change.field());
          // The enums' numbers are the order of MetaChange's enums, which follow the protocol's.
          if (change.change().ordinal() != 0) {
            m.writeEnum(CHANGE_CHANGE, change.change().ordinal());
          }
          if (change.reason().ordinal() != 0) {
            m.writeEnum(CHANGE_REASON, change.reason().ordinal());
          }
        }));
      }
    });
  }

  private static void uint64(CodedOutputStream out, int field, long value) throws IOException {
    if (value != 0) {
      out.writeUInt64(field, value);
    }
  }

  private static void sint32(CodedOutputStream out, int field, int value) throws IOException {
    if (value != 0) {
      out.writeSInt32(field, value);
    }
  }

  /** Writes the fields of one message. */
  @FunctionalInterface
  private interface Fields {
    void write(CodedOutputStream out) throws IOException;
  }

  private static byte[] message(Fields fields) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      fields.write(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Writing to memory failed", e);
    }
    return bytes.toByteArray();
  }
}

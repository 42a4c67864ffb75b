package io.destkit.runtime.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import io.destkit.runtime.error.InputException;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.write.FileReference;
import io.destkit.runtime.write.StreamDescriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The protocol's JSON below the message for {@link MessageDecoder}: its parsers' settings, and the small objects read
 * from tokens in one pass (a record's meta changes and file reference, a STATE's scope, stream and checkpoint, a
 * trace's stream status). Fields this protocol version does not know are skipped.
 */
final class JsonMessageParts {
  private JsonMessageParts() {}

  /**
   * A factory of parsers of the protocol: NaN and infinities read (sources send them), strings as long as memory
   * allows, nesting to {@code maxDepth}; with the input in locations only when {@code sourceInLocation}.
   */
  static JsonFactory factory(boolean sourceInLocation, int maxDepth) {
    JsonFactoryBuilder builder = new JsonFactoryBuilder();
    builder.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        // A record may hold one very large string (a document, an image in base64): memory is the only limit.
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(Integer.MAX_VALUE)
            .maxNestingDepth(maxDepth)
            .build());
    if (sourceInLocation) {
      builder.enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION);
    } else {
      builder.disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION);
    }
    return builder.build();
  }

  /**
   * The byte offset of the token the parser is on (not a field name), without the {@code JsonLocation} that asking
   * for it costs Jackson's public API: three of them a message were a tenth of what reading a record allocated. A
   * byte parser counts its token offset one past the token's first byte, as its own {@code currentTokenLocation}
   * corrects ({@code JsonMessagePartsTest} holds the two equal).
   */
  static long tokenOffset(JsonParser parser) {
    return parser instanceof UTF8StreamJsonParser bytes ? bytes.getTokenCharacterOffset() - 1
        : parser.currentTokenLocation().getByteOffset();
  }

  /** The line of the token the parser is on (not a field name), counted from 1, as {@link #tokenOffset} finds it. */
  static int tokenLine(JsonParser parser) {
    return parser instanceof UTF8StreamJsonParser bytes ? bytes.getTokenLineNr()
        : parser.currentTokenLocation().getLineNr();
  }

  private static final String[] KNOWN_TYPES = {"RECORD", "STATE", "TRACE"};

  /** The message's type, one of the constants when it is one of the three read, without a new String for them. */
  static String messageType(JsonParser parser) throws IOException {
    for (String known : KNOWN_TYPES) {
      if (textIs(parser, known)) {
        return known;
      }
    }
    return parser.getText();
  }

  /** Whether the string value the parser is on is {@code expected}, compared in place. */
  static boolean textIs(JsonParser parser, String expected) throws IOException {
    int length = parser.getTextLength();
    if (length != expected.length()) {
      return false;
    }
    char[] text = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    for (int i = 0; i < length; i++) {
      if (text[offset + i] != expected.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** What a JSON token that should have been an object is, for a reason that never quotes the value. */
  static String jsonKind(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      default -> "null";
    };
  }

  /**
   * A record's {@code file_reference}: null for JSON null; all three fields, of their types, or the line is refused,
   * since a file without its staged path, relative path or size cannot be checked nor placed.
   */
  static FileReference fileReference(JsonParser parser, JsonToken value, long lineNumber)
      throws IOException, InputException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.START_OBJECT) {
      parser.skipChildren();
      throw new InputException(lineNumber, "record file_reference must be a JSON object");
    }
    String url = null;
    String relativePath = null;
    long size = -1;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken v = parser.nextToken();
      if (field.equals("staging_file_url") && v == JsonToken.VALUE_STRING) {
        url = parser.getText();
      } else if (field.equals("source_file_relative_path") && v == JsonToken.VALUE_STRING) {
        relativePath = parser.getText();
      } else if (field.equals("file_size_bytes") && v == JsonToken.VALUE_NUMBER_INT) {
        size = parser.getValueAsLong(-1);
      } else {
        parser.skipChildren();
      }
    }
    if (url == null || url.isEmpty() || relativePath == null || size < 0) {
      throw new InputException(lineNumber, "record file_reference needs staging_file_url and"
          + " source_file_relative_path (strings) and file_size_bytes (an integer of 0 or more)");
    }
    return new FileReference(url, relativePath, size);
  }

  /** A record's {@code meta}: the changes the source made; none when it is not an object (skipped). */
  static List<MetaChange> sourceChanges(JsonParser parser, JsonToken meta) throws IOException {
    if (meta != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return List.of();
    }
    List<MetaChange> changes = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (!field.equals("changes") || value != JsonToken.START_ARRAY) {
        parser.skipChildren();
        continue;
      }
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        String name = null;
        String change = null;
        String reason = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          JsonToken v = parser.nextToken();
          String text = v == JsonToken.VALUE_STRING ? parser.getText() : null;
          if (key.equals("field")) {
            name = text;
          } else if (key.equals("change")) {
            change = text;
          } else if (key.equals("reason")) {
            reason = text;
          } else {
            parser.skipChildren();
          }
        }
        // A change whose kind or reason this protocol version does not know is dropped: it cannot be written back.
        Optional<MetaChange.Change> kind = MetaChange.Change.fromProtocol(change);
        Optional<MetaChange.Reason> why = MetaChange.Reason.fromProtocol(reason);
        if (name != null && kind.isPresent() && why.isPresent()) {
          changes.add(new MetaChange(name, kind.get(), why.get()));
        }
      }
    }
    return changes;
  }

  /** What the {@code state} object of a STATE holds for its checkpoint; {@code end} counts from the parser's start. */
  record StateParts(StateMessage.Scope scope, StreamDescriptor stream, int end, boolean hasFields,
      boolean hasStats, StateMessage.Checkpoint checkpoint) {}

  /** Reads a STATE's {@code state} object, the parser on its START_OBJECT. */
  static StateParts state(JsonParser parser) throws IOException {
    String type = null;
    StreamDescriptor stream = null;
    boolean hasFields = false;
    boolean hasStats = false;
    String partitionId = null;
    Long id = null;
    Long sourceRecordCount = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      hasFields = true;
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("type") && value == JsonToken.VALUE_STRING) {
        type = parser.getText();
      } else if (field.equals("stream") && value == JsonToken.START_OBJECT) {
        stream = streamOfState(parser);
      } else if (field.equals("partition_id") && value == JsonToken.VALUE_STRING) {
        partitionId = parser.getText();
      } else if (field.equals("id") && value.isNumeric()) {
        id = parser.getValueAsLong();
      } else if (field.equals("sourceStats") && value == JsonToken.START_OBJECT) {
        sourceRecordCount = recordCount(parser);
      } else {
        hasStats |= Checkpoints.STATISTICS.contains(field);
        parser.skipChildren();
      }
    }
    StateMessage.Checkpoint checkpoint = partitionId == null && id == null && sourceRecordCount == null ? null
        : new StateMessage.Checkpoint(partitionId, id, sourceRecordCount);
    return new StateParts(StateMessage.Scope.of(type), stream, (int) tokenOffset(parser),
        hasFields, hasStats, checkpoint);
  }

  /** {@code recordCount} of a {@code sourceStats} object (a double, as sources send it); null when it has none. */
  private static Long recordCount(JsonParser parser) throws IOException {
    Long count = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("recordCount") && value.isNumeric()) {
        count = parser.getValueAsLong();
      } else {
        parser.skipChildren();
      }
    }
    return count;
  }

  private static StreamDescriptor streamOfState(JsonParser parser) throws IOException {
    StreamDescriptor descriptor = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("stream_descriptor") && value == JsonToken.START_OBJECT) {
        descriptor = descriptor(parser);
      } else {
        parser.skipChildren();
      }
    }
    return descriptor;
  }

  /** Reads {@code {"name": ..., "namespace": ...}}; null when it has no name. */
  private static StreamDescriptor descriptor(JsonParser parser) throws IOException {
    String name = null;
    String namespace = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("name") && value == JsonToken.VALUE_STRING) {
        name = parser.getText();
      } else if (field.equals("namespace") && value == JsonToken.VALUE_STRING) {
        namespace = parser.getText();
      } else {
        parser.skipChildren();
      }
    }
    return name == null ? null : new StreamDescriptor(namespace, name);
  }

  /** A trace's type, and for a STREAM_STATUS its status and stream (null when not given). */
  record StreamStatus(String type, String status, StreamDescriptor stream) {}

  /** Reads a {@code trace} object, the parser on its START_OBJECT. */
  static StreamStatus streamStatus(JsonParser parser) throws IOException {
    String type = null;
    String status = null;
    StreamDescriptor descriptor = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("type") && value == JsonToken.VALUE_STRING) {
        type = parser.getText();
      } else if (field.equals("stream_status") && value == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          JsonToken v = parser.nextToken();
          if (key.equals("status") && v == JsonToken.VALUE_STRING) {
            status = parser.getText();
          } else if (key.equals("stream_descriptor") && v == JsonToken.START_OBJECT) {
            descriptor = descriptor(parser);
          } else {
            parser.skipChildren();
          }
        }
      } else {
        parser.skipChildren();
      }
    }
    return new StreamStatus(type, status, descriptor);
  }
}

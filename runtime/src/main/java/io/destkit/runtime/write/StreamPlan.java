package io.destkit.runtime.write;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.types.ValueDecoder;
import io.destkit.runtime.types.ValueDecoders;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one stream's records are decoded, built once at write start from its schema: a decoder per column, found by
 * field name. Fields the schema lacks are skipped; columns the record lacks stay null. A typed stream is decoded by its
 * generated codec instead.
 */
final class StreamPlan {
  private final StreamContext stream;
  private final Map<String, Integer> index = new HashMap<>();
  private final ValueDecoder[] decoders;
  private final RecordCodec<?> codec;
  /** The top-level fields that hold the primary key or the cursor: their values are never nulled. */
  private final Set<String> keyFields = new HashSet<>();

  StreamPlan(StreamContext stream, RecordCodec<?> codec) {
    this.stream = stream;
    this.codec = codec;
    List<Column> columns = stream.columns();
    this.decoders = new ValueDecoder[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      index.put(columns.get(i).name(), i);
      decoders[i] = ValueDecoders.forType(columns.get(i).type());
    }
    for (List<String> path : stream.primaryKey()) {
      keyFields.add(path.get(0));
    }
    if (!stream.cursorField().isEmpty()) {
      keyFields.add(stream.cursorField().get(0));
    }
  }

  /** Whether the top-level field {@code field} holds (part of) the primary key or the cursor. */
  boolean isKey(String field) {
    return keyFields.contains(field);
  }

  StreamContext stream() {
    return stream;
  }

  /** The generated codec of a typed stream; null for a stream decoded into column values. */
  RecordCodec<?> codec() {
    return codec;
  }

  /**
   * Decodes the {@code data} object the parser is on (its START_OBJECT) into column values, leaving the parser on its
   * END_OBJECT. Values that do not fit are nulled and reported in {@code changes}.
   */
  Object[] decode(JsonParser parser, List<MetaChange> changes) throws IOException {
    Object[] values = new Object[decoders.length];
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      Integer column = index.get(field);
      parser.nextToken();
      if (column == null) {
        parser.skipChildren();
      } else {
        values[column] = decoders[column].decode(parser, field, changes);
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new IOException("unexpected " + token + " in record data");
    }
    return values;
  }
}

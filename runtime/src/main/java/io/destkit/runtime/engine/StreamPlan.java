package io.destkit.runtime.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.types.ValueDecoder;
import io.destkit.runtime.types.ValueDecoders;
import io.destkit.runtime.write.Column;
import io.destkit.runtime.write.RecordCodec;
import io.destkit.runtime.write.StreamContext;
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
  /** Column names, interned as the parser interns field names: the expected next name is checked by identity. */
  private final String[] names;
  /**
   * The column that came after each column in the last record ({@code follow[n]}: the first one), so that the
   * next field's column is guessed right when records list their fields in the same order, as sources write them.
   */
  private final int[] follow;
  private final ValueDecoder[] decoders;
  private final RecordCodec<?> codec;
  /** The top-level fields that hold the primary key or the cursor: their values are never nulled. */
  private final Set<String> keyFields = new HashSet<>();

  StreamPlan(StreamContext stream, RecordCodec<?> codec) {
    this.stream = stream;
    this.codec = codec;
    List<Column> columns = stream.columns();
    this.decoders = new ValueDecoder[columns.size()];
    this.names = new String[columns.size()];
    this.follow = new int[columns.size() + 1];
    for (int i = 0; i < columns.size(); i++) {
      names[i] = columns.get(i).name().intern();
      follow[i] = i + 1;
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
    int previous = names.length;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      int column = follow[previous];
      if (column >= names.length || field != names[column]) {
        Integer found = index.get(field);
        column = found == null ? -1 : found;
        if (column >= 0) {
          follow[previous] = column;
        }
      }
      parser.nextToken();
      if (column < 0) {
        parser.skipChildren();
      } else {
        values[column] = decoders[column].decode(parser, field, changes);
        previous = column;
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new IOException("unexpected " + token + " in record data");
    }
    return values;
  }
}

package io.destkit.runtime.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.types.ProtobufValueDecoder;
import io.destkit.runtime.types.ProtobufValues;
import io.destkit.runtime.types.ValueDecoder;
import io.destkit.runtime.types.ValueDecoders;
import io.destkit.runtime.write.Column;
import io.destkit.runtime.write.PositionalDecoder;
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
  /** Speed mode: each column's reader of protobuf values. */
  private final ProtobufValueDecoder[] protobufDecoders;
  private final RecordCodec<?> codec;
  /** The top-level fields that hold the primary key or the cursor: their values are never nulled. */
  private final Set<String> keyFields = new HashSet<>();
  /**
   * Speed mode's positional order: the column of each position of a protobuf record's values, the catalog's property
   * names sorted in Java {@code String} order (SPEED-MODE.md, "Positional data").
   */
  private final int[] positions;
  /** The column names in positional order: what a typed stream's codec builds its positional decoder for. */
  private final List<String> sortedNames;
  /** The codec's positional decoder, once asked for (null: it has none). */
  private PositionalDecoder<?> positional;
  private boolean askedPositional;

  StreamPlan(StreamContext stream, RecordCodec<?> codec) {
    this.stream = stream;
    this.codec = codec;
    List<Column> columns = stream.columns();
    this.decoders = new ValueDecoder[columns.size()];
    this.protobufDecoders = new ProtobufValueDecoder[columns.size()];
    this.names = new String[columns.size()];
    this.follow = new int[columns.size() + 1];
    for (int i = 0; i < columns.size(); i++) {
      names[i] = columns.get(i).name().intern();
      follow[i] = i + 1;
      index.put(columns.get(i).name(), i);
      decoders[i] = ValueDecoders.forType(columns.get(i).type());
      protobufDecoders[i] = ProtobufValues.decoder(columns.get(i).type());
    }
    String[] sorted = columns.stream().map(Column::name).sorted().toArray(String[]::new);
    this.positions = new int[sorted.length];
    for (int position = 0; position < sorted.length; position++) {
      positions[position] = index.get(sorted[position]);
    }
    this.sortedNames = List.of(sorted);
    for (List<String> path : stream.primaryKey()) {
      keyFields.add(path.get(0));
    }
    if (!stream.cursorField().isEmpty()) {
      keyFields.add(stream.cursorField().get(0));
    }
  }

  /** The column of speed-mode position {@code position}; the caller checks it is below {@link #positions()}. */
  int columnAt(int position) {
    return positions[position];
  }

  /** How many positions a protobuf record of the stream may have: one per column. */
  int positions() {
    return positions.length;
  }

  /** The reader of column {@code column}'s protobuf values. */
  ProtobufValueDecoder protobufDecoder(int column) {
    return protobufDecoders[column];
  }

  /** The name of column {@code column}. */
  String name(int column) {
    return names[column];
  }

  /**
   * The first change among {@code changes} that nulled a primary key or cursor value: such a record cannot be
   * loaded (rows could not be told apart or ordered). Null when there is none.
   */
  MetaChange misfitKey(List<MetaChange> changes) {
    for (int i = 0; i < changes.size(); i++) { // by index: no iterator for the usual empty list of each record
      if (keyFields.contains(changes.get(i).field())) {
        return changes.get(i);
      }
    }
    return null;
  }

  StreamContext stream() {
    return stream;
  }

  /** The generated codec of a typed stream; null for a stream decoded into column values. */
  RecordCodec<?> codec() {
    return codec;
  }

  /**
   * The typed stream's positional decoder for the catalog's fields in positional order, asked of the codec on the
   * first call; null for a stream without codec, or when the codec has none (its records then go through JSON).
   * Plans belong to one decoder, so one thread: no lock.
   */
  PositionalDecoder<?> positional() {
    if (!askedPositional && codec != null) {
      positional = codec.positional(sortedNames);
    }
    askedPositional = true;
    return positional;
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

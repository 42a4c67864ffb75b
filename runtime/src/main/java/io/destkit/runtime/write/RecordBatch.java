package io.destkit.runtime.write;

import java.util.ArrayList;
import java.util.List;

/** Records of one stream, in the order they arrived, for one call of an {@code @OnRecords} method. */
public record RecordBatch(StreamContext stream, List<Record> records) {
  /** The typed records of a typed stream, in order; each was decoded by the stream's generated codec. */
  public <T> List<T> typed(Class<T> recordClass) {
    List<T> typed = new ArrayList<>(records.size());
    for (Record record : records) {
      typed.add(recordClass.cast(record.typed()));
    }
    return typed;
  }

  /** The batch of a typed stream with each record's metadata. */
  public <T> TypedBatch<T> typedBatch(Class<T> recordClass) {
    return new TypedBatch<>(this, recordClass);
  }

  /** How many records. */
  public int size() {
    return records.size();
  }
}

package io.destkit.runtime.write;

import java.util.List;

/** Records of one stream, in the order they arrived, for one call of an {@code @OnRecords} method. */
public record RecordBatch(StreamContext stream, List<Record> records) {
  /** How many records. */
  public int size() {
    return records.size();
  }
}

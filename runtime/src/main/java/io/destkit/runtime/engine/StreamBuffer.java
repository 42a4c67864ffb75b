package io.destkit.runtime.engine;

import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.StreamContext;
import java.util.ArrayList;
import java.util.List;

/** The records of one stream not yet handed to the writer, with the sequence number of the oldest. */
final class StreamBuffer {
  final StreamContext stream;
  /** Its stream's count for checkpoints. */
  final Checkpoints.Counter counter;
  private List<Record> records = new ArrayList<>();
  private long bytes;
  private long footprint;
  private long oldestSequence = Long.MAX_VALUE;
  /** Records of this stream read so far, and their bytes: for progress reports. */
  long received;
  long receivedBytes;

  StreamBuffer(StreamContext stream, Checkpoints.Counter counter) {
    this.stream = stream;
    this.counter = counter;
  }

  void add(Record record, long sequence, long recordFootprint) {
    if (records.isEmpty()) {
      oldestSequence = sequence;
    }
    records.add(record);
    received++;
    receivedBytes += record.size();
    bytes += record.size();
    footprint += recordFootprint;
  }

  boolean isEmpty() {
    return records.isEmpty();
  }

  int rows() {
    return records.size();
  }

  long bytes() {
    return bytes;
  }

  long footprint() {
    return footprint;
  }

  /** Sequence number of the oldest record held; {@code Long.MAX_VALUE} when empty. */
  long oldestSequence() {
    return oldestSequence;
  }

  /** Hands the records over and starts empty. */
  List<Record> take() {
    List<Record> taken = records;
    records = new ArrayList<>(Math.min(taken.size(), 1 << 16));
    bytes = 0;
    footprint = 0;
    oldestSequence = Long.MAX_VALUE;
    return taken;
  }
}

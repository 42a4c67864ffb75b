package io.destkit.runtime.engine;

import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.StreamContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The records of one stream not yet handed to the writer, with the sequence number of the oldest. */
final class StreamBuffer {
  final StreamContext stream;
  /** Its stream's count for checkpoints. */
  final Checkpoints.Counter counter;
  private List<Record> records = new ArrayList<>();
  /** The sequence number of each record held, by position. */
  private long[] sequences = new long[16];
  /** The input line of each record held, by position: for a record the connector refuses while writing it. */
  private long[] lines = new long[16];
  /** Speed mode: the checkpoint partition of each record held, by position; null on stdin. */
  private String[] partitions;
  private long bytes;
  private long footprint;
  /** Records of this stream read so far, and their bytes: for progress reports. */
  long received;
  long receivedBytes;

  StreamBuffer(StreamContext stream, Checkpoints.Counter counter) {
    this.stream = stream;
    this.counter = counter;
  }

  void add(Record record, long sequence, long line, long recordFootprint, String partition) {
    if (records.size() == sequences.length) {
      sequences = Arrays.copyOf(sequences, sequences.length * 2);
      lines = Arrays.copyOf(lines, sequences.length);
      if (partitions != null) {
        partitions = Arrays.copyOf(partitions, sequences.length);
      }
    }
    if (partition != null && partitions == null) {
      partitions = new String[sequences.length];
    }
    if (partitions != null) {
      partitions[records.size()] = partition;
    }
    sequences[records.size()] = sequence;
    lines[records.size()] = line;
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
    return records.isEmpty() ? Long.MAX_VALUE : sequences[0];
  }

  /** The records handed over, with the sequence number, input line and (speed mode) partition of each. */
  record Taken(List<Record> records, long[] sequences, long[] lines, String[] partitions) {}

  /** Hands the records over and starts empty. */
  Taken take() {
    Taken taken = new Taken(records, sequences, lines, partitions);
    records = new ArrayList<>(Math.min(taken.records().size(), 1 << 16));
    sequences = new long[Math.max(16, Math.min(taken.records().size(), 1 << 16))];
    lines = new long[sequences.length];
    partitions = partitions == null ? null : new String[sequences.length];
    bytes = 0;
    footprint = 0;
    return taken;
  }
}

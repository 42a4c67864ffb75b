package io.destkit.runtime.engine;

import java.util.Arrays;

/**
 * Values a connector changed while writing records (see {@code RecordBatch.changed}), kept by the sequence number of
 * their record until the state whose records they are in is echoed and takes them. Entries of several streams may come
 * in any order; a take sums and removes every entry before a sequence number. Primitive arrays: a sync whose every
 * record has a changed value keeps 24 bytes a record until its next state, not an object each.
 */
final class WrittenChanges {
  private long[] sequences = new long[16];
  private long[] nulled = new long[16];
  private long[] truncated = new long[16];
  private long[] rejected = new long[16];
  private long[] rejectedBytes = new long[16];
  private int size;
  /** Records refused while writing whose entries were taken so far, and their bytes: committed counts leave them out. */
  private long takenRejected;
  private long takenRejectedBytes;

  /** Record {@code sequence} had {@code nulledValues} values nulled and {@code truncatedValues} shortened. */
  void add(long sequence, long nulledValues, long truncatedValues) {
    add(sequence, nulledValues, truncatedValues, 0, 0);
  }

  /** Record {@code sequence}, of {@code bytes}, was refused by the target and set aside. */
  void addRejected(long sequence, long bytes) {
    add(sequence, 0, 0, 1, bytes);
  }

  private void add(long sequence, long nulledValues, long truncatedValues, long rejectedRecords, long bytes) {
    if (size == sequences.length) {
      sequences = Arrays.copyOf(sequences, size * 2);
      nulled = Arrays.copyOf(nulled, size * 2);
      truncated = Arrays.copyOf(truncated, size * 2);
      rejected = Arrays.copyOf(rejected, size * 2);
      rejectedBytes = Arrays.copyOf(rejectedBytes, size * 2);
    }
    sequences[size] = sequence;
    nulled[size] = nulledValues;
    truncated[size] = truncatedValues;
    rejected[size] = rejectedRecords;
    rejectedBytes[size] = bytes;
    size++;
  }

  /**
   * Sums and removes the entries of records before {@code before}: {nulled, truncated, rejected, rejected bytes}.
   */
  long[] take(long before) {
    long[] sums = new long[4];
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (sequences[i] < before) {
        sums[0] += nulled[i];
        sums[1] += truncated[i];
        sums[2] += rejected[i];
        sums[3] += rejectedBytes[i];
      } else {
        sequences[kept] = sequences[i];
        nulled[kept] = nulled[i];
        truncated[kept] = truncated[i];
        rejected[kept] = rejected[i];
        rejectedBytes[kept] = rejectedBytes[i];
        kept++;
      }
    }
    size = kept;
    takenRejected += sums[2];
    takenRejectedBytes += sums[3];
    return sums;
  }

  /** Records refused while writing, in all the entries taken so far. */
  long takenRejected() {
    return takenRejected;
  }

  /** Their bytes. */
  long takenRejectedBytes() {
    return takenRejectedBytes;
  }

}

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
  private int size;

  /** Record {@code sequence} had {@code nulledValues} values nulled and {@code truncatedValues} shortened. */
  void add(long sequence, long nulledValues, long truncatedValues) {
    if (size == sequences.length) {
      sequences = Arrays.copyOf(sequences, size * 2);
      nulled = Arrays.copyOf(nulled, size * 2);
      truncated = Arrays.copyOf(truncated, size * 2);
    }
    sequences[size] = sequence;
    nulled[size] = nulledValues;
    truncated[size] = truncatedValues;
    size++;
  }

  /** Sums and removes the entries of records before {@code before}: {nulled, truncated}. */
  long[] take(long before) {
    long[] sums = new long[2];
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (sequences[i] < before) {
        sums[0] += nulled[i];
        sums[1] += truncated[i];
      } else {
        sequences[kept] = sequences[i];
        nulled[kept] = nulled[i];
        truncated[kept] = truncated[i];
        kept++;
      }
    }
    size = kept;
    return sums;
  }

}

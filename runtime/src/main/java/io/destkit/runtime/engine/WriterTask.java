package io.destkit.runtime.engine;

import io.destkit.runtime.rejected.RejectedRecord;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import java.util.List;

/** What the reader hands the writer thread, in order. */
sealed interface WriterTask {
  /**
   * Write these records, whose sequence numbers are {@code sequences}; {@code footprint} goes back to the budget once
   * they are written.
   */
  record Batch(RecordBatch batch, long[] sequences, long[] lines, String[] partitions, long footprint)
      implements WriterTask {}

  /** Set these records aside (the rejected-records option), before the commit that follows. */
  record Reject(List<RejectedRecord> records) implements WriterTask {}

  /** Commit what was written, then echo these states, which it covers. */
  record Commit(List<Checkpoints.Pending> states) implements WriterTask {}

  /** The stream has sent all its records, and they are all committed before this task. */
  record Complete(StreamContext stream) implements WriterTask {}

  /** No more tasks. */
  record End() implements WriterTask {}
}

package io.destkit.runtime.write;

import java.time.Duration;

/**
 * Limits of the write engine.
 *
 * @param batchRows a stream's buffer is flushed when it holds this many records
 * @param batchBytes ... or this many bytes of input
 * @param memoryBudget bytes of heap all buffered and in-flight records may take, estimated; when full, the largest
 *     buffer is flushed, and reading waits for the writer
 * @param flushInterval while records flow, buffers are flushed and committed at least this often, so that states are
 *     echoed in time
 * @param progressInterval how often progress is printed to standard error; zero for never
 */
public record WriteOptions(int batchRows, long batchBytes, long memoryBudget, Duration flushInterval,
    Duration progressInterval) {

  /** Defaults for this JVM: a quarter of the heap as budget, batches of 50,000 records or 32 MB. */
  public static WriteOptions defaults() {
    long heap = Runtime.getRuntime().maxMemory();
    long budget = heap == Long.MAX_VALUE ? 512L << 20 : heap / 4;
    return new WriteOptions(50_000, 32L << 20, budget, Duration.ofMinutes(5), Duration.ofSeconds(10));
  }

  /** Estimated heap taken by a decoded record of {@code size} bytes of input: values, boxes, arrays, id. */
  static long footprint(int size) {
    return 3L * size + 160;
  }
}

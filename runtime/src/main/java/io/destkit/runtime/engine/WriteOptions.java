package io.destkit.runtime.engine;

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

  /**
   * The most the default budget takes, however large the heap: a few batches ahead of the writer keep it busy, and
   * more only holds more records in memory for no gain in speed (measured in BENCHMARKS.md).
   */
  static final long MAX_DEFAULT_BUDGET = 256L << 20;

  /**
   * Defaults for this JVM: a quarter of the heap as budget, at most {@value #MAX_DEFAULT_BUDGET} bytes; batches of
   * 50,000 records or 32 MB.
   */
  public static WriteOptions defaults() {
    long heap = Runtime.getRuntime().maxMemory();
    long budget = heap == Long.MAX_VALUE ? MAX_DEFAULT_BUDGET : Math.min(heap / 4, MAX_DEFAULT_BUDGET);
    return new WriteOptions(50_000, 32L << 20, budget, Duration.ofMinutes(5), Duration.ofSeconds(10));
  }

  /** Estimated heap taken by a decoded record of {@code size} bytes of input: values, boxes, arrays, id. */
  static long footprint(int size) {
    return 3L * size + 160;
  }
}

package io.destkit.runtime.engine;

import io.destkit.runtime.config.ConfigException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * Limits of the write engine.
 *
 * @param batchRows a stream's buffer is flushed when it holds this many records
 * @param batchBytes ... or this many bytes of input
 * @param commitBytes the writer commits (and the states it covers are echoed) once this many bytes of input were
 *     handed to it since its last commit, and at least every {@code flushInterval}, at a stream's completion and at
 *     the end; zero or less: after every batch. Commits apart from batches keep batches small (records die young)
 *     while a warehouse pays its per-commit work (a dedup merge, a sync to disk) on larger loads
 * @param memoryBudget bytes of heap all buffered and in-flight records may take, estimated; when full, the largest
 *     buffer is flushed, and reading waits for the writer
 * @param flushInterval while records flow, buffers are flushed and committed at least this often, so that states are
 *     echoed in time
 * @param progressInterval how often progress is printed to standard error; zero for never
 * @param decoders how many threads decode standard input ({@link ParallelReader}) from its start; 1: the engine's
 *     own thread reads and decodes it; {@link #AUTO}: the engine chooses. Speed mode's sockets have a thread each
 *     whatever this says
 *
 * <p>A connector runs with {@link #defaults()} as the JVM's system properties {@value #BATCH_ROWS}, {@value
 * #BATCH_BYTES}, {@value #COMMIT_BYTES}, {@value #MEMORY_BUDGET} and {@value #DECODERS} change them
 * ({@link #fromProperties}): in a container, through {@code JAVA_TOOL_OPTIONS}, e.g. {@code -Ddestkit.batchBytes=32m}
 * for larger loads into a warehouse that pays per commit.
 */
public record WriteOptions(int batchRows, long batchBytes, long commitBytes, long memoryBudget,
    Duration flushInterval, Duration progressInterval, int decoders) {

  /** Options that let the engine choose where input is decoded ({@link #AUTO}). */
  public WriteOptions(int batchRows, long batchBytes, long commitBytes, long memoryBudget, Duration flushInterval,
      Duration progressInterval) {
    this(batchRows, batchBytes, commitBytes, memoryBudget, flushInterval, progressInterval, AUTO);
  }

  /** Options that commit after every batch. */
  public WriteOptions(int batchRows, long batchBytes, long memoryBudget, Duration flushInterval,
      Duration progressInterval) {
    this(batchRows, batchBytes, 0, memoryBudget, flushInterval, progressInterval);
  }

  /**
   * The most the default budget takes, however large the heap: a little over two default batches (a record of 200
   * bytes counts 760, see {@link #footprint}), one being written and one being filled, which keeps the writer busy.
   * More only holds more records, which then outlive a young collection or two and are copied and promoted: on a
   * 24 GB machine a budget of 256 MB and batches of 32 MB made the JVM's default collector grow a sync of 212 MB to
   * 1.0-1.2 GB of memory, at the same speed as this. Halving the budget and the batch from 16 MB and 2 MB kept the
   * speed and took a load of 1M records into SQLite or PostgreSQL from 403-568 MB to 329-477 MB: G1 copies less at
   * its first collections and no longer grows its heap while the JVM starts. Halving the budget alone, so that it
   * held one batch, cost 10-20% (BENCHMARKS.md, issue 18).
   */
  static final long MAX_DEFAULT_BUDGET = 8L << 20;

  /**
   * {@link #decoders} that lets the engine choose ({@link AdaptiveReader}): its own thread decodes standard input
   * until 64 MB were read, then hands it to two decoder threads if, over the last 32 MB, the engine hardly waited for
   * its writer (a connector that writes little). Into a database the writer is the slower side and reading stays on
   * the engine's thread: two decoders there slowed 1M records' load by 7-10%, and DuckDB's of 10M still by 8-10%,
   * where destination-devnull read 10M records 1.3x faster with them (BENCHMARKS.md, issue 18). On one core the
   * engine's thread decodes it all. The default.
   */
  public static final int AUTO = 0;

  /** These options with {@code decoders} decoder threads. */
  public WriteOptions withDecoders(int decoders) {
    return new WriteOptions(batchRows, batchBytes, commitBytes, memoryBudget, flushInterval, progressInterval,
        decoders);
  }

  /** The default batch: records handed to the writer at a time (about 5,000 records of 200 bytes). */
  static final long DEFAULT_BATCH_BYTES = 1L << 20;

  /**
   * The default input between commits: a dedup merge into PostgreSQL per batch of 2 MB made a first sync of 1M keys
   * take 55 s, against 17 s with 32 MB batches (BENCHMARKS.md, issue 18).
   */
  static final long DEFAULT_COMMIT_BYTES = 32L << 20;

  /**
   * Defaults for this JVM: a quarter of the heap as budget, at most {@value #MAX_DEFAULT_BUDGET} bytes; batches of
   * 50,000 records or {@value #DEFAULT_BATCH_BYTES} bytes of input (about 5,000 records of 200 bytes); a commit
   * every {@value #DEFAULT_COMMIT_BYTES} bytes of input.
   */
  public static WriteOptions defaults() {
    long heap = Runtime.getRuntime().maxMemory();
    long budget = heap == Long.MAX_VALUE ? MAX_DEFAULT_BUDGET : Math.min(heap / 4, MAX_DEFAULT_BUDGET);
    return new WriteOptions(50_000, DEFAULT_BATCH_BYTES, DEFAULT_COMMIT_BYTES, budget, Duration.ofMinutes(5),
        Duration.ofSeconds(10));
  }

  /** The system property that sets {@link #batchRows}: a positive number of records. */
  public static final String BATCH_ROWS = "destkit.batchRows";
  /** The system property that sets {@link #batchBytes}: bytes, with an optional k, m or g. */
  public static final String BATCH_BYTES = "destkit.batchBytes";
  /** The system property that sets {@link #commitBytes}: bytes, with an optional k, m or g. */
  public static final String COMMIT_BYTES = "destkit.commitBytes";
  /** The system property that sets {@link #memoryBudget}: bytes, with an optional k, m or g. */
  public static final String MEMORY_BUDGET = "destkit.memoryBudget";
  /** The system property that sets {@link #decoders}: a positive number of threads, or {@code auto}. */
  public static final String DECODERS = "destkit.decoders";

  /**
   * {@link #defaults()}, changed by those of {@value #BATCH_ROWS}, {@value #BATCH_BYTES}, {@value #COMMIT_BYTES},
   * {@value #MEMORY_BUDGET} and {@value #DECODERS} that {@code properties} set; a value that is not a positive
   * number (or, for {@value #DECODERS}, {@code auto}) is a {@link ConfigException} naming it.
   */
  public static WriteOptions fromProperties(Properties properties) throws ConfigException {
    WriteOptions defaults = defaults();
    long rows = property(properties, BATCH_ROWS, defaults.batchRows(), "records");
    if (rows > Integer.MAX_VALUE) {
      throw new ConfigException("The system property " + BATCH_ROWS + " is too large (at most "
          + Integer.MAX_VALUE + " records).");
    }
    String decoderText = properties.getProperty(DECODERS);
    long decoders = decoderText != null && decoderText.trim().equalsIgnoreCase("auto") ? AUTO
        : property(properties, DECODERS, defaults.decoders(), "threads (or auto)");
    if (decoders > 64) {
      throw new ConfigException("The system property " + DECODERS + " is too large (at most 64 threads).");
    }
    return new WriteOptions((int) rows, property(properties, BATCH_BYTES, defaults.batchBytes(), null),
        property(properties, COMMIT_BYTES, defaults.commitBytes(), null),
        property(properties, MEMORY_BUDGET, defaults.memoryBudget(), null), defaults.flushInterval(),
        defaults.progressInterval(), (int) decoders);
  }

  /** The property {@code name}: a count of {@code things}, or bytes when that is null. */
  private static long property(Properties properties, String name, long fallback, String things)
      throws ConfigException {
    boolean bytes = things == null;
    String text = properties.getProperty(name);
    if (text == null) {
      return fallback;
    }
    String value = text.trim().toLowerCase(Locale.ROOT);
    int shift = 0;
    if (bytes && !value.isEmpty()) {
      char unit = value.charAt(value.length() - 1);
      shift = unit == 'k' ? 10 : unit == 'm' ? 20 : unit == 'g' ? 30 : 0;
      if (shift > 0) {
        value = value.substring(0, value.length() - 1);
      }
    }
    try {
      long number = Long.parseLong(value);
      if (number > 0 && number <= Long.MAX_VALUE >> shift) {
        return number << shift;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new ConfigException("The system property " + name + " must be a positive number"
        + (bytes ? " of bytes, with an optional k, m or g (e.g. 32m)" : " of " + things) + ", not '" + text + "'.");
  }

  /** Estimated heap taken by a decoded record of {@code size} bytes of input: values, boxes, arrays, id. */
  static long footprint(int size) {
    return 3L * size + 160;
  }
}

package io.destkit.runtime.engine;

import io.destkit.runtime.protocol.ProtocolOutput;
import io.destkit.runtime.rejected.RejectedRecord;
import io.destkit.runtime.rejected.RejectedRecordsSink;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.StreamDescriptor;
import io.destkit.runtime.write.WriteHandlers;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs a write: reads messages on this thread, decodes records into per-stream buffers, and hands full buffers to a
 * writer thread that calls the connector's handlers, so that parsing and writing overlap. Memory stays within the
 * budget however long the input is.
 *
 * <p>Checkpoints are {@link Checkpoints}' business: the engine tells it what was read, and each flush ends with a
 * commit task carrying the states it hands out as covered (their records all in the flushed or earlier batches); the
 * writer has them echoed once the connector's commit returns.
 */
public final class WriteEngine {
  private static final int QUEUE_CAPACITY = 8;
  /** Messages handled per call of {@link #readSome}. */
  private static final int RUN = 1024;

  private final Catalog catalog;
  private final WriteHandlers handlers;
  private final WriteOptions options;
  private final ProtocolOutput out;
  private final PrintStream err;

  private final Map<StreamDescriptor, StreamBuffer> buffers = new LinkedHashMap<>();
  private final Checkpoints checkpoints;
  private final BlockingQueue<WriterTask> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final MemoryBudget budget;
  private final Progress progress;
  private final Rejections rejections;

  /** Which streams said STREAM_STATUS COMPLETE or INCOMPLETE. */
  private final StreamStatuses statuses;
  private volatile Throwable writerFailure;
  /** The buffer of the last record's stream: records come in runs of one stream. */
  private StreamContext lastStream;
  private StreamBuffer lastBuffer;
  private long lastCommit = System.nanoTime();
  /** Bytes of input handed to the writer since the last commit task. */
  private long uncommittedBytes;
  /** How long reading has waited for the writer, in all: what {@link AdaptiveReader} chooses by. */
  private long writerWaitNanos;
  private AdaptiveReader.Policy readPolicy = AdaptiveReader.Policy.DEFAULT;

  public WriteEngine(Catalog catalog, WriteHandlers handlers, WriteOptions options, ProtocolOutput out,
      PrintStream err) {
    this(catalog, handlers, options, out, err, null);
  }

  /**
   * An engine that sets aside the records it cannot load into {@code rejectedRecords} (the rejected-records option)
   * rather than failing; null for none. The engine closes the sink at the end of {@link #run}.
   */
  public WriteEngine(Catalog catalog, WriteHandlers handlers, WriteOptions options, ProtocolOutput out,
      PrintStream err, RejectedRecordsSink rejectedRecords) {
    this.rejections = new Rejections(rejectedRecords, handlers);
    this.catalog = catalog;
    this.handlers = handlers;
    this.options = options;
    this.out = out;
    this.err = err;
    this.budget = new MemoryBudget(options.memoryBudget());
    this.progress = new Progress(err, options.progressInterval());
    this.checkpoints = new Checkpoints(catalog, out);
    this.statuses = new StreamStatuses(catalog);
    for (StreamContext stream : catalog.streams()) {
      buffers.put(stream.descriptor(), new StreamBuffer(stream, checkpoints.counter(stream.descriptor())));
    }
  }

  /** This engine, choosing where standard input is decoded by {@code policy} (tests choose early). */
  WriteEngine readPolicy(AdaptiveReader.Policy policy) {
    this.readPolicy = policy;
    return this;
  }

  /**
   * Writes everything on {@code input}. Streams whose mode no handler takes are refused before anything is read.
   * Whatever happens, the handlers' close is called; the first failure is thrown.
   */
  public void run(InputStream input) throws Exception {
    run(DataChannel.STDIO, NamespaceMapping.NONE, input);
  }

  /**
   * Writes everything {@code channel} brings: standard input, or in speed mode every socket to its end (states are
   * then reconciled by partition and id, see {@link Checkpoints}), for a catalog {@code mapping} renamed.
   */
  public void run(DataChannel channel, NamespaceMapping mapping, InputStream stdin) throws Exception {
    Throwable failure = null;
    Thread writer = null;
    AutoCloseable decoding = null;
    try {
      HandledStreams.refuseUnhandled(catalog, handlers);
      for (StreamContext stream : catalog.streams()) {
        handlers.streamStart(stream);
      }
      writer = new Thread(this::writeLoop, "destkit-writer");
      writer.start();
      MessageSource messages;
      if (channel.sockets()) {
        checkpoints.byPartition();
        SocketInputs sockets = new SocketInputs(channel, catalog, handlers, rejections.enabled(), mapping);
        messages = sockets;
        decoding = sockets;
      } else if (options.decoders() == WriteOptions.AUTO && Runtime.getRuntime().availableProcessors() > 1) {
        AdaptiveReader adaptive = new AdaptiveReader(stdin, catalog, handlers, rejections.enabled(), 2, readPolicy,
            () -> writerWaitNanos, err);
        messages = adaptive;
        decoding = adaptive;
      } else if (options.decoders() > 1) {
        ParallelReader parallel = new ParallelReader(stdin, catalog, handlers, rejections.enabled(),
            options.decoders());
        err.println("destkit: standard input decoded on " + options.decoders() + " threads");
        messages = parallel;
        decoding = parallel;
      } else {
        messages = new MessageReader(stdin, new MessageDecoder(catalog, handlers, rejections.enabled()), 1 << 20);
      }
      failure = read(messages);
      writer.join();
      if (writerFailure != null) {
        failure = writerFailure;
      } else if (failure == null) {
        statuses.requireCompleted();
      }
    } catch (Exception | Error e) {
      failure = e;
    } finally {
      if (decoding != null) {
        failure = close(failure, decoding::close);
      }
      if (writer != null && writer.isAlive()) {
        writer.interrupt();
        writer.join();
      }
      failure = close(failure, handlers::close);
      failure = close(failure, rejections::close);
    }
    progress.report(failure == null ? "done" : "stopped", buffers.values(), System.nanoTime());
    if (failure instanceof Exception e) {
      throw e;
    } else if (failure instanceof Error e) {
      throw e;
    }
  }

  /** What closes at the end of a run. */
  @FunctionalInterface
  private interface Closing {
    void close() throws Exception;
  }

  /** Runs {@code closing}; what it throws is the run's failure, or is added to the failure there already is. */
  private static Throwable close(Throwable failure, Closing closing) {
    try {
      closing.close();
    } catch (Exception | Error e) {
      if (failure == null) {
        return e;
      }
      failure.addSuppressed(e);
    }
    return failure;
  }

  /**
   * Reads until the end of input or a bad line. Either way the records read before are flushed and committed, so
   * that no valid data is lost; a bad line is returned as the failure, a writer failure stops reading within a run
   * of messages (at once when reading waits for the writer).
   */
  private Throwable read(MessageSource messages) throws InterruptedException {
    Throwable failure = null;
    try {
      while (writerFailure == null && readSome(messages)) {
        // Each call reads a run of messages.
      }
    } catch (WriterFailedException e) {
      return writerFailure;
    } catch (Exception e) {
      failure = e;
    }
    try {
      if (writerFailure == null) {
        flushAll(true);
      }
      enqueue(new WriterTask.End());
    } catch (WriterFailedException e) {
      return writerFailure;
    }
    return failure;
  }

  /**
   * Handles up to {@value #RUN} messages; false at the end of input. Reading in runs from a method called again and
   * again, rather than in one loop that lasts the whole input, lets the JIT compile it as a method with its whole
   * profile rather than only by replacing the running loop (on-stack replacement).
   */
  private boolean readSome(MessageSource messages) throws Exception {
    for (int i = 0; i < RUN; i++) {
      MessageDecoder.Kind kind = messages.next();
      if (kind == null) {
        return false;
      }
      switch (kind) {
        case RECORD -> onRecord(messages.record().stream(), messages.record().record(), messages.record().line(),
            messages.record().partition());
        case REJECTED -> onRejected(messages.rejection(), messages.record().partition());
        case STATE -> onState(messages.state());
        case STREAM_COMPLETE -> onStreamComplete(messages.completed());
        case STREAM_INCOMPLETE -> onStreamIncomplete(messages.completed());
        case OTHER -> { }
      }
    }
    return true;
  }

  private void onRecord(StreamContext stream, Record record, long line, String partition)
      throws InterruptedException {
    if (stream != lastStream) {
      lastBuffer = buffers.get(stream.descriptor());
      lastStream = stream;
    }
    StreamBuffer buffer = lastBuffer;
    long footprint = WriteOptions.footprint(record.size());
    while (!budget.tryAcquire(footprint)) {
      StreamBuffer largest = largestBuffer();
      if (largest == null) {
        // Everything held is with the writer: wait for it to write some.
        long start = System.nanoTime();
        budget.acquire(footprint);
        writerWaitNanos += System.nanoTime() - start;
        checkWriter();
        break;
      }
      flush(List.of(largest));
    }
    buffer.add(record, checkpoints.recordsRead(), line, footprint, partition);
    checkpoints.recordRead(buffer.counter, record, partition);
    if (buffer.rows() >= options.batchRows() || buffer.bytes() >= options.batchBytes()) {
      flush(List.of(buffer));
    }
    if ((checkpoints.recordsRead() & 1023) == 0) {
      long now = System.nanoTime();
      if (now - lastCommit >= options.flushInterval().toNanos()) {
        flushAll(true);
      }
      progress.maybeReport(buffers.values(), now);
    }
  }

  /** A record the decoder set aside: counted as received and rejected, and on its way to the sink. */
  private void onRejected(RejectedRecord record, String partition) {
    checkpoints.recordRejected(buffers.get(record.stream()).counter, record.message().length, partition);
    rejections.setAside(record);
  }

  private void onState(StateMessage state) throws InterruptedException {
    checkpoints.stateRead(state);
    long oldest = oldestBuffered();
    if (checkpoints.hasCovered(oldest) && (uncommittedBytes == 0 || commitDue(false))) {
      // Every record before it is already with the writer, and a commit is due or costs nothing: it leaves now.
      commit(checkpoints.takeCovered(oldest));
    }
  }

  /** Queues a commit that echoes {@code states}, after the records set aside so far, which they may count. */
  private void commit(List<Checkpoints.Pending> states) throws InterruptedException {
    uncommittedBytes = 0;
    lastCommit = System.nanoTime();
    List<RejectedRecord> setAside = rejections.takeSetAside();
    if (setAside != null) {
      enqueue(new WriterTask.Reject(setAside));
    }
    enqueue(new WriterTask.Commit(states));
  }

  private void onStreamComplete(StreamDescriptor descriptor) throws InterruptedException {
    StreamBuffer buffer = buffers.get(descriptor);
    if (buffer == null || !statuses.complete(descriptor)) {
      return;
    }
    // The stream's records are committed before it completes (an overwrite swaps its tables then).
    flush(List.of(buffer), true);
    enqueue(new WriterTask.Complete(buffer.stream));
  }

  /** The source gave up on the stream: its records so far are still committed at the next flush. */
  private void onStreamIncomplete(StreamDescriptor descriptor) {
    if (buffers.containsKey(descriptor)) {
      statuses.incomplete(descriptor);
    }
  }

  private void flushAll(boolean commit) throws InterruptedException {
    flush(new ArrayList<>(buffers.values()), commit);
  }

  private void flush(List<StreamBuffer> toFlush) throws InterruptedException {
    flush(toFlush, false);
  }

  /**
   * Hands the buffers to the writer, then, when {@code commit} says so or one is due ({@link #commitDue}), a commit
   * that releases the states now covered.
   */
  private void flush(List<StreamBuffer> toFlush, boolean commit) throws InterruptedException {
    for (StreamBuffer buffer : toFlush) {
      if (!buffer.isEmpty()) {
        long footprint = buffer.footprint();
        uncommittedBytes += buffer.bytes();
        StreamBuffer.Taken taken = buffer.take();
        enqueue(new WriterTask.Batch(new RecordBatch(buffer.stream, taken.records()), taken.sequences(),
            taken.lines(), taken.partitions(), footprint));
      }
    }
    if (commit || commitDue(true)) {
      commit(checkpoints.takeCovered(oldestBuffered()));
    }
  }

  /**
   * Whether enough was handed over since the last commit for another ({@link WriteOptions#commitBytes}), or enough
   * time passed; {@code afterBatch}: a batch was just handed over (with no commit size, every batch commits).
   */
  private boolean commitDue(boolean afterBatch) {
    return options.commitBytes() <= 0 ? afterBatch : uncommittedBytes >= options.commitBytes()
        || System.nanoTime() - lastCommit >= options.flushInterval().toNanos();
  }

  private long oldestBuffered() {
    long oldest = Long.MAX_VALUE;
    for (StreamBuffer buffer : buffers.values()) {
      oldest = Math.min(oldest, buffer.oldestSequence());
    }
    return oldest;
  }

  private StreamBuffer largestBuffer() {
    StreamBuffer largest = null;
    for (StreamBuffer buffer : buffers.values()) {
      if (!buffer.isEmpty() && (largest == null || buffer.footprint() > largest.footprint())) {
        largest = buffer;
      }
    }
    return largest;
  }

  private void enqueue(WriterTask task) throws InterruptedException {
    if (queue.offer(task)) {
      return;
    }
    long start = System.nanoTime();
    while (!queue.offer(task, 100, TimeUnit.MILLISECONDS)) {
      checkWriter();
    }
    writerWaitNanos += System.nanoTime() - start;
  }

  private void checkWriter() {
    if (writerFailure != null) {
      throw new WriterFailedException();
    }
  }

  /** The writer thread: runs tasks in order until the end, or until a handler fails. */
  private void writeLoop() {
    boolean dirty = false;
    try {
      while (true) {
        WriterTask task = queue.take();
        if (task instanceof WriterTask.Batch batch) {
          handlers.records(batch.batch());
          rejections.refused(batch.batch(), batch.lines());
          checkpoints.written(batch.batch(), batch.sequences(), batch.partitions());
          budget.release(batch.footprint());
          dirty = true;
        } else if (task instanceof WriterTask.Commit commit) {
          if (dirty) {
            handlers.commit();
            dirty = false;
          }
          rejections.commit();
          checkpoints.echo(commit.states());
        } else if (task instanceof WriterTask.Reject reject) {
          rejections.write(reject.records());
        } else if (task instanceof WriterTask.Complete complete) {
          handlers.streamComplete(complete.stream());
        } else {
          return;
        }
      }
    } catch (Exception | Error e) {
      writerFailure = e;
      budget.abort();
    }
  }

  /** Unwinds the reader when the writer has failed; the writer's failure is what is reported. */
  private static final class WriterFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WriterFailedException() {
      super(null, null, false, false);
    }
  }
}

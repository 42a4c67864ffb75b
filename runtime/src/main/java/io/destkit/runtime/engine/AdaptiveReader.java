package io.destkit.runtime.engine;

import io.destkit.runtime.rejected.RejectedRecord;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.StreamDescriptor;
import io.destkit.runtime.write.WriteHandlers;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Standard input read on the engine's thread ({@link MessageReader}) until it is clear that decoding, not writing,
 * is what the write waits for; then handed over, once and at a block's end, to a {@link ParallelReader}'s decoder
 * threads. Into a database the writer (and the database) is the slower side, and more threads would only take turns
 * with it: there the engine keeps waiting for the writer, and reading stays on its thread. A connector that writes
 * little never waits for its writer: its input is decoded on {@code decoders} threads once the JVM has warmed up.
 *
 * <p>The choice is made once: after {@link Policy#warmUp} bytes of input (the JVM compiles the hot path meanwhile, and
 * early figures mislead), over the next {@link Policy#window} bytes, from the share of that time the engine spent
 * waiting for its writer ({@code writerWaits}, nanoseconds in all).
 */
final class AdaptiveReader implements MessageSource, AutoCloseable {
  /**
   * When to choose, and how: the input read before the window opens, the window, and the most of its time the engine
   * may wait for its writer for the decoders to take over.
   */
  record Policy(long warmUp, long window, double maxWaiting) {
    /** 32 MB of warm-up, a 32 MB window, 5% of its time waiting for the writer at most. */
    static final Policy DEFAULT = new Policy(32L << 20, 32L << 20, 0.05);
  }

  private final CountingInput in;
  private final Catalog catalog;
  private final WriteHandlers handlers;
  private final boolean rejecting;
  private final int decoders;
  private final Policy policy;
  private final LongSupplier writerWaits;
  private final PrintStream err;
  private final MessageReader inline;
  private MessageSource current;
  private ParallelReader parallel;

  /** Where the window opened: input bytes then, its time and the writer waits then; -1 before. */
  private long windowOpensAt;
  private long windowStart = -1;
  private long waitsAtStart;
  private boolean decided;
  private boolean handOver;

  AdaptiveReader(InputStream stdin, Catalog catalog, WriteHandlers handlers, boolean rejecting, int decoders,
      Policy policy, LongSupplier writerWaits, PrintStream err) {
    this.in = new CountingInput(stdin);
    this.catalog = catalog;
    this.handlers = handlers;
    this.rejecting = rejecting;
    this.decoders = decoders;
    this.policy = policy;
    this.writerWaits = writerWaits;
    this.err = err;
    this.inline = new MessageReader(in, new MessageDecoder(catalog, handlers, rejecting), 1 << 20);
    this.current = inline;
    this.windowOpensAt = policy.warmUp();
  }

  @Override
  public MessageDecoder.Kind next() throws Exception {
    if (!decided) {
      choose();
    }
    if (handOver && inline.atBlockEnd()) {
      handOver = false;
      MessageReader.Rest rest = inline.handOver();
      parallel = new ParallelReader(in, rest, catalog, handlers, rejecting, decoders, ParallelReader.BLOCK);
      current = parallel;
      err.println("destkit: standard input decoded on " + decoders + " threads from line " + (rest.linesBefore() + 1)
          + " on: the writer kept up with one");
    }
    return current.next();
  }

  /** Opens the window once the warm-up is read, and at its end decides whether the decoders take over. */
  private void choose() {
    long read = in.count;
    if (read < windowOpensAt) {
      return;
    }
    long now = System.nanoTime();
    if (windowStart < 0) {
      windowStart = now;
      waitsAtStart = writerWaits.getAsLong();
      windowOpensAt = read + policy.window();
      return;
    }
    decided = true;
    double waiting = (double) (writerWaits.getAsLong() - waitsAtStart) / Math.max(1, now - windowStart);
    handOver = waiting <= policy.maxWaiting();
    if (!handOver) {
      err.println(String.format(Locale.ROOT, "destkit: standard input decoded on one thread: the engine waited for"
          + " the writer %.0f%% of the time", waiting * 100));
    }
  }

  @Override
  public RecordCursor record() {
    return current.record();
  }

  @Override
  public RejectedRecord rejection() {
    return current.rejection();
  }

  @Override
  public StateMessage state() {
    return current.state();
  }

  @Override
  public StreamDescriptor completed() {
    return current.completed();
  }

  @Override
  public void close() throws InterruptedException {
    if (parallel != null) {
      parallel.close();
    }
  }

  /**
   * Standard input, counting the bytes read from it: how far the write has come, read-ahead included. Read by one
   * thread at a time (the engine's, then the decoders' reading thread, when nobody looks at the count any more).
   */
  private static final class CountingInput extends FilterInputStream {
    private long count;

    CountingInput(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      if (read > 0) {
        count += read;
      }
      return read;
    }
  }
}

package io.destkit.runtime.engine;

import io.destkit.runtime.error.InputException;
import io.destkit.runtime.rejected.RejectedRecord;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.WriteHandlers;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Standard input decoded on several threads: one thread reads it and cuts it into blocks of whole lines; each of
 * {@code n} decoder threads decodes every n-th block, with a {@link MessageReader} and a {@link MessageDecoder} of its
 * own; the engine takes the messages here, on its own thread, block after block in input order. So decoding, which
 * is most of a connector's work per record before its load, runs on every core the engine is given, while buffers,
 * checkpoints and the writer see the messages exactly as {@link MessageReader} alone gives them.
 *
 * <p>Each block's lines are numbered from 1 while it is decoded; its messages' lines, and its error, are moved on by
 * the lines of the blocks before it when the engine takes it (the parser's line count, which only decoding knows,
 * decides where a line ends). A bad line fails the read after every message before it was taken, as it does read
 * alone. A block is handed on as soon as a read from standard input ends a line, so a source that sends little
 * waits for no block to fill.
 *
 * <p>Decoded messages that wait here are outside the engine's memory budget: per decoder, the block it decodes and
 * at most {@value #QUEUED} more, with {@value #QUEUED} blocks of input waiting for it (about a MB of records in all at
 * the default block size).
 *
 * <p>It pays where writing costs less than decoding (a connector that discards, or writes files): there two decoders
 * on two cores read 10M records at 1.0-1.1x a bare token walk, against 0.74-0.82x on the engine's thread alone. Into
 * a database, whose writer or server is the slower side, it only takes turns with them: see
 * {@link WriteOptions#AUTO}.
 */
final class ParallelReader extends HandedOverMessages {
  /**
   * The block size: the most input read at once while more is waiting. Small blocks keep few decoded records waiting
   * (with 256 KB blocks and two waiting per decoder, the JVM's default collector grew its heap more often).
   */
  static final int BLOCK = 64 << 10;
  /** Decoded blocks each decoder may have waiting for the engine, and blocks waiting for each decoder. */
  private static final int QUEUED = 1;
  /** What {@link #next} says (OTHER) when no block was ready in time: not a message of the input. */
  private static final DecodedMessage WAITING = new DecodedMessage(MessageDecoder.Kind.OTHER, null, null, null, 0,
      null, null, null);

  /** Input bytes {@code [0, length)}: whole lines but at the end of input; or the end of input, or a failure. */
  private record Block(byte[] bytes, int length, boolean end, Throwable failure) {}

  /** A decoded block: its messages, the lines it held, and what ended it early (null: nothing). */
  private record Decoded(List<DecodedMessage> messages, long lines, boolean end, Throwable failure) {}

  private final InputStream in;
  private final int blockSize;
  /** What a reader before this one read but did not parse; read before {@link #in}. */
  private final MessageReader.Rest rest;
  private final List<BlockingQueue<Block>> toDecode = new ArrayList<>();
  private final List<BlockingQueue<Decoded>> decoded = new ArrayList<>();
  /** The decoder threads, which stop when interrupted, and the reading thread, which a blocked read may keep. */
  private final List<Thread> decoderThreads = new ArrayList<>();
  private final Thread reading;
  /** Buffers of the block size that decoders are done with, for the reading thread to fill again. */
  private final BlockingQueue<byte[]> spares;

  /** The block being taken, its number, where it is, and the lines of the blocks before it. */
  private List<DecodedMessage> messages = List.of();
  private int next;
  private long block;
  private long linesBefore;
  private Throwable failure;
  private boolean ended;
  /** The lines before the block being taken: what its messages' lines are moved on by. */
  private long shift;

  /** The record just taken, its line moved on: records are not copied to move their lines. */
  private final RecordCursor cursor = new RecordCursor() {
    @Override
    public StreamContext stream() {
      return current.stream();
    }

    @Override
    public Record record() {
      return current.record();
    }

    @Override
    public long line() {
      return current.line() + shift;
    }
  };

  /** Starts reading {@code in} in blocks of {@link #BLOCK} bytes, and {@code decoders} threads that decode them. */
  ParallelReader(InputStream in, Catalog catalog, WriteHandlers handlers, boolean rejecting, int decoders) {
    this(in, catalog, handlers, rejecting, decoders, BLOCK);
  }

  /** The same, in blocks of {@code blockSize} bytes (a line longer than that makes its block longer). */
  ParallelReader(InputStream in, Catalog catalog, WriteHandlers handlers, boolean rejecting, int decoders,
      int blockSize) {
    this(in, new MessageReader.Rest(new byte[0], false, 0), catalog, handlers, rejecting, decoders, blockSize);
  }

  /**
   * A reader that takes {@code in} over from a {@link MessageReader} that read part of it: {@code rest} is what that
   * reader had read but not parsed, and the lines before it.
   */
  ParallelReader(InputStream in, MessageReader.Rest rest, Catalog catalog, WriteHandlers handlers, boolean rejecting,
      int decoders, int blockSize) {
    if (decoders < 1 || blockSize < 1) {
      throw new IllegalArgumentException("decoders and block size must be positive");
    }
    this.in = in;
    this.blockSize = blockSize;
    this.rest = rest;
    this.linesBefore = rest.linesBefore();
    this.spares = new ArrayBlockingQueue<>(decoders * (2 * QUEUED + 1) + 1);
    for (int i = 0; i < decoders; i++) {
      BlockingQueue<Block> blocks = new ArrayBlockingQueue<>(QUEUED);
      BlockingQueue<Decoded> done = new ArrayBlockingQueue<>(QUEUED);
      toDecode.add(blocks);
      decoded.add(done);
      MessageDecoder decoder = new MessageDecoder(catalog, handlers, rejecting);
      decoderThreads.add(daemon(() -> decode(blocks, done, decoder, spares, blockSize),
          "destkit-decoder-" + (i + 1)));
    }
    reading = daemon(this::frame, "destkit-stdin");
    decoderThreads.forEach(Thread::start);
    reading.start();
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  /** The reading thread: standard input into blocks of whole lines, dealt to the decoders in turn. */
  private void frame() {
    long number = 0;
    try {
      byte[] buffer = spareBuffer();
      if (rest.bytes().length > buffer.length) {
        buffer = new byte[rest.bytes().length * 2];
      }
      System.arraycopy(rest.bytes(), 0, buffer, 0, rest.bytes().length);
      int held = rest.bytes().length;
      // The index of the last newline in buffer[0, held), or -1.
      int lastEnd = lastNewline(buffer, 0, held);
      boolean first = true;
      while (true) {
        // What the reader before had read is handed on as it is; an ended input is not read again.
        int read = first && held > 0 ? 0 : rest.eof() ? -1 : in.read(buffer, held, buffer.length - held);
        first = false;
        if (read < 0) {
          if (held > 0) {
            hand(number++, new Block(buffer, held, false, null));
          }
          break;
        }
        int found = lastNewline(buffer, held, held + read);
        held += read;
        lastEnd = found >= 0 ? found : lastEnd;
        boolean full = held == buffer.length;
        if (lastEnd < 0) {
          if (full) {
            // A line longer than the buffer: the block grows to hold it.
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
          }
          continue;
        }
        if (!full && in.available() > 0) {
          // More is waiting: read it into this block first.
          continue;
        }
        int tail = held - lastEnd - 1;
        byte[] next = tail <= blockSize ? spareBuffer() : new byte[tail * 2];
        System.arraycopy(buffer, lastEnd + 1, next, 0, tail);
        hand(number++, new Block(buffer, lastEnd + 1, false, null));
        buffer = next;
        held = tail;
        lastEnd = -1;
      }
      hand(number, new Block(null, 0, true, null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException | Error e) {
      // Even an error is handed on: the engine waits for the end of input until it comes.
      try {
        hand(number, new Block(null, 0, true, e));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A buffer of the block size, one a decoder is done with when there is one. */
  private byte[] spareBuffer() {
    byte[] spare = spares.poll();
    return spare != null ? spare : new byte[blockSize];
  }

  /** The index of the last newline in {@code buffer[from, to)}, or -1. */
  private static int lastNewline(byte[] buffer, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Gives block {@code number} to its decoder; the end goes to every decoder, so that all stop. */
  private void hand(long number, Block block) throws InterruptedException {
    if (!block.end()) {
      toDecode.get((int) (number % toDecode.size())).put(block);
      return;
    }
    for (int i = 0; i < toDecode.size(); i++) {
      // The decoder whose turn it is passes the end (or the failure) on; the others only stop.
      int decoder = (int) ((number + i) % toDecode.size());
      toDecode.get(decoder).put(i == 0 ? block : new Block(null, 0, true, null));
    }
  }

  /** A decoder thread: its blocks, each read to its end or its first bad line, until the end of input. */
  private static void decode(BlockingQueue<Block> blocks, BlockingQueue<Decoded> done, MessageDecoder decoder,
      BlockingQueue<byte[]> spares, int blockSize) {
    try {
      while (true) {
        Block block = blocks.take();
        if (block.end()) {
          done.put(new Decoded(List.of(), 0, true, block.failure()));
          return;
        }
        MessageReader reader = new MessageReader(block.bytes(), block.length(), decoder);
        List<DecodedMessage> messages = new ArrayList<>();
        Throwable failure = null;
        try {
          MessageDecoder.Kind kind;
          while ((kind = reader.next()) != null) {
            messages.add(DecodedMessage.of(kind, reader));
          }
        } catch (Exception | Error e) {
          // Handed on, errors too: the engine waits for this block until it comes.
          failure = e;
        }
        if (block.bytes().length == blockSize) {
          // Decoded messages hold copies of what they need, never the block: its buffer can be filled again.
          spares.offer(block.bytes());
        }
        done.put(new Decoded(messages, reader.linesRead(), false, failure));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The next message in input order; null at the end of input. While no block is ready within 100 ms it says OTHER,
   * so that the engine may check on its writer before waiting again.
   *
   * @throws InputException for a bad line, once every message before it was given, naming its line in the input
   */
  @Override
  public MessageDecoder.Kind next() throws Exception {
    while (next == messages.size()) {
      if (failure instanceof Error error) {
        throw error;
      } else if (failure != null) {
        throw (Exception) failure;
      }
      if (ended) {
        return null;
      }
      Decoded taken = decoded.get((int) (block % decoded.size())).poll(100, TimeUnit.MILLISECONDS);
      if (taken == null) {
        current = WAITING;
        return current.kind();
      }
      if (taken.end()) {
        ended = true;
        failure = taken.failure();
        continue;
      }
      block++;
      messages = taken.messages();
      next = 0;
      shift = linesBefore;
      linesBefore += taken.lines();
      failure = taken.failure() instanceof InputException bad ? bad.linesLater(shift) : taken.failure();
    }
    current = messages.get(next++);
    return current.kind();
  }

  /** Whether the last {@link #next} said OTHER only because no block was ready in time. */
  boolean waited() {
    return current == WAITING;
  }

  @Override
  public RecordCursor record() {
    return cursor;
  }

  @Override
  public RejectedRecord rejection() {
    RejectedRecord rejected = current.rejection();
    return shift == 0 ? rejected : new RejectedRecord(rejected.stream(), rejected.line() + shift, rejected.reason(),
        rejected.message());
  }

  /** Stops the threads: the reading thread may be blocked in a read, which no interrupt ends; it is a daemon. */
  @Override
  public void close() throws InterruptedException {
    reading.interrupt();
    decoderThreads.forEach(Thread::interrupt);
    for (Thread thread : decoderThreads) {
      thread.join(5000);
    }
  }
}

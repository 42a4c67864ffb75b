package io.destkit.runtime.engine;

import io.destkit.runtime.error.FailureType;
import io.destkit.runtime.error.InputException;
import io.destkit.runtime.error.TransientException;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.StreamDescriptor;
import io.destkit.runtime.write.WriteHandlers;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Speed mode's input: every socket of the {@link DataChannel} read to its end at once, each by a thread of its own
 * (a source blocks on a socket nobody drains), which parses and decodes its messages and hands them over in chunks.
 * The engine reads them here one at a time, on its own thread, as it reads standard input: buffers, budget and
 * writer are shared by all sockets.
 *
 * <p>STREAM_STATUS COMPLETE comes on one socket while records of the stream may still be on others: a stream counts as
 * complete only once every socket has ended, so COMPLETEs are held until then. A socket that fails (bad input, a
 * lost connection) fails the read with its error, naming the socket.
 */
final class SocketInputs extends HandedOverMessages {
  /** Messages per chunk handed from a socket's thread to the engine. */
  private static final int CHUNK = 256;

  /** What a socket's thread hands over: some messages, then once its end, or its failure. */
  private record Chunk(List<DecodedMessage> items, boolean end, Exception failure) {}

  private final BlockingQueue<Chunk> queue;
  private final List<Thread> threads = new ArrayList<>();
  private final List<SocketChannel> channels = new ArrayList<>();
  private int open;
  private List<DecodedMessage> items = List.of();
  private int next;
  private final List<StreamDescriptor> completes = new ArrayList<>();
  private volatile boolean closed;
  /** Whether the states so far were STREAM states; null before the first. */
  private Boolean streamStates;

  /** Starts a thread per socket of {@code channel}: each waits for its socket file, connects and reads. */
  SocketInputs(DataChannel channel, Catalog catalog, WriteHandlers handlers, boolean rejecting,
      NamespaceMapping mapping) {
    this.queue = new ArrayBlockingQueue<>(4 * channel.socketPaths().size());
    this.open = channel.socketPaths().size();
    int number = 0;
    for (Path path : channel.socketPaths()) {
      MessageDecoder decoder = new MessageDecoder(catalog, handlers, rejecting, mapping);
      Thread thread = new Thread(() -> read(channel, path, decoder), "destkit-socket-" + (++number));
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
  }

  /** A socket's thread: waits for the file, connects, decodes to the end, and always says how it ended. */
  private void read(DataChannel channel, Path path, MessageDecoder decoder) {
    Exception failure = null;
    try (SocketChannel socket = connect(path, channel.socketWait())) {
      synchronized (channels) {
        channels.add(socket);
      }
      InputStream in = Channels.newInputStream(socket);
      MessageSource messages = channel.format() == DataChannel.Format.PROTOBUF
          ? new ProtobufReader(new java.io.BufferedInputStream(in, 1 << 16), path.toString(), decoder)
          : new MessageReader(in, decoder, 1 << 20);
      List<DecodedMessage> chunk = new ArrayList<>(CHUNK);
      MessageDecoder.Kind kind;
      long number = 0;
      while ((kind = next(messages, path)) != null) {
        number++;
        chunk.add(item(kind, messages, path, number));
        if (chunk.size() == CHUNK) {
          queue.put(new Chunk(chunk, false, null));
          chunk = new ArrayList<>(CHUNK);
        }
      }
      if (!chunk.isEmpty()) {
        queue.put(new Chunk(chunk, false, null));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (Exception e) {
      failure = closed ? null : e;
    }
    try {
      queue.put(new Chunk(List.of(), true, failure));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The next message of one socket; a JSON line's error is told with the socket's name. */
  private static MessageDecoder.Kind next(MessageSource messages, Path path) throws Exception {
    try {
      return messages.next();
    } catch (InputException e) {
      if (messages instanceof MessageReader) {
        // "Input line 3" of this socket.
        throw new InputException("Socket " + path + ", i" + e.where().substring(1), e.problem(), e.failureType());
      }
      throw e;
    }
  }

  /** The message just read, checked for what speed mode requires of it: a partition, a state's checkpoint. */
  private static DecodedMessage item(MessageDecoder.Kind kind, MessageSource messages, Path path, long number)
      throws InputException {
    if (kind == MessageDecoder.Kind.RECORD && messages.record().partition() == null) {
      throw new InputException(where(path, number), "record of stream " + messages.record().stream()
          .descriptor() + " has no partition_id", FailureType.SYSTEM);
    }
    if (kind == MessageDecoder.Kind.STATE) {
      StateMessage state = messages.state();
      String missing = state.checkpoint() == null ? "partition_id, id, sourceStats.recordCount"
          : state.checkpoint().missing();
      if (!missing.isEmpty()) {
        throw new InputException(where(path, number), "STATE lacks what speed mode needs to reconcile it"
            + " across sockets: " + missing, FailureType.SYSTEM);
      }
    }
    return DecodedMessage.of(kind, messages);
  }

  private static String where(Path path, long number) {
    return "Socket " + path + ", message " + number;
  }

  /**
   * Waits up to {@code wait} for the socket file to appear and take connections (the source makes it and then
   * listens), then connects. A file that never comes is a transient failure, naming the path.
   */
  static SocketChannel connect(Path path, java.time.Duration wait) throws IOException, InterruptedException,
      TransientException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      if (Files.exists(path)) {
        SocketChannel socket = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
          socket.connect(UnixDomainSocketAddress.of(path));
          return socket;
        } catch (ConnectException e) {
          socket.close();
        }
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new TransientException("The source's socket " + path + " did not take a connection within "
            + describe(wait) + ": the source did not start, or DATA_CHANNEL_SOCKET_PATHS names another file", null);
      }
      Thread.sleep(50);
    }
  }

  private static String describe(java.time.Duration wait) {
    return wait.toMinutes() > 0 && wait.toSecondsPart() == 0 ? wait.toMinutes() + " min" : wait.toMillis() + " ms";
  }

  @Override
  public MessageDecoder.Kind next() throws Exception {
    while (next == items.size()) {
      if (open == 0) {
        if (completes.isEmpty()) {
          return null;
        }
        // Every socket has ended: the streams that said COMPLETE are complete now.
        current = DecodedMessage.complete(completes.remove(0));
        return current.kind();
      }
      Chunk chunk = queue.poll(100, TimeUnit.MILLISECONDS);
      if (chunk == null) {
        // Nothing yet: the engine may check on its writer before waiting again.
        current = DecodedMessage.OTHER;
        return current.kind();
      }
      if (chunk.failure() != null) {
        throw chunk.failure();
      }
      if (chunk.end()) {
        open--;
      }
      items = chunk.items();
      next = 0;
    }
    current = items.get(next++);
    if (current.kind() == MessageDecoder.Kind.STATE) {
      boolean streamState = current.state().scope() == StateMessage.Scope.STREAM;
      if (streamStates != null && streamStates != streamState) {
        throw new InputException("Speed-mode input", "a " + current.state().scope() + " state came after "
            + (streamStates ? "STREAM" : "GLOBAL") + " states; a sync sends one kind", FailureType.SYSTEM);
      }
      streamStates = streamState;
    }
    if (current.kind() == MessageDecoder.Kind.STREAM_COMPLETE) {
      if (!completes.contains(current.descriptor())) {
        completes.add(current.descriptor());
      }
      current = DecodedMessage.OTHER;
    }
    return current.kind();
  }

  /** Stops the sockets' threads: closes their connections and waits for them. */
  @Override
  public void close() throws InterruptedException {
    closed = true;
    synchronized (channels) {
      for (SocketChannel socket : channels) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // Closing to stop a reader: nothing more to do.
        }
      }
    }
    threads.forEach(Thread::interrupt);
    for (Thread thread : threads) {
      thread.join(5000);
    }
  }
}

package io.destkit.runtime.engine;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A source's end of speed-mode sockets for engine tests: listens on a real Unix socket file, takes the destination's
 * connection, writes the given pieces of bytes in order (a pause between pieces lets the other sockets go first) and
 * closes.
 */
final class UnixSocketSource implements AutoCloseable {
  private final List<Thread> threads = new ArrayList<>();
  private final List<Throwable> failures = new ArrayList<>();

  /** Serves {@code pieces} on a new socket file at {@code path}, after {@code startDelayMillis}. */
  UnixSocketSource serve(Path path, long startDelayMillis, List<byte[]> pieces) {
    Thread thread = new Thread(() -> {
      try {
        Thread.sleep(startDelayMillis);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
          server.bind(UnixDomainSocketAddress.of(path));
          try (SocketChannel client = server.accept()) {
            for (byte[] piece : pieces) {
              ByteBuffer buffer = ByteBuffer.wrap(piece);
              while (buffer.hasRemaining()) {
                client.write(buffer);
              }
              Thread.sleep(20);
            }
          }
        } finally {
          Files.deleteIfExists(path);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException | RuntimeException e) {
        synchronized (failures) {
          failures.add(e);
        }
      }
    }, "test-source-" + path.getFileName());
    thread.start();
    threads.add(thread);
    return this;
  }

  /** Waits for every socket's thread to end. */
  @Override
  public void close() throws InterruptedException {
    for (Thread thread : threads) {
      thread.join(10_000);
    }
  }

  /** Waits for every socket to be served; fails on what a socket's thread threw. */
  void assertServed() throws InterruptedException {
    close();
    synchronized (failures) {
      if (!failures.isEmpty()) {
        throw new AssertionError("the test source failed", failures.get(0));
      }
    }
  }
}

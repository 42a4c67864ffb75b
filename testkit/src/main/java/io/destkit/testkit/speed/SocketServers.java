package io.destkit.testkit.speed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The listening side of speed mode: Unix socket files, each bound when added (so that a destination started next
 * finds it at once) and serving its first client on a thread of its own, as the platform's sources do. What a socket
 * sends is the caller's ({@link Sender}); {@link SpeedModeSource} sends a sync's messages, a benchmark a file.
 * Closing stops listening, waits for the threads and removes the files.
 */
public final class SocketServers implements AutoCloseable {
  /** What one socket sends to the client that connects. */
  @FunctionalInterface
  public interface Sender {
    void send(SocketChannel client) throws IOException, InterruptedException;
  }

  private final List<Path> paths = new ArrayList<>();
  private final List<ServerSocketChannel> servers = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final List<Throwable> failures = new ArrayList<>();

  /** Binds {@code path} (a file left there is replaced) and serves its first client with {@code sender}. */
  public void listen(Path path, Sender sender) {
    try {
      Files.deleteIfExists(path);
      ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(path));
      servers.add(server);
      paths.add(path);
      Thread thread = new Thread(() -> serve(server, sender), "socket-source-" + paths.size());
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + path, e);
    }
  }

  private void serve(ServerSocketChannel server, Sender sender) {
    try (SocketChannel client = server.accept()) {
      sender.send(client);
    } catch (IOException e) {
      synchronized (failures) {
        failures.add(e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The socket files, in the order they were added. */
  public List<Path> paths() {
    return List.copyOf(paths);
  }

  /** The environment that points a destination at these sockets, their messages in {@code format}. */
  public Map<String, String> environment(SpeedModeSource.Format format) {
    List<String> names = paths.stream().map(Path::toString).toList();
    return Map.of("DATA_CHANNEL_MEDIUM", "SOCKET", "DATA_CHANNEL_FORMAT", format.name(),
        "DATA_CHANNEL_SOCKET_PATHS", String.join(",", names));
  }

  /** The errors the sockets met while serving (e.g. the destination left before reading all); empty when none. */
  public List<Throwable> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    for (ServerSocketChannel server : servers) {
      server.close();
    }
    for (Thread thread : threads) {
      thread.join(10_000);
    }
    for (Path path : paths) {
      Files.deleteIfExists(path);
    }
  }
}

package io.destkit.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A PostgreSQL server from the machine's own packages (Debian's {@code postgresql}: {@code /usr/lib/postgresql/<n>/bin}),
 * started for the benchmark with a fresh data folder under the work folder, on a free port of localhost, with the
 * package's default settings: the honest floor for {@code psql \copy} (the embedded server of the tests is several times
 * slower at COPY on the same machine). As root, its programs run as the user {@code postgres}, as the package runs
 * them.
 */
final class PackagedPostgres implements AutoCloseable {
  private final Path bin;
  private final Path data;
  private final int port;
  private final boolean asPostgresUser;

  private PackagedPostgres(Path bin, Path data, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.data = data;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** The newest installed server's programs, if any. */
  static Optional<Path> installed() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.filter(v -> Files.isExecutable(v.resolve("bin/pg_ctl")))
          .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
          .map(v -> v.resolve("bin"));
    }
  }

  /** Initializes a data folder in {@code data} (emptied first) and starts a server on it. */
  static PackagedPostgres start(Path bin, Path data) throws IOException, InterruptedException {
    boolean root = "root".equals(System.getProperty("user.name"));
    if (Files.exists(data)) {
      run(List.of("rm", "-rf", data.toString()));
    }
    Files.createDirectories(data);
    if (root) {
      run(List.of("chown", "postgres:postgres", data.toString()));
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    PackagedPostgres server = new PackagedPostgres(bin, data, port, root);
    server.as(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust",
        "-E", "UTF8", "--no-sync"));
    server.as(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolve("server.log")
        .toString(), "-w", "-o", "-p " + port + " -k " + data + " -c listen_addresses=localhost", "start"));
    return server;
  }

  int port() {
    return port;
  }

  /** A connection as the superuser, to the database {@code postgres}. */
  Connection connection() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
  }

  /** The server's version, e.g. {@code PostgreSQL 15.18 (Debian 15.18-0+deb12u1)}. */
  String version() throws SQLException {
    try (Connection connection = connection();
        var result = connection.createStatement().executeQuery("SELECT version()")) {
      result.next();
      String text = result.getString(1);
      int on = text.indexOf(" on ");
      return on > 0 ? text.substring(0, on) : text;
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    as(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
  }

  private void as(List<String> command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    run(full);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }
}

package io.destkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.types.JsonSchemas;
import io.destkit.testkit.speed.ProtobufMessages;
import io.destkit.testkit.speed.SocketServers;
import io.destkit.testkit.speed.SpeedModeSource;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The speed-mode part of the comparison (variant k): the same records as the throughput's, sent to destination-devnull
 * and to the sample destination (PostgreSQL) over Unix sockets as protobuf frames, against the same destinations on
 * standard input (c, e). The frames are made once, before the runs, into one file per socket; during a run this
 * process is the source and hands each file to its socket with {@code FileChannel.transferTo}, so the source costs
 * about what the shell's redirection costs standard input.
 */
final class SpeedRuns {
  static final int SOCKETS = 2;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Compare compare;
  private final Path work;

  SpeedRuns(Compare compare, Path work) {
    this.compare = compare;
    this.work = work;
  }

  /**
   * The frames of {@code messages}, one file per socket: records of one checkpoint's partition on one socket, in
   * turn; each state made speed mode's ({@code id}, {@code partition_id}, {@code sourceStats}) on the socket of its
   * partition; the stream statuses at the end of the last socket.
   */
  static List<Path> frames(Path messages, int sockets) throws IOException {
    Path dir = messages.resolveSibling("protobuf-" + sockets);
    List<Path> files = new ArrayList<>();
    for (int i = 1; i <= sockets; i++) {
      files.add(dir.resolve("socket-" + i + ".pb"));
    }
    if (Files.exists(dir.resolve("done"))) {
      return files;
    }
    Files.createDirectories(dir);
    JsonNode stream = JSON.readTree(messages.resolveSibling("catalog.json").toFile()).at("/streams/0/stream");
    Map<String, AirbyteType> types = new LinkedHashMap<>(JsonSchemas.parseStream(stream.get("json_schema"))
        .properties());
    List<String> fields = ProtobufMessages.positions(types.keySet());
    List<OutputStream> outs = new ArrayList<>();
    for (Path file : files) {
      outs.add(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }
    try (BufferedReader lines = Files.newBufferedReader(messages, StandardCharsets.UTF_8)) {
      int partition = 1;
      long inPartition = 0;
      long stateId = 0;
      List<byte[]> statuses = new ArrayList<>();
      String line;
      while ((line = lines.readLine()) != null) {
        JsonNode message = JSON.readTree(line);
        OutputStream socket = outs.get((partition - 1) % sockets);
        switch (message.path("type").asText()) {
          case "RECORD" -> {
            JsonNode record = message.get("record");
            ProtobufMessages.writeDelimited(socket, ProtobufMessages.record(null, record.get("stream").asText(),
                record.get("emitted_at").asLong(), "p" + partition, fields, types, record.get("data"), List.of()));
            inPartition++;
          }
          case "STATE" -> {
            ObjectNode state = (ObjectNode) message.get("state");
            state.put("id", ++stateId).put("partition_id", "p" + partition);
            state.putObject("sourceStats").put("recordCount", (double) inPartition);
            ProtobufMessages.writeDelimited(socket, ProtobufMessages.protocolMessage(
                JSON.writeValueAsBytes(message)));
            partition++;
            inPartition = 0;
          }
          default -> statuses.add(ProtobufMessages.protocolMessage(line.getBytes(StandardCharsets.UTF_8)));
        }
      }
      for (byte[] status : statuses) {
        ProtobufMessages.writeDelimited(outs.get(sockets - 1), status);
      }
    } finally {
      for (OutputStream out : outs) {
        out.close();
      }
    }
    Files.writeString(dir.resolve("done"), "");
    return files;
  }

  /** A source for one run: listens on a socket per file, and sends each file whole to the destination that comes. */
  static final class Source implements AutoCloseable {
    private final SocketServers sockets = new SocketServers();

    Source(Path dir, List<Path> files) {
      for (int i = 0; i < files.size(); i++) {
        Path file = files.get(i);
        sockets.listen(dir.resolve("bench-" + (i + 1) + ".sock"), client -> send(client, file));
      }
    }

    private static void send(SocketChannel client, Path file) throws IOException {
      try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
        long size = in.size();
        long sent = 0;
        while (sent < size) {
          sent += in.transferTo(sent, size - sent, client);
        }
      }
    }

    /** What the destination needs in its environment to read this source. */
    Map<String, String> environment() {
      return sockets.environment(SpeedModeSource.Format.PROTOBUF);
    }

    @Override
    public void close() throws IOException, InterruptedException {
      sockets.close();
      if (!sockets.failures().isEmpty()) {
        throw new UncheckedIOException("the bench source failed", (IOException) sockets.failures().get(0));
      }
    }
  }

  /**
   * Runs devnull and (when {@code postgresConfig} is given) the sample into PostgreSQL, each over standard input and
   * then over sockets in the same round, so that the machine's drift touches both sides of a ratio alike.
   */
  void run(Path messages, Path postgresConfig, int rounds) throws Exception {
    Path catalog = messages.resolveSibling("catalog.json");
    List<Path> files = frames(messages, SOCKETS);
    long frameBytes = 0;
    for (Path file : files) {
      frameBytes += Files.size(file);
    }
    Map<String, List<Compare.Run[]>> runs = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      Compare.Run plain = compare.destination(compare.devnull(), work.resolve("devnull.json"), catalog, messages,
          "devnull-stdin");
      try (Source source = new Source(work, files)) {
        runs.computeIfAbsent("c", k -> new ArrayList<>()).add(new Compare.Run[] {plain, compare.overSockets(
            compare.devnull(), work.resolve("devnull.json"), catalog, messages, "devnull-sockets",
            source.environment())});
      }
      if (postgresConfig != null) {
        compare.dropSchema(Compare.SCHEMA);
        Compare.Run plainPostgres = compare.destination(compare.sample(), postgresConfig, catalog, messages,
            "postgres-stdin");
        compare.dropSchema(Compare.SCHEMA);
        try (Source source = new Source(work, files)) {
          runs.computeIfAbsent("e", k -> new ArrayList<>()).add(new Compare.Run[] {plainPostgres,
              compare.overSockets(compare.sample(), postgresConfig, catalog, messages, "postgres-sockets",
                  source.environment())});
        }
      }
      System.err.printf(Locale.ROOT, "round %d speed mode: %s%n", round, runs.entrySet().stream()
          .map(e -> {
            Compare.Run[] last = e.getValue().get(e.getValue().size() - 1);
            return e.getKey() + " stdin " + last[0].seconds() + " s, sockets " + last[1].seconds() + " s";
          }).toList());
    }
    report(runs, Files.size(messages), frameBytes);
  }

  private void report(Map<String, List<Compare.Run[]>> runs, long jsonBytes, long frameBytes) {
    compare.line(String.format(Locale.ROOT, "### Speed mode (k): the same records over %d Unix sockets as protobuf"
        + " (%,.0f MB of frames, %,.0f MB as JSON lines), standard input and sockets in turn, median of %d rounds",
        SOCKETS, frameBytes / 1e6, jsonBytes / 1e6, runs.values().iterator().next().size()));
    compare.line("");
    compare.line("| destination | stdin JSONL s | sockets PROTOBUF s | speed-up (median of the rounds' ratios) |"
        + " peak RSS MB (sockets) |");
    compare.line("|---|---:|---:|---:|---:|");
    for (Map.Entry<String, List<Compare.Run[]>> entry : runs.entrySet()) {
      String name = entry.getKey().equals("c") ? "destination-devnull (c)" : "sample into PostgreSQL (e)";
      List<Compare.Run[]> pairs = entry.getValue();
      double plain = Compare.median(pairs.stream().mapToDouble(pair -> pair[0].seconds()).toArray());
      double socket = Compare.median(pairs.stream().mapToDouble(pair -> pair[1].seconds()).toArray());
      double ratio = Compare.median(pairs.stream().mapToDouble(pair -> pair[0].seconds() / pair[1].seconds())
          .toArray());
      compare.line(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2fx | %.0f |", name, plain, socket, ratio,
          pairs.stream().mapToLong(pair -> pair[1].peakKilobytes()).max().orElse(0) / 1024.0));
    }
    compare.line("");
  }
}

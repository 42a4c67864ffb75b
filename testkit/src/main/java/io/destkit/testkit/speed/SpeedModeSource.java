package io.destkit.testkit.speed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.types.JsonSchemas;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.write.StreamDescriptor;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.Json;
import io.destkit.testkit.messages.Message;
import io.destkit.testkit.messages.RawLine;
import io.destkit.testkit.messages.RecordMessage;
import io.destkit.testkit.messages.StateMessage;
import io.destkit.testkit.messages.StreamStatusMessage;
import io.destkit.testkit.messages.SyncInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

/**
 * A source that serves a sync's messages in speed mode (SPEED-MODE.md), as the platform's sources do: it listens on N
 * Unix sockets, and the destination connects to each and reads it to its end. The messages of a {@link SyncInput}
 * are made speed-mode messages first: each record gets the partition of its checkpoint (per stream when the input
 * has STREAM states, one for all streams otherwise), each state its {@code id}, {@code partition_id} and
 * {@code sourceStats.recordCount}. Then they are spread over the sockets in a seeded random order: a partition's
 * records on one socket, in order; states anywhere, often before their records or before earlier states; stream
 * statuses at the end of some socket; probes between protobuf frames.
 *
 * <pre>{@code
 * try (SpeedModeSource source = SpeedModeSource.start(dir, 2, SpeedModeSource.Format.PROTOBUF, catalog, input, 7)) {
 *   ConnectorProcess.of(jar).withEnvironment(source.environment()).run("write", ...);
 * }
 * }</pre>
 */
public final class SpeedModeSource implements AutoCloseable {
  /** How the messages are serialized on the sockets. */
  public enum Format { JSONL, PROTOBUF }

  private final Format format;
  private final SocketServers sockets = new SocketServers();

  private SpeedModeSource(Format format) {
    this.format = format;
  }

  /**
   * Listens on {@code sockets} new socket files in {@code dir} and serves {@code input}'s messages, spread by
   * {@code seed}, to the destination that connects.
   */
  public static SpeedModeSource start(Path dir, int sockets, Format format, ConfiguredCatalog catalog,
      SyncInput input, long seed) {
    return start(dir, sockets, format, catalog, input, seed, -1);
  }

  /**
   * {@link #start(Path, int, Format, ConfiguredCatalog, SyncInput, long)}, but socket 0 is cut in the middle of its
   * frame number {@code cutAtFrame} (from 0): half the frame is sent, then the socket closes.
   */
  public static SpeedModeSource start(Path dir, int sockets, Format format, ConfiguredCatalog catalog,
      SyncInput input, long seed, int cutAtFrame) {
    return start(dir, sockets, format, catalog, input, seed, cutAtFrame, -1, null);
  }

  /**
   * {@link #start(Path, int, Format, ConfiguredCatalog, SyncInput, long)}, but every socket stops before its frame
   * number {@code holdAtFrame} until {@code release} is counted down: a test can act (kill the destination, say) while
   * the destination holds part of the sync.
   */
  public static SpeedModeSource startHeld(Path dir, int sockets, Format format, ConfiguredCatalog catalog,
      SyncInput input, long seed, int holdAtFrame, CountDownLatch release) {
    return start(dir, sockets, format, catalog, input, seed, -1, holdAtFrame, release);
  }

  private static SpeedModeSource start(Path dir, int sockets, Format format, ConfiguredCatalog catalog,
      SyncInput input, long seed, int cutAtFrame, int holdAtFrame, CountDownLatch release) {
    SpeedModeSource source = new SpeedModeSource(format);
    List<List<byte[]>> frames = source.spread(sockets, catalog, input, new Random(seed));
    for (int i = 0; i < sockets; i++) {
      Path path = dir.resolve("airbyte_socket_" + (i + 1) + ".sock");
      source.listen(path, frames.get(i), i == 0 ? cutAtFrame : -1, holdAtFrame, release);
    }
    return source;
  }

  /** The environment that selects this source's channel: what the platform sets for the destination. */
  public Map<String, String> environment() {
    return sockets.environment(format);
  }

  /** The socket files, in order. */
  public List<Path> paths() {
    return sockets.paths();
  }

  /** The frames (protobuf) or lines (JSONL, newline included) each socket sends, the input's messages spread. */
  private List<List<byte[]>> spread(int sockets, ConfiguredCatalog catalog, SyncInput input, Random random) {
    Map<StreamDescriptor, Positions> streams = positions(catalog);
    boolean byStream = input.messages().stream().allMatch(message -> !(message instanceof StateMessage state)
        || state.kind() == StateMessage.Kind.STREAM);
    List<List<byte[]>> frames = new ArrayList<>();
    for (int i = 0; i < sockets; i++) {
      frames.add(new ArrayList<>());
    }
    Map<Object, Partition> open = new HashMap<>();
    Map<Object, Long> ids = new HashMap<>();
    int partitions = 0;
    List<byte[]> statuses = new ArrayList<>();
    for (Message message : input.messages()) {
      if (message instanceof RecordMessage record) {
        Object scope = byStream ? record.stream() : "global";
        Partition partition = open.get(scope);
        if (partition == null) {
          partition = new Partition("p" + (++partitions), random.nextInt(sockets));
          open.put(scope, partition);
        }
        partition.records++;
        frames.get(partition.socket).add(record(record, partition.id, streams.get(record.stream())));
        maybeProbe(frames.get(partition.socket), random);
      } else if (message instanceof StateMessage state) {
        Object scope = byStream ? state.stream() : "global";
        Partition partition = open.remove(scope);
        String id = partition == null ? "p" + (++partitions) : partition.id;
        long count = partition == null ? 0 : partition.records;
        long checkpoint = ids.merge(scope, 1L, Long::sum);
        ObjectNode json = state.toJson();
        ObjectNode body = (ObjectNode) json.get("state");
        body.put("id", checkpoint);
        body.put("partition_id", id);
        body.putObject("sourceStats").put("recordCount", (double) count);
        List<byte[]> socket = frames.get(random.nextInt(sockets));
        socket.add(random.nextInt(socket.size() + 1), protocol(Json.write(json)));
      } else if (message instanceof StreamStatusMessage status) {
        statuses.add(protocol(status.toLine()));
      } else if (message instanceof RawLine raw) {
        if (format == Format.PROTOBUF) {
          throw new IllegalArgumentException("A raw line has no protobuf form: " + raw);
        }
        frames.get(random.nextInt(sockets)).add(line(raw.line()));
      }
    }
    for (byte[] status : statuses) {
      frames.get(random.nextInt(sockets)).add(status);
    }
    return frames;
  }

  /** A checkpoint's partition: its id, the socket its records go on, how many there are so far. */
  private static final class Partition {
    final String id;
    final int socket;
    long records;

    Partition(String id, int socket) {
      this.id = id;
      this.socket = socket;
    }
  }

  /** A stream's positional order and the type of each field. */
  private record Positions(List<String> fields, Map<String, AirbyteType> types) {}

  private static Map<StreamDescriptor, Positions> positions(ConfiguredCatalog catalog) {
    Map<StreamDescriptor, Positions> streams = new HashMap<>();
    for (JsonNode stream : catalog.toJson().get("streams")) {
      JsonNode definition = stream.get("stream");
      AirbyteType.ObjectType schema = JsonSchemas.parseStream(definition.get("json_schema"));
      Map<String, AirbyteType> types = new LinkedHashMap<>(schema.properties());
      JsonNode namespace = definition.get("namespace");
      streams.put(new StreamDescriptor(namespace == null || namespace.isNull() ? null : namespace.asText(),
          definition.get("name").asText()), new Positions(ProtobufMessages.positions(types.keySet()), types));
    }
    return streams;
  }

  private byte[] record(RecordMessage record, String partition, Positions stream) {
    if (format == Format.JSONL) {
      ObjectNode json = record.toJson();
      ((ObjectNode) json.get("record")).put("partition_id", partition);
      return line(Json.write(json));
    }
    if (stream == null) {
      // A stream the catalog lacks (a test of that error): its fields in name order, of no known type.
      Map<String, AirbyteType> types = new LinkedHashMap<>();
      record.data().fieldNames().forEachRemaining(name -> types.put(name, AirbyteType.UNKNOWN));
      stream = new Positions(ProtobufMessages.positions(types.keySet()), types);
    }
    List<MetaChange> changes = new ArrayList<>();
    for (ObjectNode change : record.sourceChanges()) {
      MetaChange.Change kind = MetaChange.Change.fromProtocol(change.path("change").asText()).orElse(null);
      MetaChange.Reason reason = MetaChange.Reason.fromProtocol(change.path("reason").asText()).orElse(null);
      if (kind != null && reason != null) {
        changes.add(new MetaChange(change.path("field").asText(), kind, reason));
      }
    }
    return frame(ProtobufMessages.record(record.stream().namespace(), record.stream().name(), record.emittedAt(),
        partition, stream.fields(), stream.types(), record.data(), changes));
  }

  private byte[] protocol(String jsonLine) {
    return format == Format.JSONL ? line(jsonLine)
        : frame(ProtobufMessages.protocolMessage(jsonLine.getBytes(StandardCharsets.UTF_8)));
  }

  private void maybeProbe(List<byte[]> socket, Random random) {
    if (format == Format.PROTOBUF && random.nextInt(16) == 0) {
      socket.add(frame(ProtobufMessages.probe()));
    }
  }

  private static byte[] line(String line) {
    return (line + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] frame(byte[] message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 5);
    try {
      ProtobufMessages.writeDelimited(out, message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Binds {@code path} now (so the destination finds it at once) and serves {@code frames} to the first client. */
  private void listen(Path path, List<byte[]> frames, int cutAtFrame, int holdAtFrame, CountDownLatch release) {
    sockets.listen(path, client -> serve(client, frames, cutAtFrame, holdAtFrame, release));
  }

  private static void serve(SocketChannel client, List<byte[]> frames, int cutAtFrame, int holdAtFrame,
      CountDownLatch release) throws IOException, InterruptedException {
    OutputStream out = Channels.newOutputStream(client);
    for (int i = 0; i < frames.size(); i++) {
      byte[] frame = frames.get(i);
      if (i == holdAtFrame) {
        out.flush();
        release.await();
      }
      if (i == cutAtFrame) {
        out.write(frame, 0, Math.max(1, frame.length / 2));
        return;
      }
      out.write(frame);
    }
  }

  /** The errors the sockets met while serving (e.g. the destination left before reading all); empty when none. */
  public List<Throwable> failures() {
    return sockets.failures();
  }

  /** Stops listening, waits for the sockets' threads and removes the socket files. */
  @Override
  public void close() throws IOException, InterruptedException {
    sockets.close();
  }
}

package io.destkit.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.runtime.protocol.ProtocolOutput;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.StreamDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Owns checkpoints, the one place that decides which states may leave and how they are echoed.
 *
 * <p>On the reading side it counts records per stream and over all streams since the previous state of each scope,
 * keeps each STATE pending with the counts it covers and the number of records read before it, and hands out, in
 * order, the states whose records are all with the writer. On the writing side it echoes those states once the
 * connector's commit has returned: each as received, with {@code destinationStats} added. A state is never echoed
 * before its records are committed, and states leave in the order they came.
 *
 * <p>Threads: counting and handing out run on the reading thread; {@link #echo} runs on the writer thread, on states
 * handed over through the writer's queue (which orders the two).
 */
final class Checkpoints {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Records of one scope since its last state. Held by each stream's buffer, so counting costs no lookup. */
  static final class Counter {
    private long records;

    /** Counted, and reset for the next state. */
    private long take() {
      long taken = records;
      records = 0;
      return taken;
    }
  }

  /** A state waiting for its records to be committed, with the statistics it will carry. */
  record Pending(StateMessage message, long recordsBefore, long recordCount) {}

  private final ProtocolOutput out;
  private final Map<StreamDescriptor, Counter> streams = new HashMap<>();
  private final Counter global = new Counter();
  private final Deque<Pending> pending = new ArrayDeque<>();
  private long recordsRead;

  Checkpoints(Catalog catalog, ProtocolOutput out) {
    this.out = out;
    for (StreamContext stream : catalog.streams()) {
      streams.put(stream.descriptor(), new Counter());
    }
  }

  /** The counter of a stream of the catalog, for its buffer to hold. */
  Counter counter(StreamDescriptor stream) {
    return streams.get(stream);
  }

  /** A record of the stream whose counter this is was read. */
  void recordRead(Counter stream) {
    stream.records++;
    global.records++;
    recordsRead++;
  }

  /** Records read so far; the sequence number of the next one. */
  long recordsRead() {
    return recordsRead;
  }

  /**
   * A state was read after every record before it: it waits for them. A STREAM state covers its stream's records
   * since that stream's previous state; any other (GLOBAL, LEGACY, or a stream state naming no stream of the
   * catalog) covers every stream's records since the previous such state.
   */
  void stateRead(StateMessage state) {
    Counter counter = state.scope() == StateMessage.Scope.STREAM && state.stream() != null
        ? streams.get(state.stream()) : null;
    long count = (counter != null ? counter : global).take();
    pending.addLast(new Pending(state, recordsRead, count));
  }

  /** Whether a state waits whose records are all with the writer, given the oldest record not with it yet. */
  boolean hasCovered(long oldestBuffered) {
    return !pending.isEmpty() && pending.peekFirst().recordsBefore() <= oldestBuffered;
  }

  /**
   * Takes the states, oldest first, whose records are all with the writer: those read before the record numbered
   * {@code oldestBuffered}, the oldest still buffered ({@code Long.MAX_VALUE} when none is).
   */
  List<Pending> takeCovered(long oldestBuffered) {
    List<Pending> covered = new ArrayList<>();
    while (hasCovered(oldestBuffered)) {
      covered.add(pending.removeFirst());
    }
    return covered;
  }

  /** Echoes states whose records the connector has just committed, in order. Writer thread. */
  void echo(List<Pending> committed) {
    for (Pending state : committed) {
      out.state(echoed(state));
    }
  }

  /** The line to echo: the state as received, with the statistics of its records. */
  static byte[] echoed(Pending state) {
    StateMessage message = state.message();
    if (message.hasStats()) {
      return replaceStats(message, state.recordCount());
    }
    byte[] line = message.line();
    byte[] stats = ((message.stateHasFields() ? "," : "") + "\"destinationStats\":{\"recordCount\":"
        + state.recordCount() + "}").getBytes(StandardCharsets.US_ASCII);
    byte[] echo = new byte[line.length + stats.length];
    System.arraycopy(line, 0, echo, 0, message.stateEnd());
    System.arraycopy(stats, 0, echo, message.stateEnd(), stats.length);
    System.arraycopy(line, message.stateEnd(), echo, message.stateEnd() + stats.length,
        line.length - message.stateEnd());
    return echo;
  }

  /** The rare state that already has stats: rewritten through a tree, which keeps every other field. */
  private static byte[] replaceStats(StateMessage message, long recordCount) {
    try {
      JsonNode root = MAPPER.readTree(message.line());
      ObjectNode state = (ObjectNode) root.get("state");
      state.putObject("destinationStats").put("recordCount", recordCount);
      ByteArrayOutputStream echo = new ByteArrayOutputStream(message.line().length + 40);
      MAPPER.writeValue(echo, root);
      return echo.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

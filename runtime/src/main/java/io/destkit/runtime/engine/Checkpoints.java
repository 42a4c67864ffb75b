package io.destkit.runtime.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.runtime.protocol.ProtocolOutput;
import io.destkit.runtime.types.JsonTrees;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordBatch;
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
 * <p>On the reading side it counts, per stream and over all streams, the records since the previous state of each
 * scope (with their bytes and the values the runtime nulled), keeps each STATE pending with the statistics it will
 * carry and the number of records read before it, and hands out, in order, the states whose records are all with the
 * writer. On the writing side it echoes those states once the connector's commit has returned: each as received, with
 * the statistics added. A state is never echoed before its records are committed, and states leave in the order they
 * came.
 *
 * <p>The statistics of an echoed state (CONTRACT, State): {@code destinationStats} with {@code recordCount} (records
 * of its scope since the previous state of that scope), {@code rejectedRecordCount} and {@code additionalStats}
 * ({@code nulledValueCount}, {@code truncatedValueCount}: values the destination changed), written as decimals as
 * the protocol asks; and, beside it in the state, {@code committedRecordsCount} and {@code committedBytesCount}: the
 * records of its scope committed in this sync up to this state, and their bytes on the wire. A STREAM state's scope
 * is its stream; any other state's (GLOBAL, LEGACY, or a stream state naming no stream of the catalog) every stream.
 *
 * <p>Threads: counting and handing out run on the reading thread; {@link #echo} runs on the writer thread, on states
 * handed over through the writer's queue (which orders the two).
 */
final class Checkpoints {
  /** The fields the echo sets; a state that already has one of them is rewritten through a tree. */
  static final List<String> STATISTICS = List.of("destinationStats", "committedRecordsCount",
      "committedBytesCount");

  /** What one scope has read since its last state, and since the start. Held by each stream's buffer. */
  static final class Counter {
    private long records;
    private long bytes;
    private long nulled;
    private long truncated;
    private long rejected;
    private long rejectedBytes;
    private long totalRecords;
    private long totalBytes;

    void add(int size, long[] changes) {
      records++;
      bytes += size;
      if (changes != null) {
        nulled += changes[0];
        truncated += changes[1];
      }
    }

    /** Records received since the last state, set aside ones included. */
    long received() {
      return records;
    }

    /** A record of {@code size} bytes was received and set aside: counted, never committed. */
    void addRejected(int size) {
      records++;
      bytes += size;
      rejected++;
      rejectedBytes += size;
    }

    /** The statistics of a state of this scope, and a fresh start for the next. */
    Stats take() {
      totalRecords += records - rejected;
      totalBytes += bytes - rejectedBytes;
      Stats stats = new Stats(records, rejected, nulled, truncated, totalRecords, totalBytes);
      records = 0;
      bytes = 0;
      nulled = 0;
      truncated = 0;
      rejected = 0;
      rejectedBytes = 0;
      return stats;
    }
  }

  /**
   * The statistics a state is echoed with.
   *
   * @param records records of its scope since the previous state of that scope
   * @param rejected of those, records sent to a rejected-records sink instead of the destination
   * @param nulled values the destination replaced by null in those records
   * @param truncated values the destination shortened in those records
   * @param committedRecords records of its scope committed in this sync up to this state
   * @param committedBytes their size on the wire
   */
  record Stats(long records, long rejected, long nulled, long truncated, long committedRecords,
      long committedBytes) {}

  /** A state waiting for its records to be committed, with the statistics it will carry. */
  record Pending(StateMessage message, long recordsBefore, Stats stats) {
    /** Records of its scope since the previous state of that scope. */
    long recordCount() {
      return stats.records();
    }

    /**
     * The same state with what the connector reported while writing its records: {@code written} holds the values
     * it changed and the records it refused ({nulled, truncated, rejected, rejected bytes}); {@code refusedBefore}
     * and {@code refusedBytesBefore} count every record of the scope it refused up to this state, which were not
     * committed.
     */
    Pending plusWritten(long[] written, long refusedBefore, long refusedBytesBefore) {
      return new Pending(message, recordsBefore, new Stats(stats.records(), stats.rejected() + written[2],
          stats.nulled() + written[0], stats.truncated() + written[1], stats.committedRecords() - refusedBefore,
          stats.committedBytes() - refusedBytesBefore));
    }
  }

  private final ProtocolOutput out;
  private final Map<StreamDescriptor, Counter> streams = new HashMap<>();
  private final Counter global = new Counter();
  private final Deque<Pending> pending = new ArrayDeque<>();
  private long recordsRead;
  /** Values the connector changed while writing, per stream and over all streams, until a state takes them. */
  private final Map<StreamDescriptor, WrittenChanges> writtenByStream = new HashMap<>();
  private final WrittenChanges writtenByAll = new WrittenChanges();
  /** Which kinds of state were echoed: a ledger no state of its kind ever took is pruned (see {@link #echo}). */
  private boolean streamStatesEchoed;
  private boolean otherStatesEchoed;
  /** Speed mode: states reconciled by partition and id; null on standard input. */
  private PartitionStates partitions;

  Checkpoints(Catalog catalog, ProtocolOutput out) {
    this.out = out;
    for (StreamContext stream : catalog.streams()) {
      streams.put(stream.descriptor(), new Counter());
      writtenByStream.put(stream.descriptor(), new WrittenChanges());
    }
  }

  /** From now on, states are speed mode's: each waits for its partition's records and the states before it. */
  void byPartition() {
    partitions = new PartitionStates();
  }

  /** The counter of a stream of the catalog, for its buffer to hold. */
  Counter counter(StreamDescriptor stream) {
    return streams.get(stream);
  }

  /** {@code record}, of the stream whose counter this is, was read. */
  void recordRead(Counter stream, Record record, String partition) {
    long[] changes = record.changes().isEmpty() ? null : destinationChanges(record.changes());
    stream.add(record.size(), changes);
    global.add(record.size(), changes);
    recordsRead++;
    if (partitions != null) {
      partitions.recordRead(partition, record.size(), changes, recordsRead);
    }
  }

  /**
   * A record of {@code size} bytes, of the stream whose counter this is, was set aside while reading (the
   * rejected-records option): its scopes count it as received and rejected. It takes no sequence number.
   */
  void recordRejected(Counter stream, int size, String partition) {
    stream.addRejected(size);
    global.addRejected(size);
    if (partitions != null) {
      partitions.recordRejected(partition, size, recordsRead);
    }
  }

  /** Records read so far; the sequence number of the next one. */
  long recordsRead() {
    return recordsRead;
  }

  /** A state was read after every record before it: it waits for them, with the statistics of its scope. */
  void stateRead(StateMessage state) {
    if (partitions != null) {
      partitions.stateRead(state, ownStream(state) ? state.stream() : null, recordsRead);
      return;
    }
    Counter counter = ownStream(state) ? streams.get(state.stream()) : global;
    pending.addLast(new Pending(state, recordsRead, counter.take()));
  }

  /** Whether the state's scope is one stream of the catalog (else it is every stream). */
  private boolean ownStream(StateMessage state) {
    return state.scope() == StateMessage.Scope.STREAM && state.stream() != null && streams.containsKey(state.stream());
  }

  /**
   * The values the connector changed while writing {@code batch} (its report), whose records have {@code sequences}.
   * Writer thread, right after the batch was written.
   */
  void written(RecordBatch batch, long[] sequences, String[] partitionOf) {
    if (batch.report().isEmpty()) {
      return;
    }
    if (partitions != null) {
      long[][] counts = new long[batch.size()][];
      batch.report().rejections().keySet().forEach(index -> counts[index] = new long[] {0, 0, 1,
          batch.records().get(index).size()});
      batch.report().changes().forEach((index, changes) -> {
        long[] changed = destinationChanges(changes);
        counts[index] = counts[index] != null ? counts[index] : new long[4];
        counts[index][0] += changed[0];
        counts[index][1] += changed[1];
      });
      partitions.written(partitionOf, counts);
      return;
    }
    WrittenChanges stream = writtenByStream.get(batch.stream().descriptor());
    batch.report().rejections().keySet().forEach(index -> {
      int size = batch.records().get(index).size();
      stream.addRejected(sequences[index], size);
      writtenByAll.addRejected(sequences[index], size);
    });
    batch.report().changes().forEach((index, changes) -> {
      long[] counts = destinationChanges(changes);
      if (counts[0] + counts[1] > 0) {
        stream.add(sequences[index], counts[0], counts[1]);
        writtenByAll.add(sequences[index], counts[0], counts[1]);
      }
    });
  }

  /** {NULLED, TRUNCATED} changes among {@code changes} that the destination made. */
  private static long[] destinationChanges(List<MetaChange> changes) {
    long[] counts = new long[2];
    for (MetaChange change : changes) {
      if (change.reason().byDestination()) {
        switch (change.change()) {
          case NULLED -> counts[0]++;
          case TRUNCATED -> counts[1]++;
        }
      }
    }
    return counts;
  }

  /** Whether a state waits whose records are all with the writer, given the oldest record not with it yet. */
  boolean hasCovered(long oldestBuffered) {
    if (partitions != null) {
      return partitions.hasCovered(oldestBuffered);
    }
    return !pending.isEmpty() && pending.peekFirst().recordsBefore() <= oldestBuffered;
  }

  /**
   * Takes the states, oldest first, whose records are all with the writer: those read before the record numbered
   * {@code oldestBuffered}, the oldest still buffered ({@code Long.MAX_VALUE} when none is).
   */
  List<Pending> takeCovered(long oldestBuffered) {
    if (partitions != null) {
      return partitions.takeCovered(oldestBuffered);
    }
    List<Pending> covered = new ArrayList<>();
    while (hasCovered(oldestBuffered)) {
      covered.add(pending.removeFirst());
    }
    return covered;
  }

  /** Echoes states whose records the connector has just committed, in order. Writer thread. */
  void echo(List<Pending> committed) {
    for (Pending state : committed) {
      out.state(echoed(withWritten(state)));
    }
  }

  /**
   * The state with the values the connector changed while writing its records: those of its scope before it. A source
   * sends STREAM states or GLOBAL ones, not both, so the ledger of the kind no state has taken yet is pruned as the
   * other kind is echoed, and does not grow for the whole sync.
   */
  private Pending withWritten(Pending state) {
    if (partitions != null) {
      return partitions.withWritten(state, ownStream(state.message()));
    }
    long before = state.recordsBefore();
    WrittenChanges ledger;
    if (ownStream(state.message())) {
      ledger = writtenByStream.get(state.message().stream());
      streamStatesEchoed = true;
      if (!otherStatesEchoed) {
        writtenByAll.take(before);
      }
    } else {
      ledger = writtenByAll;
      otherStatesEchoed = true;
      if (!streamStatesEchoed) {
        writtenByStream.values().forEach(byStream -> byStream.take(before));
      }
    }
    long[] sums = ledger.take(before);
    if (sums[0] + sums[1] + ledger.takenRejected() == 0) {
      return state;
    }
    return state.plusWritten(sums, ledger.takenRejected(), ledger.takenRejectedBytes());
  }

  /** The line to echo: the state as received, with the statistics of its records. */
  static byte[] echoed(Pending state) {
    StateMessage message = state.message();
    if (message.hasStats()) {
      return replaceStats(message, state.stats());
    }
    byte[] line = message.line();
    byte[] stats = ((message.stateHasFields() ? "," : "") + statistics(state.stats()))
        .getBytes(StandardCharsets.US_ASCII);
    byte[] echo = new byte[line.length + stats.length];
    System.arraycopy(line, 0, echo, 0, message.stateEnd());
    System.arraycopy(stats, 0, echo, message.stateEnd(), stats.length);
    System.arraycopy(line, message.stateEnd(), echo, message.stateEnd() + stats.length,
        line.length - message.stateEnd());
    return echo;
  }

  /** The fields added to the {@code state} object, as JSON members. */
  private static String statistics(Stats stats) {
    return "\"destinationStats\":{\"recordCount\":" + stats.records() + ".0,\"rejectedRecordCount\":"
        + stats.rejected() + ".0,\"additionalStats\":{\"nulledValueCount\":" + stats.nulled()
        + ".0,\"truncatedValueCount\":" + stats.truncated() + ".0}},\"committedRecordsCount\":"
        + stats.committedRecords() + ",\"committedBytesCount\":" + stats.committedBytes();
  }

  /** The rare state that already has statistics: rewritten through a tree, which keeps every other field. */
  private static byte[] replaceStats(StateMessage message, Stats stats) {
    try {
      JsonNode root = JsonTrees.parse(message.line());
      ObjectNode state = (ObjectNode) root.get("state");
      STATISTICS.forEach(state::remove);
      ObjectNode added = (ObjectNode) JsonTrees.parse("{" + statistics(stats) + "}");
      state.setAll(added);
      ByteArrayOutputStream echo = new ByteArrayOutputStream(message.line().length + 200);
      try (JsonGenerator generator = JsonTrees.generator(echo)) {
        JsonTrees.writeTree(generator, root);
      }
      return echo.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

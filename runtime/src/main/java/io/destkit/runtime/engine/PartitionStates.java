package io.destkit.runtime.engine;

import io.destkit.runtime.write.StreamDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Speed mode's half of {@link Checkpoints}, which owns it (SPEED-MODE.md, "Checkpoints over several sockets"): records
 * and states of one checkpoint arrive on any socket in any order, so a state waits until every record of its
 * partition was read ({@code sourceStats.recordCount} of them) and every state before it in its sequence (by
 * {@code id}, from 1: one sequence per stream for STREAM states, one for the others) has left. From then on it is
 * like a state on standard input: it leaves once those records are with the writer, and is echoed after their commit.
 *
 * <p>Threads: reading side on the engine's thread; {@link #written} and {@link #withWritten} on the writer's.
 */
final class PartitionStates {
  /** The sequence of the states that are not STREAM states of a catalog stream. */
  private static final Object GLOBAL = new Object();

  /** A state waiting for its partition's records or for the states before it. */
  private static final class Waiting {
    final StateMessage state;
    final Object sequence;
    /** The record count after which all its records were read; -1 until then. */
    long readyAt = -1;

    Waiting(StateMessage state, Object sequence) {
      this.state = state;
      this.sequence = sequence;
    }
  }

  /** What was read of each partition whose state has not left yet. */
  private final Map<String, Checkpoints.Counter> partitions = new HashMap<>();
  private final Map<String, Waiting> byPartition = new HashMap<>();
  private final Map<Object, TreeMap<Long, Waiting>> sequences = new HashMap<>();
  private final Map<Object, Long> nextIds = new HashMap<>();
  /** Records and bytes committed per sequence up to its last state handed out. */
  private final Map<Object, long[]> committed = new HashMap<>();
  /** Writer side: per partition, {nulled, truncated, refused, refused bytes} the connector reported while writing. */
  private final Map<String, long[]> written = new HashMap<>();
  /** Writer side: per sequence, records and bytes refused while writing, up to the last state echoed. */
  private final Map<Object, long[]> refused = new HashMap<>();

  /** A record of {@code partition} was read; {@code recordsRead} counts it. */
  void recordRead(String partition, int size, long[] changes, long recordsRead) {
    Checkpoints.Counter counter = counter(partition);
    counter.add(size, changes);
    checkReady(partition, counter, recordsRead);
  }

  /** A record of {@code partition} was set aside while reading. */
  void recordRejected(String partition, int size, long recordsRead) {
    Checkpoints.Counter counter = counter(partition);
    counter.addRejected(size);
    checkReady(partition, counter, recordsRead);
  }

  private Checkpoints.Counter counter(String partition) {
    return partitions.computeIfAbsent(key(partition), key -> new Checkpoints.Counter());
  }

  /** A partition's key: the socket readers refuse a record without one, but a test's input may lack it. */
  private static String key(String partition) {
    return partition == null ? "" : partition;
  }

  /**
   * A state was read; {@code stream}: the catalog stream of a STREAM state, else null. Its speed-mode fields are
   * there (the socket reader checked).
   */
  void stateRead(StateMessage state, StreamDescriptor stream, long recordsRead) {
    Object sequence = stream != null ? stream : GLOBAL;
    Waiting waiting = new Waiting(state, sequence);
    sequences.computeIfAbsent(sequence, key -> new TreeMap<>()).put(state.checkpoint().id(), waiting);
    byPartition.put(state.checkpoint().partitionId(), waiting);
    String partition = state.checkpoint().partitionId();
    checkReady(partition, counter(partition), recordsRead);
  }

  /** Marks the state of {@code partition}, if one waits, ready once {@code counter} holds all its records. */
  private void checkReady(String partition, Checkpoints.Counter counter, long recordsRead) {
    Waiting waiting = byPartition.get(key(partition));
    if (waiting != null && waiting.readyAt < 0
        && counter.received() >= waiting.state.checkpoint().sourceRecordCount()) {
      waiting.readyAt = recordsRead;
    }
  }

  /** Whether a state may leave, given the oldest record not with the writer yet. */
  boolean hasCovered(long oldestBuffered) {
    for (Map.Entry<Object, TreeMap<Long, Waiting>> sequence : sequences.entrySet()) {
      if (leaves(sequence.getKey(), sequence.getValue(), oldestBuffered)) {
        return true;
      }
    }
    return false;
  }

  private boolean leaves(Object sequence, TreeMap<Long, Waiting> waiting, long oldestBuffered) {
    Waiting next = waiting.get(nextIds.getOrDefault(sequence, 1L));
    return next != null && next.readyAt >= 0 && next.readyAt <= oldestBuffered;
  }

  /** Takes the states that may leave, each sequence's in {@code id} order, with their statistics. */
  List<Checkpoints.Pending> takeCovered(long oldestBuffered) {
    List<Checkpoints.Pending> covered = new ArrayList<>();
    for (Map.Entry<Object, TreeMap<Long, Waiting>> entry : sequences.entrySet()) {
      Object sequence = entry.getKey();
      while (leaves(sequence, entry.getValue(), oldestBuffered)) {
        long id = nextIds.getOrDefault(sequence, 1L);
        Waiting state = entry.getValue().remove(id);
        nextIds.put(sequence, id + 1);
        String partition = state.state.checkpoint().partitionId();
        byPartition.remove(partition);
        Checkpoints.Counter counter = partitions.remove(partition);
        counter = counter == null ? new Checkpoints.Counter() : counter;
        long[] total = committed.computeIfAbsent(sequence, key -> new long[2]);
        Checkpoints.Stats stats = counter.take();
        total[0] += stats.committedRecords();
        total[1] += stats.committedBytes();
        covered.add(new Checkpoints.Pending(state.state, state.readyAt, new Checkpoints.Stats(stats.records(),
            stats.rejected(), stats.nulled(), stats.truncated(), total[0], total[1])));
      }
    }
    return covered;
  }

  /** What the connector reported while writing {@code batch}, whose records are of {@code partitionOf}. */
  void written(String[] partitionOf, long[][] counts) {
    for (int index = 0; index < counts.length; index++) {
      if (counts[index] != null) {
        long[] sums = written.computeIfAbsent(key(partitionOf[index]), key -> new long[4]);
        for (int i = 0; i < 4; i++) {
          sums[i] += counts[index][i];
        }
      }
    }
  }

  /** The state with what the connector changed or refused while writing its partition's records. */
  Checkpoints.Pending withWritten(Checkpoints.Pending state, boolean ownStream) {
    long[] sums = written.remove(state.message().checkpoint().partitionId());
    if (sums == null) {
      return state;
    }
    Object sequence = ownStream ? state.message().stream() : GLOBAL;
    long[] refusedSoFar = refused.computeIfAbsent(sequence, key -> new long[2]);
    refusedSoFar[0] += sums[2];
    refusedSoFar[1] += sums[3];
    return state.plusWritten(new long[] {sums[0], sums[1], sums[2]}, refusedSoFar[0], refusedSoFar[1]);
  }
}

package io.destkit.runtime.engine;

import io.destkit.runtime.write.StreamDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * A STATE message as read from the input, made where its bytes are: the bytes exactly as received (echoed as they
 * are, with statistics added), where its {@code state} object ends, and what it checkpoints.
 *
 * @param line the message's bytes
 * @param stateEnd offset in {@code line} of the closing brace of the {@code state} object
 * @param stateHasFields whether the {@code state} object has any field (a comma is then needed before one we add)
 * @param hasStats whether it already carries a field the echo sets ({@code destinationStats}, the committed counts),
 *     which the echo then replaces
 * @param scope which records it checkpoints
 * @param stream for a STREAM state, its stream; null otherwise (or when the state names none)
 * @param checkpoint what speed mode adds to a state to reconcile it across sockets; null on stdin, or when the state
 *     has none of it
 */
public record StateMessage(byte[] line, int stateEnd, boolean stateHasFields, boolean hasStats, Scope scope,
    StreamDescriptor stream, Checkpoint checkpoint) {
  /** A state without speed mode's checkpoint fields. */
  public StateMessage(byte[] line, int stateEnd, boolean stateHasFields, boolean hasStats, Scope scope,
      StreamDescriptor stream) {
    this(line, stateEnd, stateHasFields, hasStats, scope, stream, null);
  }

  /**
   * Speed mode's fields of a state (SPEED-MODE.md, "Checkpoints over several sockets"), each null when absent.
   *
   * @param partitionId {@code partition_id}: the partition whose records the state checkpoints
   * @param id {@code id}: the state's place in its sequence (per stream for STREAM states, one for the others), from 1
   * @param sourceRecordCount {@code sourceStats.recordCount}: how many records of the partition the source sent
   */
  public record Checkpoint(String partitionId, Long id, Long sourceRecordCount) {
    /** What of the three is missing, for an error; empty when none is. */
    public String missing() {
      List<String> missing = new ArrayList<>();
      if (partitionId == null) {
        missing.add("partition_id");
      }
      if (id == null) {
        missing.add("id");
      }
      if (sourceRecordCount == null) {
        missing.add("sourceStats.recordCount");
      }
      return String.join(", ", missing);
    }
  }

  /** What a state checkpoints: the records of one stream, or of every stream. */
  public enum Scope {
    STREAM, GLOBAL, LEGACY;

    /** The scope of a state whose {@code type} is {@code type}; LEGACY when it has none or one we do not know. */
    static Scope of(String type) {
      if ("STREAM".equals(type)) {
        return STREAM;
      }
      return "GLOBAL".equals(type) ? GLOBAL : LEGACY;
    }
  }
}

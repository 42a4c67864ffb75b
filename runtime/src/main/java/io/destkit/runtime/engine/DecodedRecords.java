package io.destkit.runtime.engine;

import io.destkit.runtime.error.FailureType;
import io.destkit.runtime.error.InputException;
import io.destkit.runtime.types.MetaChange;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What both readers of records ({@link MessageDecoder} for JSON lines, {@link ProtobufReader} for speed mode's frames)
 * make of a decoded record the same way: its raw id, its changes, and why a key or cursor value that does not fit
 * refuses it.
 */
final class DecodedRecords {
  private DecodedRecords() {}

  /** A record's changes: the source's first, then those decoding made ({@code decoded}, copied: it is reused). */
  static List<MetaChange> changes(List<MetaChange> source, List<MetaChange> decoded) {
    if (source.isEmpty() && decoded.isEmpty()) {
      return List.of();
    }
    List<MetaChange> changes = new ArrayList<>(source.size() + decoded.size());
    changes.addAll(source);
    changes.addAll(decoded);
    return changes;
  }

  /** Why a record whose key or cursor value {@code misfit} nulled is set aside. */
  static String misfitReason(MetaChange misfit) {
    return "the value of its primary key or cursor field '" + misfit.field() + "' does not fit the field's type ("
        + misfit.reason().protocolValue() + ")";
  }

  /** The failure of a record whose key or cursor value {@code misfit} nulled, found at {@code where}. */
  static InputException misfitKey(StreamPlan plan, MetaChange misfit, String where) {
    return new InputException(where, misfitProblem(plan, misfit), FailureType.CONFIG);
  }

  /** The same, for the record on input line {@code line}. */
  static InputException misfitKey(StreamPlan plan, MetaChange misfit, long line) {
    return new InputException(line, misfitProblem(plan, misfit), FailureType.CONFIG);
  }

  private static String misfitProblem(StreamPlan plan, MetaChange misfit) {
    // CONTRACT: primary key and cursor are never nulled: without them rows cannot be told apart or ordered.
    return "record of stream " + plan.stream().descriptor() + " has a value of its"
        + " primary key or cursor field '" + misfit.field() + "' that does not fit the field's type ("
        + misfit.reason().protocolValue() + "); these are never nulled. Fix the value at the source, or choose"
        + " another primary key or cursor.";
  }

  /** A random (version 4) UUID from a fast, non-cryptographic source: ids need to be unique, not secret. */
  static UUID randomUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least);
  }
}

package io.destkit.runtime.write;

import io.destkit.runtime.types.MetaChange;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a connector tells the runtime about the records of one batch as it writes them: the values it changed on the
 * way into the target (a value nulled because it was too large, text cleaned of what the target cannot hold, a number
 * rounded), so that the states echoed after the batch count them ({@code additionalStats.nulledValueCount},
 * {@code truncatedValueCount}), and the records the target refused ({@link #rejected}). Reporting a record again replaces what was reported for it, so a connector that writes
 * a batch twice (after a lost connection, say) counts each change once.
 *
 * <p>Used on the writer thread only, during the {@code @OnRecords} call of its batch.
 */
public final class WriteReport {
  private final Map<Integer, List<MetaChange>> changes = new TreeMap<>();
  private final Map<Integer, String> rejections = new TreeMap<>();

  /** A fresh report, for a batch a connector makes itself. */
  public WriteReport() {}

  /**
   * The changes writing record {@code index} of the batch made to its values, beyond those it arrived with; an empty
   * list clears what was reported for it.
   */
  public void changed(int index, List<MetaChange> written) {
    if (written.isEmpty()) {
      changes.remove(index);
    } else {
      changes.put(index, List.copyOf(written));
    }
  }

  /** The changes reported, by record index, in index order. */
  public Map<Integer, List<MetaChange>> changes() {
    return Collections.unmodifiableMap(changes);
  }

  /**
   * The target refused record {@code index} ({@code reason}, for a person: what was wrong, never the value): it was not
   * loaded. With the rejected-records option on, the runtime sets it aside and counts it in
   * {@code rejectedRecordCount}; without it, the sync fails naming the record's stream, input line and reason, as it
   * would had the connector thrown. Rejecting the same record again replaces the reason.
   */
  public void rejected(int index, String reason) {
    rejections.put(index, java.util.Objects.requireNonNull(reason, "reason"));
  }

  /** The records reported refused, by index, in index order, with their reasons. */
  public Map<Integer, String> rejections() {
    return Collections.unmodifiableMap(rejections);
  }

  /** Whether nothing was reported. */
  public boolean isEmpty() {
    return changes.isEmpty() && rejections.isEmpty();
  }
}

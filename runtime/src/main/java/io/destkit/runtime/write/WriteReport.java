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
 * {@code truncatedValueCount}). Reporting a record again replaces what was reported for it, so a connector that writes
 * a batch twice (after a lost connection, say) counts each change once.
 *
 * <p>Used on the writer thread only, during the {@code @OnRecords} call of its batch.
 */
public final class WriteReport {
  private final Map<Integer, List<MetaChange>> changes = new TreeMap<>();

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

  /** Whether nothing was reported. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }
}

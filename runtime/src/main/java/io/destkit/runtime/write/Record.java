package io.destkit.runtime.write;

import io.destkit.runtime.types.MetaChange;
import java.util.List;
import java.util.UUID;

/**
 * One record, decoded: a value per column of its stream (in {@link StreamContext#columns()} order; null where the
 * record has no such field or its value did not fit), when it was extracted, and the changes made to it on the way
 * (by the source, and values the runtime nulled).
 *
 * @param rawId a new random id for {@code _airbyte_raw_id}
 * @param emittedAt the record's {@code emitted_at}, epoch milliseconds
 * @param values the column values: String, Boolean, Long, BigDecimal, java.time values, byte[] or RawJson; empty
 *     for a typed stream
 * @param typed for a typed stream, the record class instance its generated codec decoded; null otherwise
 * @param changes the meta changes, source-side first; empty when there are none
 * @param size the record's size on the wire, in bytes
 * @param file the staged file the record describes ({@code file_reference}, for a stream with {@code include_files});
 *     null when it carries none. {@link RecordBatch#file(int)} opens it, checked
 */
public record Record(UUID rawId, long emittedAt, Object[] values, Object typed, List<MetaChange> changes, int size,
    FileReference file) {
  /** A record without a file. */
  public Record(UUID rawId, long emittedAt, Object[] values, Object typed, List<MetaChange> changes, int size) {
    this(rawId, emittedAt, values, typed, changes, size, null);
  }

  /** The value of column {@code index}. */
  public Object value(int index) {
    return values[index];
  }
}

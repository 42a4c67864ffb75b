package io.destkit.runtime.write;

import io.destkit.runtime.error.FileTransferException;
import io.destkit.runtime.files.StagedFile;
import io.destkit.runtime.types.MetaChange;
import java.util.List;
import java.util.Optional;

/**
 * Records of a typed stream for one call of an {@code @OnRecords} method, with what each came with: its id, when it
 * was extracted, its meta changes. Take this instead of {@code List<T>} when the destination stores those too.
 *
 * @param <T> the stream's generated record class
 */
public final class TypedBatch<T> {
  private final RecordBatch batch;
  private final List<T> records;

  TypedBatch(RecordBatch batch, Class<T> recordClass) {
    this.batch = batch;
    this.records = batch.typed(recordClass);
  }

  /** The stream the records belong to. */
  public StreamContext stream() {
    return batch.stream();
  }

  /** The typed records, in the order they arrived. */
  public List<T> records() {
    return records;
  }

  /** The {@code index}-th record as the runtime received it: id, extraction time, meta changes. */
  public Record meta(int index) {
    return batch.records().get(index);
  }

  /**
   * Tells the runtime that writing record {@code index} changed its values beyond the changes it arrived with, for the
   * state statistics (see {@link RecordBatch#changed}).
   */
  public void changed(int index, List<MetaChange> written) {
    batch.changed(index, written);
  }

  /** The staged file record {@code index} describes, checked; empty when it has none (see {@link RecordBatch#file}). */
  public Optional<StagedFile> file(int index) throws FileTransferException {
    return batch.file(index);
  }

  /** The target refused record {@code index}: see {@link RecordBatch#rejected}. */
  public void rejected(int index, String reason) {
    batch.rejected(index, reason);
  }

  /** The report of this batch, for a connector that writes the records as a {@link RecordBatch} of its own. */
  public WriteReport report() {
    return batch.report();
  }

  /** How many records. */
  public int size() {
    return records.size();
  }
}

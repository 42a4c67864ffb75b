package io.destkit.runtime.write;

import io.destkit.runtime.error.FileTransferException;
import io.destkit.runtime.files.StagedFile;
import io.destkit.runtime.types.MetaChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records of one stream, in the order they arrived, for one call of an {@code @OnRecords} method, and the report the
 * connector may fill while writing them (see {@link #changed}).
 */
public record RecordBatch(StreamContext stream, List<Record> records, WriteReport report) {
  /** A batch with an empty report. */
  public RecordBatch(StreamContext stream, List<Record> records) {
    this(stream, records, new WriteReport());
  }

  /**
   * Tells the runtime that writing record {@code index} changed its values beyond the changes it arrived with
   * ({@code written}: e.g. a value nulled as too large for the target, text cleaned): the state statistics count them.
   * Reporting the same record again replaces the earlier report.
   */
  public void changed(int index, List<MetaChange> written) {
    if (index < 0 || index >= records.size()) {
      throw new IndexOutOfBoundsException("record " + index + " of a batch of " + records.size());
    }
    report.changed(index, written);
  }

  /**
   * The staged file record {@code index} describes, checked to exist with the size it declares; empty when the record
   * carries no {@code file_reference}. Records carry files only for a stream with {@code include_files}, which the
   * runtime gives only to an {@code @OnRecords(files = true)} method.
   */
  public Optional<StagedFile> file(int index) throws FileTransferException {
    FileReference reference = records.get(index).file();
    return reference == null ? Optional.empty() : Optional.of(StagedFile.open(stream.descriptor(), reference));
  }

  /**
   * Tells the runtime that the target refused record {@code index} and it was not loaded (see
   * {@link WriteReport#rejected}): with the rejected-records option on it is set aside and counted, else the sync
   * fails naming it. The other records of the batch are loaded as usual.
   */
  public void rejected(int index, String reason) {
    if (index < 0 || index >= records.size()) {
      throw new IndexOutOfBoundsException("record " + index + " of a batch of " + records.size());
    }
    report.rejected(index, reason);
  }

  /** The typed records of a typed stream, in order; each was decoded by the stream's generated codec. */
  public <T> List<T> typed(Class<T> recordClass) {
    List<T> typed = new ArrayList<>(records.size());
    for (Record record : records) {
      typed.add(recordClass.cast(record.typed()));
    }
    return typed;
  }

  /** The batch of a typed stream with each record's metadata. */
  public <T> TypedBatch<T> typedBatch(Class<T> recordClass) {
    return new TypedBatch<>(this, recordClass);
  }

  /** How many records. */
  public int size() {
    return records.size();
  }
}

package io.destkit.runtime.engine;

import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.StreamContext;

/**
 * The record a reader has just decoded, read in place: records are the hot path, so the decoder is reused rather
 * than a message object made per line. Valid until the reader reads the next message.
 */
public interface RecordCursor {
  /** The stream the record belongs to. */
  StreamContext stream();

  /** The record, with a new raw id. */
  Record record();

  /** Speed mode: the checkpoint partition the record belongs to ({@code partition_id}); null on stdin. */
  default String partition() {
    return null;
  }

  /** The input line the record came on, 1 for the first. */
  long line();
}

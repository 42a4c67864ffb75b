package io.destkit.sql.postgres;

import java.util.Arrays;
import java.util.UUID;

/**
 * COPY data being written: one byte array that grows as needed, which the writers ({@link PostgresCsv}, {@link
 * PostgresBinary}) fill in place and hand to the driver a chunk at a time. A row is written field by field in COPY's
 * column order ({@link PostgresCopy}), each format its way.
 */
abstract class CopyData {
  /** The data, from index 0 to {@link #length}; empty until written or given an array ({@link #writeInto}). */
  protected byte[] bytes = new byte[0];
  protected int length;

  /** The bytes written since the last {@link #clear()}. */
  final int length() {
    return length;
  }

  /** The array holding what was written, from index 0 to {@link #length()}; valid until the next write. */
  final byte[] bytes() {
    return bytes;
  }

  /**
   * Writes into {@code buffer} from now on (from its start), so that a writer made for each batch need not grow an
   * array of its own: {@link #bytes()} gives it back, perhaps grown, for the next.
   */
  final void writeInto(byte[] buffer) {
    bytes = buffer;
    length = 0;
  }

  /** Starts afresh, keeping the array. */
  final void clear() {
    length = 0;
  }

  /** What was written, in an array of its own; starts afresh. */
  final byte[] take() {
    byte[] taken = Arrays.copyOf(bytes, length);
    clear();
    return taken;
  }

  /** Makes room for {@code more} bytes after {@link #length}. */
  protected final void room(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

  /** What comes before the first row (the binary format's header). */
  abstract void startData();

  /** Starts a row of {@code fields} fields. */
  abstract void startRow(int fields);

  /** A {@code uuid} field. */
  abstract void uuid(UUID id);

  /** A {@code timestamptz} field of {@code epochMillis}. */
  abstract void extractedAt(long epochMillis);

  /** A {@code jsonb} field of JSON that JSONB accepts (see {@link JsonEscapes}). */
  abstract void meta(String json);

  /** A {@code bigint} field. */
  abstract void bigint(long value);

  /** The field of data column {@code index}: {@code value} in the form its column stores, or null. */
  abstract void column(int index, Object value);

  /** Ends the row. */
  abstract void endRow();

  /** What comes after the last row (the binary format's trailer). */
  abstract void endData();
}

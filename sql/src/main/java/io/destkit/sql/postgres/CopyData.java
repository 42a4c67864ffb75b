package io.destkit.sql.postgres;

import java.util.Arrays;

/**
 * COPY data being written: one byte array that grows as needed, which the writers ({@link PostgresCsv}, {@link
 * PostgresBinary}) fill in place and hand to the driver a chunk at a time.
 */
abstract class CopyData {
  /** The data, from index 0 to {@link #length}. */
  protected byte[] bytes = new byte[1 << 16];
  protected int length;

  /** The bytes written since the last {@link #clear()}. */
  final int length() {
    return length;
  }

  /** The array holding what was written, from index 0 to {@link #length()}; valid until the next write. */
  final byte[] bytes() {
    return bytes;
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
}

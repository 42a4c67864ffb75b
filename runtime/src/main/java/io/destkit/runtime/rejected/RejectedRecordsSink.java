package io.destkit.runtime.rejected;

import java.io.IOException;

/**
 * Where rejected records go: the SPI behind the rejected-records option. The runtime calls it on its writer thread
 * only, in order: {@link #write} for each record set aside, {@link #commit} before any state that counts them is
 * echoed (what was written must then survive a crash: a retry resumes after that state), and {@link #close} once, at
 * the end, when what was not committed may be dropped.
 *
 * <p>The runtime's own sink writes JSON Lines files ({@link RejectedRecordsFiles}); a connector that keeps them
 * elsewhere (a table, a bucket) writes a config type that implements {@link RejectedRecordsSettings} and returns its
 * own sink.
 */
public interface RejectedRecordsSink extends AutoCloseable {
  /** Keeps {@code record}; may buffer until {@link #commit}. */
  void write(RejectedRecord record) throws IOException;

  /** Makes every record written so far durable and visible. */
  void commit() throws IOException;

  @Override
  void close() throws IOException;
}

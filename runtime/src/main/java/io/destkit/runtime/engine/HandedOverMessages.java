package io.destkit.runtime.engine;

import io.destkit.runtime.rejected.RejectedRecord;
import io.destkit.runtime.write.StreamDescriptor;

/**
 * A source whose messages other threads decoded and handed over as {@link DecodedMessage}s ({@link SocketInputs},
 * {@link ParallelReader}): {@link #next} makes one of them {@link #current}, which the other methods read.
 */
abstract class HandedOverMessages implements MessageSource, AutoCloseable {
  /** The message {@link #next} last gave. */
  protected DecodedMessage current = DecodedMessage.OTHER;

  @Override
  public RecordCursor record() {
    return current;
  }

  @Override
  public RejectedRecord rejection() {
    return current.rejection();
  }

  @Override
  public final StateMessage state() {
    return current.state();
  }

  @Override
  public final StreamDescriptor completed() {
    return current.descriptor();
  }
}

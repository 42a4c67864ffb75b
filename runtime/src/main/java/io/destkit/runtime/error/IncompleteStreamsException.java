package io.destkit.runtime.error;

import java.util.List;

/**
 * The input ended before some streams of the catalog completed: no STREAM_STATUS COMPLETE came for them, or an
 * INCOMPLETE did. What arrived was committed and its states echoed, so a retry resumes from them; an overwrite or a
 * truncate refresh of those streams was not finalized. A {@code system_error}: the source or the platform stopped
 * early, which the user cannot fix in the destination's config.
 */
public final class IncompleteStreamsException extends DestinationException {
  private static final long serialVersionUID = 1L;

  private final List<String> streams;

  /** {@code streams}: each stream that did not complete, as people read it, with why (no status, INCOMPLETE). */
  public IncompleteStreamsException(List<String> streams) {
    super("The input ended before " + (streams.size() == 1 ? "stream " : streams.size() + " streams ")
        + String.join(", ", streams) + " completed. The records received were committed and their states echoed,"
        + " so the next sync resumes from them; an overwrite or truncate refresh of "
        + (streams.size() == 1 ? "this stream" : "these streams") + " was not applied and the previous data stays"
        + " as it was.", null);
    this.streams = List.copyOf(streams);
  }

  /** The streams that did not complete, as the message names them. */
  public List<String> streams() {
    return streams;
  }

  @Override
  public FailureType failureType() {
    return FailureType.SYSTEM;
  }
}

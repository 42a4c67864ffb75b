package io.destkit.runtime.error;

import java.util.ArrayList;
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

  /**
   * {@code noComplete}: the streams (as people read them, {@code namespace.name}) that sent no STREAM_STATUS
   * COMPLETE; {@code incomplete}: those that sent INCOMPLETE. At least one stream in all.
   */
  public IncompleteStreamsException(List<String> noComplete, List<String> incomplete) {
    super(message(noComplete, incomplete), null);
    List<String> all = new ArrayList<>(noComplete);
    all.addAll(incomplete);
    this.streams = List.copyOf(all);
  }

  private static String message(List<String> noComplete, List<String> incomplete) {
    List<String> parts = new ArrayList<>();
    if (!noComplete.isEmpty()) {
      parts.add(String.join(", ", noComplete) + " (no STREAM_STATUS COMPLETE)");
    }
    if (!incomplete.isEmpty()) {
      parts.add(String.join(", ", incomplete) + " (STREAM_STATUS INCOMPLETE)");
    }
    int count = noComplete.size() + incomplete.size();
    return "The input ended before " + (count == 1 ? "stream " : count + " streams ") + String.join(" and ", parts)
        + " completed. The records received were committed and their states echoed, so the next sync resumes from"
        + " them; an overwrite or truncate refresh of " + (count == 1 ? "this stream" : "these streams")
        + " was not applied and the previous data stays as it was.";
  }

  /** The streams that did not complete, those without COMPLETE first, in catalog order. */
  public List<String> streams() {
    return streams;
  }

  @Override
  public FailureType failureType() {
    return FailureType.SYSTEM;
  }
}

package io.destkit.runtime.engine;

import io.destkit.runtime.error.IncompleteStreamsException;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.StreamDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The STREAM_STATUS messages of a write: which streams of the catalog said COMPLETE, which said INCOMPLETE (and stay
 * so), and the check at the end of the input that every stream completed.
 */
final class StreamStatuses {
  private final Catalog catalog;
  private final Set<StreamDescriptor> completed = new HashSet<>();
  private final Set<StreamDescriptor> incomplete = new HashSet<>();

  StreamStatuses(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * A COMPLETE of {@code stream}, a stream of the catalog: true when it completes the stream now (its first, and the
   * stream never said INCOMPLETE: its overwrite or refresh is not applied on a later COMPLETE).
   */
  boolean complete(StreamDescriptor stream) {
    return !incomplete.contains(stream) && completed.add(stream);
  }

  /** An INCOMPLETE of {@code stream}, a stream of the catalog: the source gave up on it, unless it completed. */
  void incomplete(StreamDescriptor stream) {
    if (!completed.contains(stream)) {
      incomplete.add(stream);
    }
  }

  /**
   * At the end of an input read without error: every stream of the catalog must have completed. Those that did not
   * (no COMPLETE, or INCOMPLETE) fail the sync, after their records were committed and their states echoed.
   */
  void requireCompleted() throws IncompleteStreamsException {
    List<String> noComplete = new ArrayList<>();
    List<String> saidIncomplete = new ArrayList<>();
    for (StreamContext stream : catalog.streams()) {
      StreamDescriptor descriptor = stream.descriptor();
      if (incomplete.contains(descriptor)) {
        saidIncomplete.add(descriptor.toString());
      } else if (!completed.contains(descriptor)) {
        noComplete.add(descriptor.toString());
      }
    }
    if (!noComplete.isEmpty() || !saidIncomplete.isEmpty()) {
      throw new IncompleteStreamsException(noComplete, saidIncomplete);
    }
  }
}

package io.destkit.bench;

import io.destkit.annotations.Destination;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.annotations.OnClose;
import io.destkit.annotations.OnRecords;
import io.destkit.annotations.Stream;
import io.destkit.runtime.write.RecordBatch;
import java.util.List;

/**
 * Decodes every record and discards it, as the platform's dev-null destination does: the stream {@code events} through
 * its generated codec, every other stream through the runtime's plan. What the benchmarks measure is decoding alone.
 */
@Destination(name = "destination-devnull", title = "Dev null (decodes and discards records)",
    documentationUrl = "https://github.com/destkit/destkit/tree/main/bench", config = DevNullConfig.class)
@Stream(name = "events", type = "Event")
public class DevNullDestination {
  /** Records seen, so that nothing is optimized away. */
  long seen;
  private long typed;
  private long idSum;
  private long extraFields;
  private long nullTimestamps;

  @OnRecords(stream = "events", modes = {DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE})
  void events(List<Event> batch) {
    seen += batch.size();
    for (Event event : batch) {
      typed++;
      idSum += event.getId() == null ? 0 : event.getId();
      extraFields += event.getAdditionalProperties().size();
      nullTimestamps += event.getAt() == null ? 1 : 0;
    }
  }

  /** Tells on standard error what the typed stream held: what end-to-end tests check. */
  @OnClose
  void close() {
    if (typed > 0) {
      System.err.println("typed events: " + typed + ", id sum: " + idSum + ", extra fields: " + extraFields
          + ", null timestamps: " + nullTimestamps);
    }
  }

  @OnRecords(modes = {DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE})
  void anyStream(RecordBatch batch) {
    seen += batch.size();
  }
}

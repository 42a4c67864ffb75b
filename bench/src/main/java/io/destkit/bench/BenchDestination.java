package io.destkit.bench;

import io.destkit.annotations.Destination;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.annotations.OnRecords;
import io.destkit.annotations.Stream;
import io.destkit.runtime.write.RecordBatch;
import java.util.List;

/**
 * Decodes every record and discards it, as the platform's dev-null destination does: the stream {@code events} through
 * its generated codec, every other stream through the runtime's plan. What the benchmarks measure is decoding alone.
 */
@Destination(name = "destination-destkit-bench", title = "destkit benchmark (discards records)",
    documentationUrl = "https://github.com/destkit/destkit/tree/main/bench", config = BenchConfig.class)
@Stream(name = "events", type = "Event")
public class BenchDestination {
  /** Records seen, so that nothing is optimized away. */
  long seen;

  @OnRecords(stream = "events", modes = {DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE})
  void events(List<Event> batch) {
    seen += batch.size();
  }

  @OnRecords(modes = {DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE})
  void anyStream(RecordBatch batch) {
    seen += batch.size();
  }
}

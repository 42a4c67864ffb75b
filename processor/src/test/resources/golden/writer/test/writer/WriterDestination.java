package test.writer;

import io.destkit.annotations.Destination;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.annotations.OnClose;
import io.destkit.annotations.OnCommit;
import io.destkit.annotations.OnRecords;
import io.destkit.annotations.OnStreamComplete;
import io.destkit.annotations.OnStreamStart;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import java.util.ArrayList;
import java.util.List;

@Destination(name = "destination-writer", documentationUrl = "https://example.com/docs/writer",
    config = WriterConfig.class)
public class WriterDestination {
  final WriterConfig config;
  public final List<String> calls = new ArrayList<>();

  public WriterDestination(WriterConfig config) {
    this.config = config;
  }

  @OnStreamStart
  void start(StreamContext stream) {
    calls.add("start " + stream.name());
  }

  @OnRecords(modes = {DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE})
  void anyStream(RecordBatch batch) {
    calls.add("any " + batch.stream().name());
  }

  @OnRecords(stream = "users", modes = DestinationSyncMode.APPEND_DEDUP)
  void users(RecordBatch batch) throws java.io.IOException {
    calls.add("users " + batch.size());
  }

  @OnRecords(stream = "events", namespace = "audit", modes = {DestinationSyncMode.APPEND}, files = true)
  static void auditEvents(RecordBatch batch) {
  }

  @OnCommit
  void commit() {
    calls.add("commit");
  }

  @OnStreamComplete
  void complete(StreamContext stream) {
    calls.add("complete " + stream.name());
  }

  @OnClose
  void close() {
    calls.add("close");
  }
}

#set( $destinationName = $artifactId.toLowerCase().replaceAll('[^a-z0-9]+', '-').replaceAll('^-|-$', '') )
package ${package};

import io.destkit.annotations.Check;
import io.destkit.annotations.Destination;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.annotations.OnRecords;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordBatch;
import java.util.List;

/**
 * POSTs the records of every stream to an HTTP API ({@link RecordsApi}), in requests of the configured size. A
 * request the API accepted (2xx) is durable: the runtime echoes a state once every record before it was accepted.
 * Only {@code append}: an API of records has no way to replace what it was sent before.
 */
@Destination(name = "${destinationName}", title = "${connectorName}",
    documentationUrl = "https://example.com/docs/${destinationName}", config = ${connectorName}Config.class)
public class ${connectorName}Destination {
  private final ${connectorName}Config config;
  private final RecordsApi api;

  public ${connectorName}Destination(${connectorName}Config config) {
    this.config = config;
    this.api = new RecordsApi(config);
  }

  /** The API takes a request with this token. */
  @Check
  void check(${connectorName}Config config) throws Exception {
    api.postNothing();
  }

  @OnRecords(modes = DestinationSyncMode.APPEND)
  void write(RecordBatch batch) throws Exception {
    List<Record> records = batch.records();
    for (int from = 0; from < records.size(); from += config.batchSize()) {
      api.post(batch.stream(), records.subList(from, Math.min(records.size(), from + config.batchSize())));
    }
  }
}

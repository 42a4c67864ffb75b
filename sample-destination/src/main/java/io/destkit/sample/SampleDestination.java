package io.destkit.sample;

import io.destkit.annotations.Check;
import io.destkit.annotations.Destination;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.annotations.OnClose;
import io.destkit.annotations.OnCommit;
import io.destkit.annotations.OnRecords;
import io.destkit.annotations.OnStreamComplete;
import io.destkit.annotations.OnStreamStart;
import io.destkit.annotations.Stream;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.TypedBatch;
import io.destkit.sql.SqlWarehouse;

/**
 * A SQL warehouse destination: SQLite by default, PostgreSQL at speed (COPY), DuckDB (its appender). Appends,
 * overwrites (a staging table swapped in when the stream completes), deduplicates by primary key, and honours truncate
 * refreshes. What differs by engine is told in {@link Engines}.
 */
@Destination(name = "destination-destkit-sample", title = "SQL warehouse (destkit sample)",
    documentationUrl = "https://github.com/destkit/destkit/tree/main/sample-destination",
    config = SampleConfig.class)
@Stream(name = "exchange_rates", type = "ExchangeRate")
public class SampleDestination {
  private final SampleConfig config;
  private SqlWarehouse warehouse;

  public SampleDestination(SampleConfig config) {
    this.config = config;
  }

  /** Connects to the configured database and proves that tables can be created, written and dropped. */
  @Check
  void check(SampleConfig config) throws Exception {
    Engines.of(config.database()).check().run();
  }

  /**
   * Opens the database on the first stream (PostgreSQL retries every step through outages, connecting included;
   * DuckDB waits a while for a file another program holds), then creates or widens the stream's tables.
   */
  @OnStreamStart
  void start(StreamContext stream) throws Exception {
    if (warehouse == null) {
      warehouse = Engines.of(config.database()).openWarehouse();
    }
    warehouse.prepare(stream);
  }

  @OnRecords(modes = {DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND_DEDUP})
  void write(RecordBatch batch) throws Exception {
    warehouse.load(batch);
  }

  /**
   * The typed example stream: its records arrive as {@link ExchangeRate} objects decoded by the generated codec, and
   * land in the same kind of table as any other stream.
   */
  @OnRecords(stream = "exchange_rates",
      modes = {DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND_DEDUP})
  void exchangeRates(TypedBatch<ExchangeRate> batch) throws Exception {
    warehouse.load(ExchangeRateRows.rows(batch));
  }

  @OnCommit
  void commit() throws Exception {
    warehouse.commit();
  }

  /** Swaps an overwritten stream's staging table in, which also removes older generations on a truncate refresh. */
  @OnStreamComplete
  void complete(StreamContext stream) throws Exception {
    warehouse.complete(stream);
  }

  @OnClose
  void close() throws Exception {
    if (warehouse != null) {
      warehouse.close();
    }
  }
}

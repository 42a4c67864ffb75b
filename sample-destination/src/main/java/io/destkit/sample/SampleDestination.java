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
import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.retry.RetryPolicy;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.TypedBatch;
import io.destkit.sample.jdbc.JdbcConnections;
import io.destkit.sample.postgres.PostgresConnector;
import io.destkit.sample.postgres.PostgresWarehouse;
import io.destkit.sample.sqlite.SqliteDialect;
import io.destkit.sql.JdbcWarehouse;
import io.destkit.sql.SqlWarehouse;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A SQL warehouse destination: SQLite by default, PostgreSQL at speed (COPY). Appends, overwrites (a staging table
 * swapped in when the stream completes), deduplicates by primary key, and honours truncate refreshes.
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
    ConnectionCheck.forDatabase(config.database()).run();
  }

  /** Opens the database on the first stream, then creates or widens the stream's tables. */
  @OnStreamStart
  void start(StreamContext stream) throws Exception {
    if (warehouse == null) {
      warehouse = open();
    }
    warehouse.prepare(stream);
  }

  /** The configured warehouse; for PostgreSQL every step, connecting included, is retried through outages. */
  private SqlWarehouse open() throws Exception {
    SampleConfig.Database database = config.database();
    if (database instanceof SampleConfig.Postgres postgres) {
      return new PostgresWarehouse(new PostgresConnector(postgres), postgres.schema(), RetryPolicy.defaults());
    }
    SampleConfig.Sqlite sqlite = (SampleConfig.Sqlite) database;
    Connection connection;
    try {
      connection = JdbcConnections.open(database);
    } catch (SQLException e) {
      throw new ConfigException("Cannot open the SQLite file " + sqlite.path() + ": " + e.getMessage()
          + ". Check that its folder exists and can be written.", e);
    }
    return new JdbcWarehouse(new SqliteDialect(sqlite.path()), connection, null);
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

package io.destkit.sample;

import io.destkit.annotations.Check;
import io.destkit.annotations.Destination;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.annotations.OnClose;
import io.destkit.annotations.OnCommit;
import io.destkit.annotations.OnRecords;
import io.destkit.annotations.OnStreamStart;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import io.destkit.sample.jdbc.JdbcConnections;
import io.destkit.sample.sql.PostgresDialect;
import io.destkit.sample.sql.SqlWarehouse;
import io.destkit.sample.sql.SqliteDialect;

/** A SQL warehouse destination: SQLite by default, PostgreSQL at speed. */
@Destination(name = "destination-destkit-sample", title = "SQL warehouse (destkit sample)",
    documentationUrl = "https://github.com/destkit/destkit/tree/main/sample-destination",
    config = SampleConfig.class)
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

  /** Opens the database on the first stream, then creates or widens the stream's table. */
  @OnStreamStart
  void start(StreamContext stream) throws Exception {
    if (warehouse == null) {
      SampleConfig.Database database = config.database();
      warehouse = database instanceof SampleConfig.Postgres postgres
          ? new SqlWarehouse(JdbcConnections.open(database), new PostgresDialect(), postgres.schema())
          : new SqlWarehouse(JdbcConnections.open(database), new SqliteDialect(), null);
    }
    warehouse.prepare(stream);
  }

  @OnRecords(modes = DestinationSyncMode.APPEND)
  void write(RecordBatch batch) throws Exception {
    warehouse.insert(batch);
  }

  @OnCommit
  void commit() throws Exception {
    warehouse.commit();
  }

  @OnClose
  void close() throws Exception {
    if (warehouse != null) {
      warehouse.close();
    }
  }
}

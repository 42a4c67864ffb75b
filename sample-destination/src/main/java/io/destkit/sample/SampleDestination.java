package io.destkit.sample;

import io.destkit.annotations.Check;
import io.destkit.annotations.Destination;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.annotations.OnClose;
import io.destkit.annotations.OnCommit;
import io.destkit.annotations.OnRecords;
import io.destkit.annotations.OnStreamStart;
import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.retry.RetryPolicy;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import io.destkit.sample.jdbc.JdbcConnections;
import io.destkit.sample.jdbc.PostgresErrors;
import io.destkit.sample.sql.PostgresDialect;
import io.destkit.sample.sql.SqlWarehouse;
import io.destkit.sample.sql.SqliteDialect;
import java.sql.SQLException;

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
      warehouse = RetryPolicy.defaults().call("Connecting to the database", this::open);
    }
    warehouse.prepare(stream);
  }

  /** A connection to the configured database; an outage is transient (retried), a wrong setting a config error. */
  private SqlWarehouse open() throws Exception {
    SampleConfig.Database database = config.database();
    if (database instanceof SampleConfig.Postgres postgres) {
      try {
        return new SqlWarehouse(JdbcConnections.open(database), new PostgresDialect(), postgres.schema());
      } catch (SQLException e) {
        throw PostgresErrors.connectFailure(postgres, e);
      }
    }
    SampleConfig.Sqlite sqlite = (SampleConfig.Sqlite) database;
    try {
      return new SqlWarehouse(JdbcConnections.open(database), new SqliteDialect(), null);
    } catch (SQLException e) {
      throw new ConfigException("Cannot open the SQLite file " + sqlite.path() + ": " + e.getMessage()
          + ". Check that its folder exists and can be written.", e);
    }
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

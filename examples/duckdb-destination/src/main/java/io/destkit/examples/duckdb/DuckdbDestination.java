package io.destkit.examples.duckdb;

import io.destkit.annotations.Check;
import io.destkit.annotations.Destination;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.annotations.OnClose;
import io.destkit.annotations.OnCommit;
import io.destkit.annotations.OnRecords;
import io.destkit.annotations.OnStreamComplete;
import io.destkit.annotations.OnStreamStart;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import io.destkit.sql.JdbcWarehouse;
import io.destkit.sql.duckdb.DuckdbEngine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Every stream into a table of a DuckDB file, in every mode, through destkit-sql: the jdbc archetype's destination
 * with DuckDB's engine (which loads with DuckDB's appender).
 */
@Destination(name = "destination-duckdb-example", documentationUrl = "https://example.com/docs/duckdb",
    config = DuckdbConfig.class)
public class DuckdbDestination {
  private final DuckdbConfig config;
  private JdbcWarehouse warehouse;

  public DuckdbDestination(DuckdbConfig config) {
    this.config = config;
  }

  /** Opens the file and creates, fills and drops a table. */
  @Check
  void check(DuckdbConfig config) throws Exception {
    DuckdbEngine engine = new DuckdbEngine(config.path());
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + config.path());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE \"_airbyte_check\" (id INTEGER)");
      statement.execute("INSERT INTO \"_airbyte_check\" VALUES (1)");
      statement.execute("DROP TABLE \"_airbyte_check\"");
    } catch (SQLException e) {
      throw engine.failure("create, write and drop a table", e);
    }
  }

  @OnStreamStart
  void start(StreamContext stream) throws Exception {
    if (warehouse == null) {
      DuckdbEngine engine = new DuckdbEngine(config.path());
      try {
        warehouse = new JdbcWarehouse(engine, DriverManager.getConnection("jdbc:duckdb:" + config.path()),
            DuckdbEngine.DEFAULT_SCHEMA);
      } catch (SQLException e) {
        throw engine.failure("open the file", e);
      }
    }
    warehouse.prepare(stream);
  }

  @OnRecords(modes = {DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND_DEDUP})
  void write(RecordBatch batch) throws Exception {
    warehouse.load(batch);
  }

  @OnCommit
  void commit() throws Exception {
    warehouse.commit();
  }

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

#set( $destinationName = $artifactId.toLowerCase().replaceAll('[^a-z0-9]+', '-').replaceAll('^-|-$', '') )
package ${package};

import io.destkit.annotations.Check;
import io.destkit.annotations.Destination;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.annotations.OnClose;
import io.destkit.annotations.OnCommit;
import io.destkit.annotations.OnRecords;
import io.destkit.annotations.OnStreamComplete;
import io.destkit.annotations.OnStreamStart;
import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import io.destkit.sql.JdbcWarehouse;
import io.destkit.sql.SqlEngine;
import io.destkit.sql.SqlIdentifiers;
import io.destkit.sql.sqlite.SqliteEngine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Writes every stream into a table of its own through destkit-sql: typed columns for the fields of its schema beside
 * Airbyte's {@code _airbyte_raw_id}, {@code _airbyte_extracted_at}, {@code _airbyte_meta} and
 * {@code _airbyte_generation_id}; {@code append}, {@code overwrite} and truncate refreshes (a staging table swapped in
 * when the stream completes), {@code append_dedup} (merged by primary key at each commit: the newest cursor wins,
 * {@code _ab_cdc_deleted_at} deletes), new columns and type widening when a schema changes. All writes go through one
 * connection in one open transaction: the runtime echoes a state once {@link #commit()} has committed the records
 * before it.
 *
 * <p>What differs between databases is the {@link SqlEngine}: {@link #engine} picks it from the JDBC URL. SQLite's
 * comes with destkit-sql; for another database, add its driver and an engine (see the README).
 */
@Destination(name = "${destinationName}", title = "${connectorName}",
    documentationUrl = "https://example.com/docs/${destinationName}", config = ${connectorName}Config.class)
public class ${connectorName}Destination {
  private final ${connectorName}Config config;
  private JdbcWarehouse warehouse;

  public ${connectorName}Destination(${connectorName}Config config) {
    this.config = config;
  }

  /** The engine of the database the URL names; a database without one is the user's to fix. */
  static SqlEngine engine(String jdbcUrl) throws ConfigException {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return new SqliteEngine(jdbcUrl.substring("jdbc:sqlite:".length()));
    }
    String prefix = jdbcUrl.substring(0, jdbcUrl.indexOf(':', "jdbc:".length()) + 1);
    throw new ConfigException("No SQL engine for " + prefix + " URLs in this connector: use jdbc:sqlite:FILE, or add"
        + " the database's driver and an SqlEngine for it.");
  }

  /** Connects, then creates, fills and drops a table, as a sync would. */
  @Check
  void check(${connectorName}Config config) throws Exception {
    String probe = SqlIdentifiers.quote("_airbyte_check_" + UUID.randomUUID().toString().replace("-", ""));
    SqlEngine engine = engine(config.jdbcUrl());
    try (Connection connection = connect(engine); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + probe + " (id INTEGER)");
      statement.execute("INSERT INTO " + probe + " VALUES (1)");
      statement.execute("DROP TABLE " + probe);
    } catch (SQLException e) {
      throw engine.failure("create, write and drop a table", e);
    }
  }

  /** Opens the database on the first stream, then creates or widens the stream's tables. */
  @OnStreamStart
  void start(StreamContext stream) throws Exception {
    if (warehouse == null) {
      SqlEngine engine = engine(config.jdbcUrl());
      warehouse = new JdbcWarehouse(engine, connect(engine), null);
    }
    warehouse.prepare(stream);
  }

  @OnRecords(modes = {DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND_DEDUP})
  void write(RecordBatch batch) throws Exception {
    warehouse.load(batch);
  }

  /** The durability point: the runtime echoes the states of these records once this returns. */
  @OnCommit
  void commit() throws Exception {
    warehouse.commit();
  }

  /** The stream sent all its records and they are committed: a staged table now takes the old one's place. */
  @OnStreamComplete
  void complete(StreamContext stream) throws Exception {
    warehouse.complete(stream);
  }

  /** Rolls back what was not committed. */
  @OnClose
  void close() throws Exception {
    if (warehouse != null) {
      warehouse.close();
    }
  }

  private Connection connect(SqlEngine engine) throws Exception {
    try {
      return DriverManager.getConnection(config.jdbcUrl(), config.username(), config.password());
    } catch (SQLException e) {
      throw engine.failure("connect", e);
    }
  }
}

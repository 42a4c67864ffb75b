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
import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.StreamDescriptor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes every stream into a table of its own: typed columns for the fields of its schema (named by {@link Names})
 * beside Airbyte's {@code _airbyte_raw_id}, {@code _airbyte_extracted_at}, {@code _airbyte_meta} and
 * {@code _airbyte_generation_id}. All writes go through one connection and one transaction: the runtime echoes a
 * state once {@link #commit()} has committed the records before it. What differs between databases is in the
 * {@link SqlDialect}.
 *
 * <p>{@code append} inserts into the table. {@code overwrite}, and a refresh that drops older generations, insert
 * into a staging table that takes the table's place only once the stream ends COMPLETE, in one transaction: an
 * interrupted sync keeps the old rows, and a retry of the same generation goes on with what the failed attempt
 * committed.
 */
@Destination(name = "${destinationName}", title = "${connectorName}",
    documentationUrl = "https://example.com/docs/${destinationName}", config = ${connectorName}Config.class)
public class ${connectorName}Destination {
  private final ${connectorName}Config config;
  private final SqlDialect dialect;
  private final Map<StreamDescriptor, TablePlan> plans = new HashMap<>();
  private final Map<StreamDescriptor, TableName> targets = new HashMap<>();
  private Connection connection;

  public ${connectorName}Destination(${connectorName}Config config) throws ConfigException {
    this.config = config;
    try {
      this.dialect = SqlDialect.forUrl(config.jdbcUrl());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** Connects, then creates, fills and drops a table, as a sync would. */
  @Check
  void check(${connectorName}Config config) throws SQLException {
    TableName probe = new TableName(null, "_airbyte_check_" + UUID.randomUUID().toString().replace("-", ""));
    try (Connection check = connect()) {
      try (Statement statement = check.createStatement()) {
        statement.execute("CREATE TABLE " + dialect.qualified(probe) + " (" + dialect.quote("id") + " "
            + dialect.columnType(AirbyteType.INTEGER) + ")");
        statement.execute("INSERT INTO " + dialect.qualified(probe) + " VALUES (1)");
        statement.execute(dialect.dropTable(probe));
      }
      check.commit();
    }
  }

  @OnStreamStart
  void start(StreamContext stream) throws SQLException {
    if (connection == null) {
      connection = connect();
    }
    TablePlan plan = TablePlan.of(stream, dialect);
    plans.put(stream.descriptor(), plan);
    ensureTable(plan.table(), plan);
    TableName target = plan.table();
    if (stagesRows(stream)) {
      target = plan.table().stage();
      if (!stageResumable(target, stream)) {
        execute(dialect.dropTable(target));
      }
      ensureTable(target, plan);
    }
    targets.put(stream.descriptor(), target);
    connection.commit();
  }

  @OnRecords(modes = {DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE})
  void write(RecordBatch batch) throws SQLException {
    StreamDescriptor stream = batch.stream().descriptor();
    dialect.bulkLoad(connection, targets.get(stream), plans.get(stream), batch.stream(), batch.records());
  }

  /** The durability point: the runtime echoes the states of these records once this returns. */
  @OnCommit
  void commit() throws SQLException {
    connection.commit();
  }

  /** The stream sent all its records and they are committed: a staged table now takes the old one's place. */
  @OnStreamComplete
  void complete(StreamContext stream) throws SQLException {
    if (stagesRows(stream)) {
      TablePlan plan = plans.get(stream.descriptor());
      for (String statement : dialect.replaceTable(plan.table().stage(), plan.table())) {
        execute(statement);
      }
      connection.commit();
    }
  }

  /** Rolls back what was not committed. */
  @OnClose
  void close() throws SQLException {
    if (connection != null) {
      try (Connection closing = connection) {
        closing.rollback();
      }
    }
  }

  private Connection connect() throws SQLException {
    Connection opened = DriverManager.getConnection(config.jdbcUrl(), config.username(), config.password());
    opened.setAutoCommit(false);
    return opened;
  }

  private static boolean stagesRows(StreamContext stream) {
    return stream.destinationSyncMode() == DestinationSyncMode.OVERWRITE || stream.truncatesOlderGenerations();
  }

  /** Creates the table, or adds the columns it lacks when the stream's schema grew. */
  private void ensureTable(TableName table, TablePlan plan) throws SQLException {
    for (String statement : dialect.createTable(table, plan.allColumns())) {
      execute(statement);
    }
    Set<String> existing = new HashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet none = statement.executeQuery("SELECT * FROM " + dialect.qualified(table) + " WHERE 1 = 0")) {
      ResultSetMetaData columns = none.getMetaData();
      for (int i = 1; i <= columns.getColumnCount(); i++) {
        existing.add(columns.getColumnName(i).toLowerCase(Locale.ROOT));
      }
    }
    for (TablePlan.ColumnDefinition column : plan.allColumns()) {
      if (!existing.contains(column.name().toLowerCase(Locale.ROOT))) {
        execute(dialect.addColumn(table, column));
      }
    }
  }

  /** A staging table left by a failed attempt of this generation holds committed rows: those are kept. */
  private boolean stageResumable(TableName stage, StreamContext stream) throws SQLException {
    if (stream.generationId() == 0 || !exists(stage)) {
      return false;
    }
    String otherGenerations = "SELECT COUNT(*) FROM " + dialect.qualified(stage) + " WHERE "
        + dialect.quote(TablePlan.GENERATION_ID) + " <> ?";
    try (PreparedStatement count = connection.prepareStatement(otherGenerations)) {
      count.setLong(1, stream.generationId());
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getLong(1) == 0;
      }
    }
  }

  private boolean exists(TableName table) throws SQLException {
    // The name is a LIKE pattern to the driver, where _ matches any character: compare the names found exactly.
    try (ResultSet tables = connection.getMetaData().getTables(null, table.schema(), table.name(), null)) {
      while (tables.next()) {
        if (table.name().equals(tables.getString("TABLE_NAME"))) {
          return true;
        }
      }
    }
    return false;
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}

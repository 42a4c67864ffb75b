package io.destkit.sample;

import io.destkit.runtime.write.StreamDescriptor;
import io.destkit.sql.postgres.PostgresDialect;
import io.destkit.sql.SqlDialect;
import io.destkit.sql.SqlIdentifiers;
import io.destkit.sql.TableName;
import io.destkit.sql.TableReader;
import io.destkit.sql.duckdb.DuckdbEngine;
import io.destkit.sql.sqlite.SqliteEngine;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.suite.DestinationReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the sample destination's tables back for the suite, over its own JDBC connection. It finds a stream's table
 * and columns with the warehouse's own naming code ({@link TableNames} and the engine's {@link SqlDialect}), in
 * catalog and schema order as the destination does, so that hashed names of colliding or long identifiers match.
 */
final class SampleReader implements DestinationReader, AutoCloseable {
  /** The columns every table has; reserved before the stream's fields get theirs, as the destination does. */
  private static final List<String> AIRBYTE_COLUMNS = List.of(RAW_ID, EXTRACTED_AT, META, GENERATION_ID);

  private final Connection connection;
  private final TableReader tables;

  private SampleReader(Connection connection, SqlDialect dialect, String defaultSchema) {
    this.connection = connection;
    this.tables = new TableReader(connection, dialect, defaultSchema);
  }

  /** A reader of the SQLite file {@code file}. */
  static SampleReader sqlite(Path file) throws SQLException {
    return new SampleReader(DriverManager.getConnection("jdbc:sqlite:" + file), new SqliteEngine(), null);
  }

  /** A reader of the DuckDB file {@code file}; close it before a sync in another process, which DuckDB would lock out. */
  static SampleReader duckdb(Path file) throws SQLException {
    return new SampleReader(DriverManager.getConnection("jdbc:duckdb:" + file), new DuckdbEngine(),
        DuckdbEngine.DEFAULT_SCHEMA);
  }

  /** A reader of the database of {@code login}; streams without namespace are in {@code defaultSchema}. */
  static SampleReader postgres(PostgresServer.Login login, String defaultSchema) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", login.user());
    properties.setProperty("password", login.password());
    Connection connection = DriverManager.getConnection("jdbc:postgresql://" + login.host() + ":" + login.port()
        + "/" + login.database(), properties);
    return new SampleReader(connection, new PostgresDialect(), defaultSchema);
  }

  @Override
  public List<Map<String, Object>> rows(ConfiguredCatalog catalog, ConfiguredStream stream) throws SQLException {
    return tables.rows(descriptors(catalog), stream.descriptor(), stream.fieldNames());
  }


  /** The table of {@code stream}: names assigned per schema in catalog order, as the destination assigns them. */
  private TableName table(ConfiguredCatalog catalog, ConfiguredStream stream) throws SQLException {
    return tables.table(descriptors(catalog), stream.descriptor());
  }

  private static List<StreamDescriptor> descriptors(ConfiguredCatalog catalog) {
    return catalog.streams().stream().map(ConfiguredStream::descriptor).toList();
  }





  /** {@code ALTER TABLE ... ADD COLUMN}, as the destination's user might between syncs; identifiers quoted. */
  @Override
  public void addColumn(ConfiguredCatalog catalog, ConfiguredStream stream, String column) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE " + table(catalog, stream).sql() + " ADD COLUMN " + SqlIdentifiers.quote(column)
          + " TEXT");
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}

package io.destkit.sample;

import io.destkit.sample.duckdb.DuckdbDialect;
import io.destkit.sample.postgres.PostgresDialect;
import io.destkit.sql.SqlDialect;
import io.destkit.sql.SqlIdentifiers;
import io.destkit.sql.TableName;
import io.destkit.sql.TableNames;
import io.destkit.sql.sqlite.SqliteEngine;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.suite.DestinationReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
  private final SqlDialect dialect;
  private final String defaultSchema;

  private SampleReader(Connection connection, SqlDialect dialect, String defaultSchema) {
    this.connection = connection;
    this.dialect = dialect;
    this.defaultSchema = defaultSchema;
  }

  /** A reader of the SQLite file {@code file}. */
  static SampleReader sqlite(Path file) throws SQLException {
    return new SampleReader(DriverManager.getConnection("jdbc:sqlite:" + file), new SqliteEngine(), null);
  }

  /** A reader of the DuckDB file {@code file}; close it before a sync in another process, which DuckDB would lock out. */
  static SampleReader duckdb(Path file) throws SQLException {
    return new SampleReader(DriverManager.getConnection("jdbc:duckdb:" + file), new DuckdbDialect(),
        DuckdbDialect.DEFAULT_SCHEMA);
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
    TableName table = table(catalog, stream);
    if (dialect.columns(connection, table).isEmpty()) {
      return List.of();
    }
    Map<String, String> fieldOfColumn = new HashMap<>();
    AIRBYTE_COLUMNS.forEach(airbyte -> fieldOfColumn.put(airbyte, airbyte));
    TableNames.columns(dialect, stream.fieldNames()).forEach((field, column) -> fieldOfColumn.put(column, field));
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM " + table.sql())) {
      ResultSetMetaData meta = result.getMetaData();
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          String field = fieldOfColumn.get(meta.getColumnName(i));
          if (field != null) {
            row.put(field, dialect instanceof PostgresDialect ? postgresValue(result, i, meta.getColumnTypeName(i))
                : dialect instanceof DuckdbDialect ? duckdbValue(result, i, meta.getColumnTypeName(i))
                : result.getObject(i));
          }
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** The table of {@code stream}: names assigned per schema in catalog order, as the destination assigns them. */
  private TableName table(ConfiguredCatalog catalog, ConfiguredStream stream) {
    try {
      return TableNames.of(connection, dialect, defaultSchema,
          catalog.streams().stream().map(ConfiguredStream::descriptor).toList(), stream.descriptor());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot list the tables of " + stream.descriptor(), e);
    }
  }


  /** A PostgreSQL value as java.time types where the driver would give java.sql ones, JSON as its text. */
  private static Object postgresValue(ResultSet result, int column, String sqlType) throws SQLException {
    switch (sqlType.toLowerCase(Locale.ROOT)) {
      case "timestamptz":
        return result.getObject(column, OffsetDateTime.class);
      case "timestamp":
        return result.getObject(column, LocalDateTime.class);
      case "date":
        return result.getObject(column, LocalDate.class);
      case "time":
        return result.getObject(column, LocalTime.class);
      case "timetz":
        return result.getObject(column, OffsetTime.class);
      case "json":
      case "jsonb":
        return result.getString(column);
      default:
        return result.getObject(column);
    }
  }

  /** A DuckDB value as the suite reads it: timestamps as LocalDateTime (java.sql's lose the era), bytes, JSON text. */
  private static Object duckdbValue(ResultSet result, int column, String sqlType) throws SQLException {
    switch (sqlType) {
      case "TIMESTAMP":
        return result.getObject(column, LocalDateTime.class);
      case "BLOB":
        return result.getBytes(column);
      case "JSON":
        return result.getString(column);
      default:
        return result.getObject(column);
    }
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

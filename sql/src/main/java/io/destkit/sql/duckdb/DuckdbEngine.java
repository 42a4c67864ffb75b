package io.destkit.sql.duckdb;

import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.error.DestinationException;
import io.destkit.runtime.error.TransientException;
import io.destkit.runtime.types.RawJson;
import io.destkit.sql.BulkLoader;
import io.destkit.sql.Names;
import io.destkit.sql.SqlEngine;
import io.destkit.sql.SqlIdentifiers;
import io.destkit.sql.StorageType;
import io.destkit.sql.TableName;
import io.destkit.sql.TablePlan;
import io.destkit.sql.WarehouseException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DuckDB: one file, namespaces are schemas (streams without one go to {@code main}), every Airbyte type has a native
 * column type, numbers are {@code DECIMAL(38,9)}, JSON is {@code JSON}; a column widens in place with ALTER COLUMN
 * ... TYPE ... USING. Rows are loaded with DuckDB's appender ({@link AppenderLoader}).
 *
 * <p>DuckDB matches names without regard to case, quoted or not: schemas are lower-cased so that two namespaces that
 * differ by case share one set of table names, and tables and columns are looked up the same way. No indexes: DuckDB
 * joins by hashing, and an index on a table forbids the rename that swaps a staging table in and the ALTER that widens
 * a column.
 */
public final class DuckdbEngine implements SqlEngine {
  /** The schema of the streams without namespace: the one every DuckDB file has. */
  public static final String DEFAULT_SCHEMA = "main";
  /** The type of a NUMBER column: exact, and wide enough for every 64-bit integer, so an INTEGER column widens to it. */
  static final String DECIMAL = DuckdbValues.DECIMAL;
  /**
   * The memory DuckDB's buffers may take, in MB, unless the connector says otherwise. DuckDB's own default, 80% of
   * the machine's memory, suits a database that answers queries; a load writes, and DuckDB kept every block it had
   * written in memory, so a sync's memory grew with its table: 2.2 GB for 10M records, against 0.5 GB (and a faster
   * load) under this limit (BENCHMARKS.md). Work that needs more, a dedup merge's joins, spills to a folder beside
   * the file.
   */
  public static final int DEFAULT_MEMORY_LIMIT_MB = 256;

  /** The file, as messages name it. */
  private final String file;
  /** The memory DuckDB's buffers may take, in MB. */
  private final int memoryLimitMb;
  /** The last {@code emitted_at} bound, and its value: records of a batch mostly share it. */
  private long lastEmittedAt = Long.MIN_VALUE;
  private OffsetDateTime lastExtractedAt;

  /** The engine of the DuckDB file {@code file}, its buffers limited to {@value #DEFAULT_MEMORY_LIMIT_MB} MB. */
  public DuckdbEngine(String file) {
    this(file, DEFAULT_MEMORY_LIMIT_MB);
  }

  /** The engine of the DuckDB file {@code file}, its buffers limited to {@code memoryLimitMb} MB. */
  public DuckdbEngine(String file, int memoryLimitMb) {
    if (memoryLimitMb < 1) {
      throw new IllegalArgumentException("a DuckDB memory limit must be at least 1 MB, not " + memoryLimitMb);
    }
    this.file = file;
    this.memoryLimitMb = memoryLimitMb;
  }

  /** The engine, for reading SQL only (tests, reports): its messages name no file. */
  public DuckdbEngine() {
    this("(unnamed)");
  }

  /** The file, as messages name it. */
  String file() {
    return file;
  }

  /**
   * Dates and times turn into text (a widened column) in UTC, whatever the machine's zone; DuckDB's buffers take at
   * most the engine's memory limit (see {@link #DEFAULT_MEMORY_LIMIT_MB}).
   */
  @Override
  public void configure(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute("SET memory_limit = '" + memoryLimitMb + "MB'");
    }
  }

  @Override
  public String engine() {
    return "DuckDB";
  }

  @Override
  public int maxIdentifierLength() {
    // DuckDB has no limit; a readable one keeps hashes of very long names short.
    return 128;
  }

  @Override
  public boolean caseInsensitiveNames() {
    return true;
  }

  /** A namespace, normalized and lower-cased; the default schema ({@code main}) as it is. */
  @Override
  public String schema(String namespace, String defaultSchema) {
    return namespace == null ? defaultSchema
        : Names.normalize(namespace, maxIdentifierLength()).toLowerCase(Locale.ROOT);
  }

  @Override
  public String tableBaseName(String namespace, String stream) {
    return stream;
  }

  /**
   * Beside the final table: a TEMP table would be cheaper, but DuckDB keeps every temporary table in one schema,
   * where the load tables of two streams of the same name in different namespaces would collide.
   */
  @Override
  public String loadSchema() {
    return null;
  }

  @Override
  public void createSchema(Connection connection, String schema) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + SqlIdentifiers.quote(schema));
    }
  }

  /** A table of the same schema whose name differs from {@code table}'s only by case, in this file. */
  @Override
  public boolean heldByAnotherTable(Connection connection, TableName table) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM duckdb_tables()"
        + " WHERE database_name = current_database() AND lower(schema_name) = lower(?)"
        + " AND lower(table_name) = lower(?) AND table_name <> ?")) {
      statement.setString(1, table.schema());
      statement.setString(2, table.name());
      statement.setString(3, table.name());
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  /**
   * Looked up as DuckDB resolves names: without regard to case. (DuckDB's own catalog functions, twice as fast as
   * its {@code information_schema}; a view of that name shows too, and its ALTER would say so.)
   */
  @Override
  public Map<String, String> columns(Connection connection, TableName table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = current_database()"
            + " AND lower(schema_name) = lower(?) AND lower(table_name) = lower(?) ORDER BY column_index")) {
      statement.setString(1, table.schema());
      statement.setString(2, table.name());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return columns;
  }

  /** Spelled as DuckDB's catalog reports them ({@link #columns}), so that {@link #storageType} reads them back. */
  @Override
  public String sqlType(StorageType type) {
    return switch (type) {
      case BOOLEAN -> "BOOLEAN";
      case INTEGER -> "BIGINT";
      case NUMBER -> DECIMAL;
      case STRING -> "VARCHAR";
      case DATE -> "DATE";
      case TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMP WITH TIME ZONE";
      case TIMESTAMP_WITHOUT_TIMEZONE -> "TIMESTAMP";
      case TIME_WITH_TIMEZONE -> "TIME WITH TIME ZONE";
      case TIME_WITHOUT_TIMEZONE -> "TIME";
      case BINARY -> "BLOB";
      case JSON -> "JSON";
    };
  }

  @Override
  public StorageType storageType(String declaredType) {
    String type = declaredType == null ? "" : declaredType.strip().toUpperCase(Locale.ROOT);
    for (StorageType storage : StorageType.values()) {
      if (sqlType(storage).equals(type)) {
        return storage;
      }
    }
    // A column the user made: what its values are.
    if (List.of("TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT", "UINTEGER").contains(type)) {
      return StorageType.INTEGER;
    } else if (type.startsWith("DECIMAL") || type.startsWith("NUMERIC") || type.endsWith("INT")
        || List.of("DOUBLE", "FLOAT", "REAL", "VARINT", "BIGNUM").contains(type)) {
      return StorageType.NUMBER;
    } else if (type.startsWith("TIMESTAMP")) {
      return type.equals("TIMESTAMPTZ") ? StorageType.TIMESTAMP_WITH_TIMEZONE : StorageType.TIMESTAMP_WITHOUT_TIMEZONE;
    } else if (type.equals("TIMETZ")) {
      return StorageType.TIME_WITH_TIMEZONE;
    } else if (type.equals("BYTEA")) {
      return StorageType.BINARY;
    }
    return StorageType.STRING;
  }

  @Override
  public String rawIdType() {
    return "UUID NOT NULL";
  }

  @Override
  public String extractedAtType() {
    return "TIMESTAMP WITH TIME ZONE NOT NULL";
  }

  @Override
  public String metaType() {
    return "JSON NOT NULL";
  }

  @Override
  public String generationIdType() {
    return "BIGINT";
  }

  /** See {@link DuckdbValues#fits}. */
  @Override
  public boolean fits(Object value, StorageType type) {
    return DuckdbValues.fits(value);
  }

  /** See {@link DuckdbValues#approximate}. */
  @Override
  public Object approximate(Object value) {
    return DuckdbValues.approximate(value);
  }

  /** A number as {@link #DECIMAL} holds it: scale 9, which DuckDB's appender requires. */
  static BigDecimal decimal(BigDecimal value) {
    return DuckdbValues.decimal(value);
  }

  /** One ALTER COLUMN per column, converting the values it holds as {@code ColumnValues} writes them. */
  @Override
  public void widen(Connection connection, TableName table, Map<String, StorageType> from,
      Map<String, StorageType> to) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (Map.Entry<String, StorageType> change : to.entrySet()) {
        String column = SqlIdentifiers.quote(change.getKey());
        statement.execute("ALTER TABLE " + table.sql() + " ALTER COLUMN " + column + " TYPE "
            + sqlType(change.getValue()) + " USING " + convert(column, from.get(change.getKey()), change.getValue()));
      }
    }
  }

  /** The value of {@code column} as a column of {@code to} holds it: the text or JSON that ColumnValues writes. */
  private static String convert(String column, StorageType from, StorageType to) {
    if (to == StorageType.NUMBER) {
      return "CAST(" + column + " AS " + DECIMAL + ")";
    }
    String text = switch (from) {
      // No trailing zeros: 12.500000000 is the 12.5 that was sent.
      case NUMBER -> "CASE WHEN contains(CAST(" + column + " AS VARCHAR), '.') THEN rtrim(rtrim(CAST(" + column
          + " AS VARCHAR), '0'), '.') ELSE CAST(" + column + " AS VARCHAR) END";
      case TIMESTAMP_WITH_TIMEZONE -> isoTimestamp(column) + " || 'Z'";
      case TIMESTAMP_WITHOUT_TIMEZONE -> isoTimestamp(column);
      case BINARY -> "to_base64(" + column + ")";
      case BOOLEAN, INTEGER, STRING, DATE, TIME_WITH_TIMEZONE, TIME_WITHOUT_TIMEZONE, JSON ->
          "CAST(" + column + " AS VARCHAR)";
    };
    if (to == StorageType.STRING) {
      return text;
    }
    // To JSON: numbers and booleans as literals, everything else as a JSON string of its text.
    return switch (from) {
      case BOOLEAN, INTEGER, NUMBER, STRING -> "to_json(" + column + ")";
      default -> "to_json(" + text + ")";
    };
  }

  /** ISO-8601 with a {@code T}, the fraction without trailing zeros (in UTC for a TIMESTAMP WITH TIME ZONE). */
  private static String isoTimestamp(String column) {
    return "regexp_replace(strftime(" + column + ", '%Y-%m-%dT%H:%M:%S.%f'), '\\.?0+$', '')";
  }

  @Override
  public String clear(TableName table) {
    return "DELETE FROM " + table.sql();
  }

  @Override
  public String createLoadTable() {
    return "CREATE TABLE";
  }

  /** DuckDB gets no index (see the class comment): none is ever found... */
  @Override
  public boolean hasIndex(Connection connection, TableName table, List<String> columns) {
    return false;
  }

  /** ... and none is made: the merge's joins hash the load table, and the table stays free to be renamed and altered. */
  @Override
  public void createIndex(Connection connection, TableName table, List<String> columns) {
    // Nothing: see the class comment.
  }

  /** Binds a value in the form {@code ColumnValues} gives, for the loads that do not go through the appender. */
  @Override
  public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NULL);
    } else if (value instanceof String text) {
      statement.setString(index, text);
    } else if (value instanceof Long number) {
      statement.setLong(index, number);
    } else if (value instanceof Boolean bool) {
      statement.setBoolean(index, bool);
    } else if (value instanceof BigDecimal number) {
      // The driver refuses a negative scale (1E+3).
      statement.setBigDecimal(index, decimal(number));
    } else if (value instanceof byte[] bytes) {
      statement.setBytes(index, bytes);
    } else if (value instanceof LocalDate date) {
      // As text: the driver binds a date before Christ as the same date after.
      statement.setString(index, DateTimeFormatter.ISO_LOCAL_DATE.format(date));
    } else if (value instanceof OffsetTime time) {
      // The driver binds no OffsetTime.
      statement.setString(index, DateTimeFormatter.ISO_OFFSET_TIME.format(time));
    } else if (value instanceof RawJson json) {
      statement.setString(index, json.json());
    } else {
      // OffsetDateTime, LocalDateTime, LocalTime.
      statement.setObject(index, value);
    }
  }

  @Override
  public void bindExtractedAt(PreparedStatement statement, int index, long emittedAt) throws SQLException {
    if (emittedAt != lastEmittedAt) {
      lastExtractedAt = OffsetDateTime.ofInstant(Instant.ofEpochMilli(emittedAt), ZoneOffset.UTC);
      lastEmittedAt = emittedAt;
    }
    statement.setObject(index, lastExtractedAt);
  }

  /** DuckDB's appender, or multi-row INSERTs into a table whose column types the appender cannot write. */
  @Override
  public BulkLoader loader(Connection connection, TableName table, TablePlan plan, boolean withSequence)
      throws SQLException {
    return AppenderLoader.open(this, connection, table, plan, withSequence);
  }

  /**
   * What failed, on which file: a file another program holds is an outage (DuckDB lets one program at a time write a
   * file); a folder that does not exist or cannot be written, or work that needs more memory than the limit, is the
   * user's to fix.
   */
  @Override
  public DestinationException failure(String what, SQLException e) {
    String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    String message = "Cannot " + what + " in DuckDB file " + file + ": " + reason;
    if (isLockConflict(e)) {
      return new TransientException(message + ". Another program holds the file (DuckDB lets one program at a time"
          + " write to it): close it, then sync again.", e);
    } else if (isFileProblem(e)) {
      return new ConfigException(message + ". Check that the folder of the file exists and can be written, that the"
          + " path is not a folder, and that the disk has room.", e);
    } else if (e.getMessage() != null && e.getMessage().startsWith("Out of Memory Error")) {
      return new ConfigException(message + ". DuckDB needed more than the " + memoryLimitMb + " MB of memory the"
          + " connector lets it use: raise the connector's DuckDB memory limit.", e);
    }
    return new WarehouseException(message, e);
  }

  /** DuckDB could not lock the file: another program has it open. */
  public static boolean isLockConflict(SQLException e) {
    return e.getMessage() != null && e.getMessage().contains("Could not set lock on file");
  }

  /** DuckDB could not open, create or write the file itself. */
  public static boolean isFileProblem(SQLException e) {
    String message = e.getMessage();
    if (message == null || !message.startsWith("IO Error")) {
      return false;
    }
    for (String cause : List.of("Cannot open file", "No such file or directory", "Permission denied",
        "Read-only file system", "Is a directory", "Not a directory", "No space left on device",
        "Could not read from file", "Could not write file")) {
      if (message.contains(cause)) {
        return true;
      }
    }
    return false;
  }

  /** A DuckDB value as the suite reads it: timestamps as LocalDateTime (java.sql's lose the era), bytes, JSON text. */
  @Override
  public Object read(ResultSet result, int column, String sqlType) throws SQLException {
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
}

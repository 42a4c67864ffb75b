package io.destkit.sql.sqlite;

import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.error.DestinationException;
import io.destkit.runtime.error.TransientException;
import io.destkit.runtime.types.IsoText;
import io.destkit.runtime.types.RawJson;
import io.destkit.sql.Names;
import io.destkit.sql.SqlDialect;
import io.destkit.sql.SqlEngine;
import io.destkit.sql.SqlIdentifiers;
import io.destkit.sql.StorageType;
import io.destkit.sql.TableName;
import io.destkit.sql.WarehouseException;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite: one file, no schemas (a namespace becomes a table-name prefix), load tables in the connection's temporary
 * database. Dates and times are ISO-8601 text, always with seconds (timestamps with a zone in UTC), JSON is text,
 * booleans are 0 and 1. Declared types are chosen for their affinity: numbers are NUMERIC, but JSON is
 * {@code JSON TEXT}, so that SQLite never turns the JSON text {@code 1.10} into the number 1.1. A column widens by
 * rebuilding its table, as SQLite has no ALTER COLUMN.
 */
public final class SqliteEngine implements SqlEngine {
  /** How long to wait for another program (a reader) to let go of the file before failing. */
  private static final int BUSY_TIMEOUT_MILLIS = 60_000;
  /** {@code _airbyte_extracted_at}: fixed width, so that text order is time order. */
  private static final DateTimeFormatter EXTRACTED_AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** The file, as messages name it. */
  private final String file;
  /** The last {@code emitted_at} formatted, and its text: records of a batch mostly share it. */
  private long lastEmittedAt = Long.MIN_VALUE;
  private String lastExtractedAt;

  /** The engine of the SQLite file {@code file}. */
  public SqliteEngine(String file) {
    this.file = file;
  }

  /** The engine, for reading SQL only (tests, reports): its messages name no file. */
  public SqliteEngine() {
    this("(unnamed)");
  }

  /**
   * Waits for readers instead of failing at once, and keeps dedup load tables in memory. The journal stays SQLite's
   * default (rollback journal, {@code synchronous=FULL}): measured on bulk appends it beat WAL, and it keeps each
   * commit durable.
   */
  @Override
  public void configure(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
      statement.execute("PRAGMA temp_store = MEMORY");
    }
  }

  @Override
  public void bindExtractedAt(PreparedStatement statement, int index, long emittedAt) throws SQLException {
    if (emittedAt != lastEmittedAt) {
      lastExtractedAt = EXTRACTED_AT.format(Instant.ofEpochMilli(emittedAt));
      lastEmittedAt = emittedAt;
    }
    statement.setString(index, lastExtractedAt);
  }

  /** Significant decimal digits any double holds exactly (DBL_DIG). */
  private static final int DOUBLE_DIGITS = 15;
  /** Decimal exponents well inside a double's normal range. */
  private static final int NORMAL_EXPONENT = 290;

  private static final BigDecimal MAX_DOUBLE = new BigDecimal(Double.MAX_VALUE);
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public String engine() {
    return "SQLite";
  }

  @Override
  public int maxIdentifierLength() {
    // SQLite has no limit; a readable one keeps hashes of very long names short.
    return 128;
  }

  @Override
  public boolean caseInsensitiveNames() {
    return true;
  }

  @Override
  public String schema(String namespace, String defaultSchema) {
    return null;
  }

  @Override
  public String tableBaseName(String namespace, String stream) {
    return namespace == null ? stream : namespace + "_" + stream;
  }

  @Override
  public String loadSchema() {
    return "temp";
  }

  @Override
  public void createSchema(Connection connection, String schema) {
    // No schemas in SQLite.
  }

  @Override
  public Map<String, String> columns(Connection connection, TableName table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT name, type FROM pragma_table_info(?, ?) ORDER BY cid")) {
      statement.setString(1, table.name());
      statement.setString(2, table.schema() == null ? "main" : table.schema());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return columns;
  }

  @Override
  public String sqlType(StorageType type) {
    return switch (type) {
      case BOOLEAN -> "BOOLEAN";
      case INTEGER -> "INTEGER";
      case NUMBER -> "NUMERIC";
      case STRING -> "TEXT";
      case DATE -> "DATE";
      case TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMPTZ";
      case TIMESTAMP_WITHOUT_TIMEZONE -> "TIMESTAMP";
      case TIME_WITH_TIMEZONE -> "TIMETZ";
      case TIME_WITHOUT_TIMEZONE -> "TIME";
      case BINARY -> "BLOB";
      case JSON -> "JSON TEXT";
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
    // Not a type this dialect declares: what SQLite's affinity rules make of it.
    if (type.contains("INT")) {
      return StorageType.INTEGER;
    } else if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT") || type.isEmpty()) {
      return StorageType.STRING;
    } else if (type.contains("BLOB")) {
      return StorageType.BINARY;
    }
    return StorageType.NUMBER;
  }

  @Override
  public String rawIdType() {
    return "TEXT NOT NULL";
  }

  @Override
  public String extractedAtType() {
    return "TEXT NOT NULL";
  }

  @Override
  public String metaType() {
    return "TEXT NOT NULL";
  }

  @Override
  public String generationIdType() {
    return "INTEGER";
  }

  /** SQLite stores numbers as 64-bit integers or doubles: a number beyond the double's range would become infinity. */
  @Override
  public boolean fits(Object value, StorageType type) {
    return !(value instanceof BigDecimal decimal) || decimal.abs().compareTo(MAX_DOUBLE) <= 0;
  }

  /**
   * SQLite holds a number exactly as a 64-bit integer or as a double: a decimal that is neither is stored as the
   * nearest double (NUMERIC affinity would keep only 15 digits of its text).
   */
  @Override
  public Object approximate(Object value) {
    if (!(value instanceof BigDecimal decimal)
        || decimal.precision() <= DOUBLE_DIGITS && Math.abs(decimal.scale()) < NORMAL_EXPONENT) {
      // A double holds any decimal of 15 significant digits (in its normal range): no need to look.
      return value;
    }
    if (asLong(decimal) != null) {
      return value;
    }
    BigDecimal nearest = new BigDecimal(Double.toString(decimal.doubleValue()));
    return nearest.compareTo(decimal) == 0 ? value : nearest;
  }

  /** The decimal as a long when it is a whole number within a long's range; null otherwise. */
  static Long asLong(BigDecimal decimal) {
    if (decimal.scale() > 0 && decimal.precision() <= decimal.scale()) {
      // Below one: a whole number only when zero.
      return decimal.signum() == 0 ? 0L : null;
    }
    if (decimal.scale() > 0 && decimal.stripTrailingZeros().scale() > 0) {
      return null;
    }
    try {
      return decimal.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** Rebuilds the table with the wider column types, converting the values, then drops the old one. */
  @Override
  public void widen(Connection connection, TableName table, Map<String, StorageType> from,
      Map<String, StorageType> to) throws SQLException {
    TableName rebuilt = new TableName(table.schema(), Names.helper(table.name(), "$airbyte_rebuild",
        maxIdentifierLength()));
    StringJoiner definitions = new StringJoiner(", ", "CREATE TABLE " + rebuilt.sql() + " (", ")");
    StringJoiner names = new StringJoiner(", ");
    StringJoiner values = new StringJoiner(", ");
    try (PreparedStatement info = connection.prepareStatement(
        "SELECT name, type, \"notnull\" FROM pragma_table_info(?, ?) ORDER BY cid")) {
      info.setString(1, table.name());
      info.setString(2, table.schema() == null ? "main" : table.schema());
      try (ResultSet columns = info.executeQuery()) {
        while (columns.next()) {
          String name = columns.getString(1);
          String column = SqlIdentifiers.quote(name);
          StorageType target = to.get(name);
          String type = target == null ? columns.getString(2) : sqlType(target);
          definitions.add(column + " " + type + (columns.getBoolean(3) ? " NOT NULL" : ""));
          names.add(column);
          values.add(target == null ? column : convert(column, from.get(name), target));
        }
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + rebuilt.sql());
      statement.execute(definitions.toString());
      statement.execute("INSERT INTO " + rebuilt.sql() + " (" + names + ") SELECT " + values + " FROM " + table.sql());
      statement.execute("DROP TABLE " + table.sql());
      statement.execute("ALTER TABLE " + rebuilt.sql() + " RENAME TO " + SqlIdentifiers.quote(table.name()));
    }
  }

  /** The value of {@code column} as a column of {@code to} holds it, the same as {@link ColumnValues} writes it. */
  private static String convert(String column, StorageType from, StorageType to) {
    String bool = "CASE " + column + " WHEN 1 THEN 'true' WHEN 0 THEN 'false' ELSE " + column + " END";
    boolean number = from == StorageType.INTEGER || from == StorageType.NUMBER;
    if (to == StorageType.NUMBER || from == StorageType.BINARY) {
      // INTEGER to NUMBER keeps the value; bytes are kept as they are, SQLite has no base64.
      return column;
    } else if (from == StorageType.BOOLEAN) {
      return bool;
    } else if (to == StorageType.STRING && from == StorageType.JSON) {
      // A JSON string becomes its text; other JSON stays JSON text.
      return "CASE WHEN json_valid(" + column + ") THEN CASE WHEN json_type(" + column + ") = 'text' THEN "
          + "json_extract(" + column + ", '$') ELSE " + column + " END ELSE " + column + " END";
    } else if (to == StorageType.STRING || number) {
      return "CAST(" + column + " AS TEXT)";
    }
    return "CASE WHEN " + column + " IS NULL THEN NULL ELSE json_quote(" + column + ") END";
  }

  /** Timestamps with a zone are stored in UTC with a final Z, which would sort a whole second after its fractions. */
  @Override
  public String orderKey(String column, StorageType type) {
    return type == StorageType.TIMESTAMP_WITH_TIMEZONE ? "rtrim(" + column + ", 'Z')" : column;
  }

  @Override
  public String deleteMatching(TableName target, TableName load, List<String> key) {
    // CROSS JOIN makes SQLite loop over the (small) load table and look each key up in the target's index.
    return "DELETE FROM " + target.sql() + " WHERE rowid IN (SELECT t.rowid FROM " + load.sql() + " AS l CROSS JOIN "
        + target.sql() + " AS t WHERE " + SqlDialect.keysEqual("t", "l", key) + ")";
  }

  @Override
  public String clear(TableName table) {
    return "DELETE FROM " + table.sql();
  }

  @Override
  public String createLoadTable() {
    return "CREATE TEMP TABLE";
  }

  @Override
  public boolean hasIndex(Connection connection, TableName table, List<String> columns) throws SQLException {
    Map<String, List<String>> indexes = new LinkedHashMap<>();
    String schema = table.schema() == null ? "main" : table.schema();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT il.name, ii.name FROM pragma_index_list(?, ?) AS il, pragma_index_info(il.name, ?) AS ii"
            + " ORDER BY il.name, ii.seqno")) {
      statement.setString(1, table.name());
      statement.setString(2, schema);
      statement.setString(3, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          indexes.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(2));
        }
      }
    }
    return indexes.containsValue(columns);
  }

  @Override
  public void createIndex(Connection connection, TableName table, List<String> columns) throws SQLException {
    // Index names are global to the file and follow a table when it is renamed (a staging table swapped in): a
    // random part keeps the next staging table's index from taking the same name.
    byte[] random = new byte[4];
    RANDOM.nextBytes(random);
    String name = Names.helper(table.name(), "$airbyte_key_" + HexFormat.of().formatHex(random),
        maxIdentifierLength());
    StringJoiner keys = new StringJoiner(", ", "(", ")");
    columns.forEach(column -> keys.add(SqlIdentifiers.quote(column)));
    String index = table.schema() == null ? SqlIdentifiers.quote(name) : SqlIdentifiers.qualified(table.schema(), name);
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE INDEX " + index + " ON " + SqlIdentifiers.quote(table.name()) + " " + keys);
    }
  }

  /** Binds a value in the form {@link ColumnValues} gives: dates and times as ISO-8601 text, with zones in UTC. */
  @Override
  public void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NULL);
    } else if (value instanceof String text) {
      statement.setString(index, text);
    } else if (value instanceof Long number) {
      statement.setLong(index, number);
    } else if (value instanceof Boolean bool) {
      statement.setInt(index, bool ? 1 : 0);
    } else if (value instanceof BigDecimal decimal) {
      bindDecimal(statement, index, decimal);
    } else if (value instanceof byte[] bytes) {
      statement.setBytes(index, bytes);
    } else if (value instanceof OffsetDateTime timestamp) {
      statement.setString(index, IsoText.offsetDateTime(timestamp.withOffsetSameInstant(ZoneOffset.UTC)));
    } else if (value instanceof LocalDateTime timestamp) {
      statement.setString(index, DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(timestamp));
    } else if (value instanceof LocalTime time) {
      statement.setString(index, DateTimeFormatter.ISO_LOCAL_TIME.format(time));
    } else if (value instanceof OffsetTime time) {
      statement.setString(index, DateTimeFormatter.ISO_OFFSET_TIME.format(time));
    } else if (value instanceof RawJson json) {
      statement.setString(index, json.json());
    } else {
      // LocalDate: yyyy-MM-dd.
      statement.setString(index, value.toString());
    }
  }

  /**
   * A decimal as an integer when it is a whole number within a long's range, else as a double: the driver would bind
   * a BigDecimal as text, of which SQLite keeps 15 digits. A fraction of at most 15 digits, most of what sources
   * send, is told apart by its double alone (such a double is a whole number exactly when the decimal is), with no
   * {@code stripTrailingZeros} copy of it.
   */
  private static void bindDecimal(PreparedStatement statement, int index, BigDecimal decimal) throws SQLException {
    if (decimal.scale() > 0 && decimal.scale() < NORMAL_EXPONENT && decimal.precision() <= DOUBLE_DIGITS) {
      double approximate = decimal.doubleValue();
      if (approximate == Math.rint(approximate)) {
        statement.setLong(index, (long) approximate);
      } else {
        statement.setDouble(index, approximate);
      }
      return;
    }
    Long whole = asLong(decimal);
    if (whole != null) {
      statement.setLong(index, whole);
    } else {
      statement.setDouble(index, decimal.doubleValue());
    }
  }

  /** What failed, on which file: a locked file is an outage, an unwritable one the user's to fix. */
  @Override
  public DestinationException failure(String what, SQLException e) {
    String message = "Cannot " + what + " in SQLite file " + file + ": " + e.getMessage();
    SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode() : null;
    int primary = code == null ? -1 : code.code & 0xff;
    if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
      return new TransientException(message + ". Another program holds the file: close it, then sync again.", e);
    } else if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_CANTOPEN.code
        || primary == SQLiteErrorCode.SQLITE_PERM.code || primary == SQLiteErrorCode.SQLITE_FULL.code) {
      return new ConfigException(message + ". Check that the file and its folder can be written and that the disk "
          + "has room.", e);
    }
    return new WarehouseException(message, e);
  }
}

package io.destkit.sql.postgres;

import io.destkit.runtime.types.RawJson;
import io.destkit.sql.Names;
import io.destkit.sql.SqlDialect;
import io.destkit.sql.SqlIdentifiers;
import io.destkit.sql.StorageType;
import io.destkit.sql.TableName;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * PostgreSQL: namespaces are schemas, every Airbyte type has a native column type, JSON is JSONB; a column widens
 * in place with ALTER COLUMN ... TYPE ... USING. Text cannot hold the NUL character: it is removed (and the record's
 * meta says so).
 */
public final class PostgresDialect implements SqlDialect {
  /** NUMERIC holds up to 131072 digits before the decimal point and 16383 after. */
  private static final int NUMERIC_INTEGER_DIGITS = 131_072;
  private static final int NUMERIC_SCALE = 16_383;
  /** Years of the DATE range (4713 BC to 5874897 AD), 1 BC being year 0. */
  private static final int MIN_YEAR = -4712;
  private static final int MAX_DATE_YEAR = 5_874_896;
  /** Last full year of the TIMESTAMP range (to 294276 AD). */
  private static final int MAX_TIMESTAMP_YEAR = 294_275;

  @Override
  public String engine() {
    return "PostgreSQL";
  }

  @Override
  public int maxIdentifierLength() {
    return 63;
  }

  @Override
  public boolean caseInsensitiveNames() {
    return false;
  }

  /** A namespace is normalized; the configured default schema is used as it is, as the connection check does. */
  @Override
  public String schema(String namespace, String defaultSchema) {
    return namespace == null ? defaultSchema : Names.normalize(namespace, maxIdentifierLength());
  }

  @Override
  public String tableBaseName(String namespace, String stream) {
    return stream;
  }

  @Override
  public String loadSchema() {
    return null;
  }

  @Override
  public void createSchema(Connection connection, String schema) throws SQLException {
    // CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege on the database even when the schema exists: ask first.
    try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      exists.setString(1, schema);
      try (ResultSet row = exists.executeQuery()) {
        if (row.next()) {
          return;
        }
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + SqlIdentifiers.quote(schema));
    }
  }

  @Override
  public Map<String, String> columns(Connection connection, TableName table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT a.attname, format_type(a.atttypid, NULL) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?"
            + " AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
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

  @Override
  public String sqlType(StorageType type) {
    return switch (type) {
      case BOOLEAN -> "BOOLEAN";
      case INTEGER -> "BIGINT";
      case NUMBER -> "NUMERIC";
      case STRING -> "TEXT";
      case DATE -> "DATE";
      case TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMPTZ";
      case TIMESTAMP_WITHOUT_TIMEZONE -> "TIMESTAMP";
      case TIME_WITH_TIMEZONE -> "TIMETZ";
      case TIME_WITHOUT_TIMEZONE -> "TIME";
      case BINARY -> "BYTEA";
      case JSON -> "JSONB";
    };
  }

  /** From {@code format_type}'s names. */
  @Override
  public StorageType storageType(String declaredType) {
    switch (declaredType) {
      case "boolean":
        return StorageType.BOOLEAN;
      case "bigint":
      case "integer":
      case "smallint":
        return StorageType.INTEGER;
      case "numeric":
      case "real":
      case "double precision":
        return StorageType.NUMBER;
      case "date":
        return StorageType.DATE;
      case "timestamp with time zone":
        return StorageType.TIMESTAMP_WITH_TIMEZONE;
      case "timestamp without time zone":
        return StorageType.TIMESTAMP_WITHOUT_TIMEZONE;
      case "time with time zone":
        return StorageType.TIME_WITH_TIMEZONE;
      case "time without time zone":
        return StorageType.TIME_WITHOUT_TIMEZONE;
      case "bytea":
        return StorageType.BINARY;
      case "jsonb":
      case "json":
        return StorageType.JSON;
      default:
        return StorageType.STRING;
    }
  }

  @Override
  public String rawIdType() {
    return "UUID NOT NULL";
  }

  @Override
  public String extractedAtType() {
    return "TIMESTAMPTZ NOT NULL";
  }

  @Override
  public String metaType() {
    return "JSONB NOT NULL";
  }

  @Override
  public String generationIdType() {
    return "BIGINT";
  }

  @Override
  public boolean fits(Object value, StorageType type) {
    if (value instanceof BigDecimal decimal) {
      return decimal.precision() - decimal.scale() <= NUMERIC_INTEGER_DIGITS && decimal.scale() <= NUMERIC_SCALE;
    } else if (value instanceof LocalDate date) {
      return date.getYear() >= MIN_YEAR && date.getYear() <= MAX_DATE_YEAR;
    } else if (value instanceof LocalDateTime timestamp) {
      return timestamp.getYear() >= MIN_YEAR && timestamp.getYear() <= MAX_TIMESTAMP_YEAR;
    } else if (value instanceof OffsetDateTime timestamp) {
      return timestamp.getYear() >= MIN_YEAR && timestamp.getYear() <= MAX_TIMESTAMP_YEAR;
    }
    return true;
  }

  /** Removes NUL from text, and {@code \u0000} escapes from JSON (JSONB refuses them too). */
  @Override
  public Object sanitize(Object value) {
    if (value instanceof String text) {
      return text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    } else if (value instanceof RawJson json) {
      String clean = JsonEscapes.forPostgres(json.json());
      return clean == null ? json : new RawJson(clean);
    }
    return value;
  }

  @Override
  public void widen(Connection connection, TableName table, Map<String, StorageType> from,
      Map<String, StorageType> to) throws SQLException {
    StringJoiner changes = new StringJoiner(", ", "ALTER TABLE " + table.sql() + " ", "");
    for (Map.Entry<String, StorageType> change : to.entrySet()) {
      String column = SqlIdentifiers.quote(change.getKey());
      changes.add("ALTER COLUMN " + column + " TYPE " + sqlType(change.getValue()) + " USING "
          + convert(column, from.get(change.getKey()), change.getValue()));
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(changes.toString());
    }
  }

  /** The value of {@code column} as a column of {@code to} holds it, the same as {@link ColumnValues} writes it. */
  private static String convert(String column, StorageType from, StorageType to) {
    if (to == StorageType.NUMBER) {
      return column + "::numeric";
    } else if (to == StorageType.STRING) {
      if (from == StorageType.JSON) {
        return column + " #>> '{}'";
      }
      // to_jsonb writes dates and times in ISO-8601, as ColumnValues does (with the session's zone, UTC).
      return from == StorageType.BINARY ? "encode(" + column + ", 'base64')" : "to_jsonb(" + column + ") #>> '{}'";
    }
    return from == StorageType.BINARY ? "to_jsonb(encode(" + column + ", 'base64'))" : "to_jsonb(" + column + ")";
  }

  /**
   * A load table is new at each sync: without statistics the planner would guess a merge's joins blind (and with a
   * guess of millions of rows compile them to machine code, 0.1 s a statement). Only the columns the merge joins and
   * orders on: the whole table's statistics took 0.2 s for each 160,000 rows, a tenth of the merge.
   */
  @Override
  public String analyze(TableName table, List<String> columns) {
    return "ANALYZE " + table.sql() + " (" + String.join(", ", columns) + ")";
  }

  @Override
  public String clear(TableName table) {
    return "TRUNCATE " + table.sql();
  }

  @Override
  public String createLoadTable() {
    // What a load table holds lives only in the open transaction: after a lost connection (or a server's crash,
    // which empties unlogged tables) the warehouse copies the batches again. So the table writes no WAL.
    return "CREATE UNLOGGED TABLE";
  }

  @Override
  public boolean hasIndex(Connection connection, TableName table, List<String> columns) throws SQLException {
    Map<Long, List<String>> indexes = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT i.indexrelid::bigint, a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)"
            + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
            + " WHERE n.nspname = ? AND c.relname = ? ORDER BY 1, k.position")) {
      statement.setString(1, table.schema());
      statement.setString(2, table.name());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          indexes.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(rows.getString(2));
        }
      }
    }
    return indexes.containsValue(columns);
  }

  @Override
  public void createIndex(Connection connection, TableName table, List<String> columns) throws SQLException {
    StringJoiner keys = new StringJoiner(", ", "(", ")");
    columns.forEach(column -> keys.add(SqlIdentifiers.quote(column)));
    try (Statement statement = connection.createStatement()) {
      // PostgreSQL names the index itself, avoiding the names taken in the schema.
      statement.execute("CREATE INDEX ON " + table.sql() + " " + keys);
    }
  }

  /** A PostgreSQL value as java.time types where the driver would give java.sql ones, JSON as its text. */
  @Override
  public Object read(ResultSet result, int column, String sqlType) throws SQLException {
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
}

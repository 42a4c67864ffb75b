package io.destkit.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What differs between the engines in SQL: names and their limits, column types and how a column widens, and the
 * few statements that each engine spells its own way. Every identifier a dialect puts in SQL is quoted.
 */
public interface SqlDialect {
  /** The engine's name, as messages name it. */
  String engine();

  /** The longest identifier the engine keeps. */
  int maxIdentifierLength();

  /** Whether two identifiers that differ only by case are the same to the engine, even quoted. */
  boolean caseInsensitiveNames();

  /** The schema of a stream's tables: its namespace, or the configured default; null where there are no schemas. */
  String schema(String namespace, String defaultSchema);

  /** What is normalized into the name of a stream's table within its schema. */
  String tableBaseName(String namespace, String stream);

  /** The schema of load tables; null to put each beside its final table. */
  String loadSchema();

  /** Creates the schema when missing; nothing where the engine has no schemas. */
  void createSchema(Connection connection, String schema) throws SQLException;

  /**
   * Whether the name of {@code table} is held by another table, to an engine that does not tell names apart by case
   * ({@link #caseInsensitiveNames}): one whose name differs from it only by case, left by an earlier sync of a stream
   * named so. That stream keeps the name (the first to claim a name keeps it); the new one gets another.
   */
  default boolean heldByAnotherTable(Connection connection, TableName table) throws SQLException {
    if (!caseInsensitiveNames()) {
      return false;
    }
    try (ResultSet tables = connection.getMetaData().getTables(null, table.schema(), null, null)) {
      while (tables.next()) {
        String name = tables.getString("TABLE_NAME");
        if (name.equalsIgnoreCase(table.name()) && !name.equals(table.name())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A value of a result set as it compares with what was sent (java.time values rather than java.sql ones, JSON as
   * text): for reading tables back ({@link TableReader}). {@code sqlType} is the column's type name as the driver
   * reports it.
   */
  default Object read(ResultSet result, int column, String sqlType) throws SQLException {
    return result.getObject(column);
  }

  /** The table's columns and their declared types, in table order; empty when the table does not exist. */
  Map<String, String> columns(Connection connection, TableName table) throws SQLException;

  /** The SQL type of a data column. */
  String sqlType(StorageType type);

  /** What a column of this declared type (as {@link #columns} reports it) stores. */
  StorageType storageType(String declaredType);

  /** Column types of {@code _airbyte_raw_id}, {@code _airbyte_extracted_at}, {@code _airbyte_meta}, {@code _airbyte_generation_id}. */
  String rawIdType();

  /** The type of {@code _airbyte_extracted_at}. */
  String extractedAtType();

  /** The type of {@code _airbyte_meta}. */
  String metaType();

  /** The type of {@code _airbyte_generation_id}. */
  String generationIdType();

  /**
   * Whether a value (in the form {@link ColumnValues#forColumn} gives) fits a column of {@code type}; one that does
   * not is stored as null, with a {@code DESTINATION_FIELD_SIZE_LIMITATION} change.
   */
  boolean fits(Object value, StorageType type);

  /**
   * The value as the engine holds it when it can hold it only approximately (SQLite: a decimal with more digits than
   * a double keeps); the same instance when it is held exactly. A changed value gets a {@code TRUNCATED}
   * {@code DESTINATION_FIELD_SIZE_LIMITATION} change.
   */
  default Object approximate(Object value) {
    return value;
  }

  /**
   * The value with what the engine cannot store removed (PostgreSQL text cannot hold the NUL character); the same
   * instance when nothing had to go. A changed value gets a {@code TRUNCATED} change.
   */
  default Object sanitize(Object value) {
    return value;
  }

  /**
   * Widens columns of an existing table, converting the values they hold: {@code from} and {@code to} give the old
   * and new storage type of each column to change.
   */
  void widen(Connection connection, TableName table, Map<String, StorageType> from, Map<String, StorageType> to)
      throws SQLException;

  /** An expression of {@code column} (already quoted and qualified) that orders as the column's values do. */
  default String orderKey(String column, StorageType type) {
    return column;
  }

  /**
   * A statement that deletes the rows of {@code target} whose {@code key} equals that of a row of {@code load}; by
   * default {@code DELETE ... USING}, which PostgreSQL and DuckDB plan as a join.
   */
  default String deleteMatching(TableName target, TableName load, List<String> key) {
    return "DELETE FROM " + target.sql() + " AS t USING " + load.sql() + " AS l WHERE " + keysEqual("t", "l", key);
  }

  /** {@code a.k1 = b.k1 AND a.k2 = b.k2 ...} over the quoted {@code key} columns. */
  static String keysEqual(String a, String b, List<String> key) {
    StringJoiner same = new StringJoiner(" AND ");
    for (String column : key) {
      same.add(a + "." + SqlIdentifiers.quote(column) + " = " + b + "." + SqlIdentifiers.quote(column));
    }
    return same.toString();
  }

  /**
   * A statement that updates the planner's statistics of a table before a merge reads it, for the columns the merge
   * joins and orders on (quoted); null when none is needed.
   */
  default String analyze(TableName table, List<String> columns) {
    return null;
  }

  /** A statement that empties a table. */
  String clear(TableName table);

  /** The statement that starts the creation of a load table, up to and without its name. */
  String createLoadTable();

  /** Whether the table has an index on exactly these columns, in this order. */
  boolean hasIndex(Connection connection, TableName table, List<String> columns) throws SQLException;

  /** Creates an index on these columns. */
  void createIndex(Connection connection, TableName table, List<String> columns) throws SQLException;
}

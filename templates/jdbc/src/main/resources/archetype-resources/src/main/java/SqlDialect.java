package ${package};

import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.StreamDescriptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * What differs from one database to another, in one place: how streams map to tables, the column type of each
 * Airbyte type, the DDL, and how rows are loaded in bulk. The defaults are plain SQL that most databases take;
 * {@link SqliteDialect} overrides what SQLite does its own way. For another database, implement this (with its
 * driver in the pom) and pick it in {@link #forUrl}.
 */
public interface SqlDialect {
  /** The dialect of a JDBC URL. */
  static SqlDialect forUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return new SqliteDialect();
    }
    throw new IllegalArgumentException("No SQL dialect for " + jdbcUrl.replaceAll("^(jdbc:[^:]+:).*", "$1")
        + " URLs: this destination writes to SQLite (jdbc:sqlite:FILE). Add a SqlDialect for your database.");
  }

  // ------------------------------------------------------------------------------------------------------------
  // Names

  /** The table of a stream. */
  TableName tableName(StreamDescriptor stream);

  /** An identifier as SQL writes it: quoted, so that any name and reserved words are safe. */
  default String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** A table as SQL writes it, with its schema when it has one. */
  default String qualified(TableName table) {
    return table.schema() == null ? quote(table.name()) : quote(table.schema()) + "." + quote(table.name());
  }

  // ------------------------------------------------------------------------------------------------------------
  // Types

  /** The column type that holds values of {@code type} (the Airbyte columns included, see {@link TablePlan}). */
  String columnType(AirbyteType type);

  /** The value a statement binds for a decoded value (see {@code Record.values()}) of {@code type}; null stays null. */
  Object bindValue(Object value, AirbyteType type);

  // ------------------------------------------------------------------------------------------------------------
  // DDL

  /** Creates {@code table} with {@code columns} when it does not exist. */
  default List<String> createTable(TableName table, List<TablePlan.ColumnDefinition> columns) {
    StringJoiner definitions = new StringJoiner(", ", "(", ")");
    for (TablePlan.ColumnDefinition column : columns) {
      definitions.add(quote(column.name()) + " " + columnType(column.type()));
    }
    return List.of("CREATE TABLE IF NOT EXISTS " + qualified(table) + " " + definitions);
  }

  /** Adds a column the table lacks (the stream's schema grew). */
  default String addColumn(TableName table, TablePlan.ColumnDefinition column) {
    return "ALTER TABLE " + qualified(table) + " ADD COLUMN " + quote(column.name()) + " " + columnType(column.type());
  }

  /** Drops {@code table} when it exists. */
  default String dropTable(TableName table) {
    return "DROP TABLE IF EXISTS " + qualified(table);
  }

  /** Makes {@code stage} the stream's table in place of {@code table}, within the open transaction. */
  default List<String> replaceTable(TableName stage, TableName table) {
    return List.of(dropTable(table), "ALTER TABLE " + qualified(stage) + " RENAME TO " + quote(table.name()));
  }

  // ------------------------------------------------------------------------------------------------------------
  // Bulk load

  /**
   * Writes {@code records} of {@code stream} into {@code table} (the stream's or its stage) within the connection's
   * open transaction. By default batched INSERTs of bound values; a database with a faster path (PostgreSQL's COPY,
   * a warehouse's staged files) overrides this.
   */
  default void bulkLoad(Connection connection, TableName table, TablePlan plan, StreamContext stream,
      List<Record> records) throws SQLException {
    List<TablePlan.ColumnDefinition> columns = plan.allColumns();
    StringJoiner names = new StringJoiner(", ", "(", ")");
    StringJoiner marks = new StringJoiner(", ", "(", ")");
    for (TablePlan.ColumnDefinition column : columns) {
      names.add(quote(column.name()));
      marks.add("?");
    }
    String insert = "INSERT INTO " + qualified(table) + " " + names + " VALUES " + marks;
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      int pending = 0;
      for (Record record : records) {
        List<Object> row = new ArrayList<>(columns.size());
        row.add(record.rawId().toString());
        row.add(SqlValues.extractedAt(record));
        row.add(SqlValues.meta(stream, record));
        row.add(stream.generationId());
        for (int i = 0; i < plan.columns().size(); i++) {
          row.add(bindValue(record.value(i), plan.columns().get(i).type()));
        }
        for (int i = 0; i < row.size(); i++) {
          statement.setObject(i + 1, row.get(i));
        }
        statement.addBatch();
        if (++pending == 1000) {
          statement.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        statement.executeBatch();
      }
    }
  }
}

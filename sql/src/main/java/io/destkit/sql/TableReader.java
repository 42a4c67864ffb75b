package io.destkit.sql;

import io.destkit.runtime.write.StreamDescriptor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a stream's table back as rows of field values, finding the table and its columns with the warehouse's own
 * naming ({@link TableNames}): for tests and reports, e.g. behind the testkit's {@code DestinationReader}. Each value
 * is read with {@link SqlDialect#read}, so that it compares with what was sent.
 */
public final class TableReader {
  private final Connection connection;
  private final SqlDialect dialect;
  private final String defaultSchema;
  private final Map<List<StreamDescriptor>, Map<StreamDescriptor, TableName>> named = new HashMap<>();

  /** A reader over {@code connection}; streams without namespace are in {@code defaultSchema} (null without schemas). */
  public TableReader(Connection connection, SqlDialect dialect, String defaultSchema) {
    this.connection = connection;
    this.dialect = dialect;
    this.defaultSchema = defaultSchema;
  }

  /**
   * The table of {@code stream} among the streams of a catalog, in catalog order. The names of a catalog are worked out
   * once and kept: a warehouse names a catalog's tables once, when a sync of it starts.
   */
  public TableName table(List<StreamDescriptor> catalog, StreamDescriptor stream) throws SQLException {
    Map<StreamDescriptor, TableName> tables = named.get(catalog);
    if (tables == null) {
      tables = new HashMap<>();
      TableNames names = new TableNames(dialect, defaultSchema);
      for (StreamDescriptor each : catalog) {
        tables.put(each, names.next(connection, each));
      }
      named.put(List.copyOf(catalog), tables);
    }
    TableName table = tables.get(stream);
    if (table == null) {
      throw new IllegalArgumentException(stream + " is not in the catalog");
    }
    return table;
  }

  /**
   * The rows of {@code stream}'s table: each a map of field name (and {@code _airbyte_*} column) to value; empty when
   * the table does not exist.
   */
  public List<Map<String, Object>> rows(List<StreamDescriptor> catalog, StreamDescriptor stream, List<String> fields)
      throws SQLException {
    TableName table = table(catalog, stream);
    if (dialect.columns(connection, table).isEmpty()) {
      return List.of();
    }
    Map<String, String> fieldOfColumn = new HashMap<>();
    for (String airbyte : List.of(TableEvolution.RAW_ID, TableEvolution.EXTRACTED_AT, TableEvolution.META,
        TableEvolution.GENERATION_ID)) {
      fieldOfColumn.put(airbyte, airbyte);
    }
    TableNames.columns(dialect, fields).forEach((field, column) -> fieldOfColumn.put(column, field));
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM " + table.sql())) {
      ResultSetMetaData meta = result.getMetaData();
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          String field = fieldOfColumn.get(meta.getColumnName(i));
          if (field != null) {
            row.put(field, dialect.read(result, i, meta.getColumnTypeName(i)));
          }
        }
        rows.add(row);
      }
    }
    return rows;
  }
}

package io.destkit.sql;

import io.destkit.sql.SqlIdentifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Creates the tables a stream loads into, or brings existing ones up to the stream's columns: a new field adds a
 * column, and a field whose type changed widens its column (see {@link StorageType#widen}) in every one of the
 * tables, so that rows move between them unchanged. Columns the stream no longer sends are kept. Nothing is ever
 * narrowed or dropped.
 */
public final class TableEvolution {
  static final String RAW_ID = "_airbyte_raw_id";
  static final String EXTRACTED_AT = "_airbyte_extracted_at";
  static final String META = "_airbyte_meta";
  static final String GENERATION_ID = "_airbyte_generation_id";
  /** The arrival order of a record within a sync, in load tables only: the last of equal versions wins. */
  public static final String LOAD_SEQUENCE = "_airbyte_load_seq";

  private final SqlDialect dialect;

  TableEvolution(SqlDialect dialect) {
    this.dialect = dialect;
  }

  /**
   * Creates or updates {@code tables} for data columns {@code columns} of types {@code wanted}; returns the type of
   * each column as the tables now have it: the wanted type, widened by what the tables held before.
   */
  List<StorageType> apply(Connection connection, List<TableName> tables, List<String> columns,
      List<StorageType> wanted) throws SQLException {
    Map<TableName, Map<String, String>> existing = new LinkedHashMap<>();
    List<StorageType> types = new ArrayList<>(wanted);
    for (TableName table : tables) {
      Map<String, String> declared = dialect.columns(connection, table);
      if (dialect.caseInsensitiveNames()) {
        // To such an engine a field renamed by case is the same column: find it, never add it twice.
        Map<String, String> anyCase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        anyCase.putAll(declared);
        declared = anyCase;
      }
      existing.put(table, declared);
      for (int i = 0; i < columns.size(); i++) {
        String type = declared.get(columns.get(i));
        if (type != null) {
          types.set(i, types.get(i).widen(dialect.storageType(type)));
        }
      }
    }
    for (Map.Entry<TableName, Map<String, String>> table : existing.entrySet()) {
      if (table.getValue().isEmpty()) {
        create(connection, "CREATE TABLE", table.getKey(), columns, types, false);
      } else {
        update(connection, table.getKey(), table.getValue(), columns, types);
      }
    }
    return types;
  }

  /** Creates the load table afresh, dropping what a failed sync left in it: those records will come again. */
  void createLoadTable(Connection connection, TableName load, List<String> columns, List<StorageType> types)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + load.sql());
    }
    create(connection, dialect.createLoadTable(), load, columns, types, true);
  }

  private void create(Connection connection, String create, TableName table, List<String> columns,
      List<StorageType> types, boolean withSequence) throws SQLException {
    StringJoiner definitions = new StringJoiner(", ", create + " " + table.sql() + " (", ")");
    definitions.add(SqlIdentifiers.quote(RAW_ID) + " " + dialect.rawIdType());
    definitions.add(SqlIdentifiers.quote(EXTRACTED_AT) + " " + dialect.extractedAtType());
    definitions.add(SqlIdentifiers.quote(META) + " " + dialect.metaType());
    definitions.add(SqlIdentifiers.quote(GENERATION_ID) + " " + dialect.generationIdType());
    for (int i = 0; i < columns.size(); i++) {
      definitions.add(SqlIdentifiers.quote(columns.get(i)) + " " + dialect.sqlType(types.get(i)));
    }
    if (withSequence) {
      definitions.add(SqlIdentifiers.quote(LOAD_SEQUENCE) + " BIGINT NOT NULL");
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(definitions.toString());
    }
  }

  private void update(Connection connection, TableName table, Map<String, String> declared, List<String> columns,
      List<StorageType> types) throws SQLException {
    Map<String, StorageType> from = new LinkedHashMap<>();
    Map<String, StorageType> to = new LinkedHashMap<>();
    List<String> additions = new ArrayList<>();
    // A table someone else made may lack Airbyte's columns: they are added, nullable as it may hold rows.
    Map<String, String> airbyte = new LinkedHashMap<>();
    airbyte.put(RAW_ID, dialect.rawIdType());
    airbyte.put(EXTRACTED_AT, dialect.extractedAtType());
    airbyte.put(META, dialect.metaType());
    airbyte.put(GENERATION_ID, dialect.generationIdType());
    for (Map.Entry<String, String> column : airbyte.entrySet()) {
      if (!declared.containsKey(column.getKey())) {
        additions.add(SqlIdentifiers.quote(column.getKey()) + " " + column.getValue().replace(" NOT NULL", ""));
      }
    }
    for (int i = 0; i < columns.size(); i++) {
      String type = declared.get(columns.get(i));
      if (type == null) {
        additions.add(SqlIdentifiers.quote(columns.get(i)) + " " + dialect.sqlType(types.get(i)));
      } else if (dialect.storageType(type) != types.get(i)) {
        from.put(columns.get(i), dialect.storageType(type));
        to.put(columns.get(i), types.get(i));
      }
    }
    if (!to.isEmpty()) {
      dialect.widen(connection, table, from, to);
    }
    try (Statement statement = connection.createStatement()) {
      for (String addition : additions) {
        statement.execute("ALTER TABLE " + table.sql() + " ADD COLUMN " + addition);
      }
    }
  }
}

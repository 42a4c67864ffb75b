package io.destkit.sql;

import io.destkit.runtime.write.StreamDescriptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a warehouse names tables and columns, in one place for the warehouse and for whoever reads its tables back
 * (tests, reports): a stream's table is its normalized name within its schema, in catalog order, the later of two
 * colliding names hashed, and, for an engine blind to case, a name an earlier sync's table holds in another case left
 * to that table. Columns are the fields' normalized names beside the reserved {@code _airbyte_*} columns.
 */
public final class TableNames {
  /** The columns every table has, and the load tables' sequence column: no field takes their names. */
  public static final List<String> RESERVED = List.of(TableEvolution.RAW_ID, TableEvolution.EXTRACTED_AT,
      TableEvolution.META, TableEvolution.GENERATION_ID, TableEvolution.LOAD_SEQUENCE);

  private final SqlDialect dialect;
  private final String defaultSchema;
  private final Map<String, Names> scopes = new HashMap<>();

  /** Names for {@code dialect}, streams without namespace in {@code defaultSchema} (null without schemas). */
  public TableNames(SqlDialect dialect, String defaultSchema) {
    this.dialect = dialect;
    this.defaultSchema = defaultSchema;
  }

  /**
   * The table of the next stream of the catalog; {@code connection} looks up the tables of earlier syncs for an engine
   * blind to case (it may be null for the others).
   */
  public TableName next(Connection connection, StreamDescriptor stream) throws SQLException {
    String schema = dialect.schema(stream.namespace(), defaultSchema);
    Names tables = scopes.computeIfAbsent(schema == null ? "" : schema,
        k -> new Names(dialect.maxIdentifierLength(), dialect.caseInsensitiveNames()));
    String base = dialect.tableBaseName(stream.namespace(), stream.name());
    String name = !dialect.caseInsensitiveNames() ? tables.assign(base)
        : tables.assign(base, candidate -> dialect.heldByAnotherTable(connection, new TableName(schema, candidate)));
    return new TableName(schema, name);
  }

  /** The table of {@code stream} among the streams of a catalog, in catalog order, as a warehouse names it. */
  public static TableName of(Connection connection, SqlDialect dialect, String defaultSchema,
      List<StreamDescriptor> catalog, StreamDescriptor stream) throws SQLException {
    TableNames names = new TableNames(dialect, defaultSchema);
    for (StreamDescriptor each : catalog) {
      TableName table = names.next(connection, each);
      if (each.equals(stream)) {
        return table;
      }
    }
    throw new IllegalArgumentException(stream + " is not in the catalog");
  }

  /** The column of each field, in field order: the field's normalized name, unique beside the reserved columns. */
  public static Map<String, String> columns(SqlDialect dialect, List<String> fields) {
    Names columns = new Names(dialect.maxIdentifierLength(), dialect.caseInsensitiveNames());
    RESERVED.forEach(columns::reserve);
    Map<String, String> byField = new LinkedHashMap<>();
    for (String field : fields) {
      byField.put(field, columns.assign(field));
    }
    return byField;
  }
}

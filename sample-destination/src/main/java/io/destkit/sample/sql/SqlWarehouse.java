package io.destkit.sample.sql;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.write.Column;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.StreamDescriptor;
import io.destkit.sample.jdbc.SqlIdentifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Loads streams into direct-load tables over one JDBC connection in one open transaction at a time: each stream's
 * table has a typed column per field plus {@code _airbyte_raw_id}, {@code _airbyte_extracted_at},
 * {@code _airbyte_meta} and {@code _airbyte_generation_id}; batches are inserted with prepared statements, and
 * {@link #commit()} makes them durable. Every identifier is normalized and quoted, every value bound.
 */
public final class SqlWarehouse implements AutoCloseable {
  static final String RAW_ID = "_airbyte_raw_id";
  static final String EXTRACTED_AT = "_airbyte_extracted_at";
  static final String META = "_airbyte_meta";
  static final String GENERATION_ID = "_airbyte_generation_id";

  private final Connection connection;
  private final SqlDialect dialect;
  private final String defaultSchema;
  private final Map<String, Names> tableNames = new HashMap<>();
  private final Map<StreamDescriptor, TablePlan> plans = new HashMap<>();

  public SqlWarehouse(Connection connection, SqlDialect dialect, String defaultSchema) throws SQLException {
    this.connection = connection;
    this.dialect = dialect;
    this.defaultSchema = defaultSchema;
    connection.setAutoCommit(false);
  }

  /** Creates the stream's table, or adds the columns it lacks; the DDL is committed at once. */
  public void prepare(StreamContext stream) throws SQLException {
    String schemaKey = stream.namespace() == null ? "" : stream.namespace();
    Names tables = tableNames.computeIfAbsent(schemaKey,
        k -> new Names(dialect.maxIdentifierLength(), dialect.caseInsensitiveNames()));
    TableName table = dialect.tableName(stream.namespace(), stream.name(), defaultSchema, tables);
    Names columnNames = new Names(dialect.maxIdentifierLength(), dialect.caseInsensitiveNames());
    for (String reserved : List.of(RAW_ID, EXTRACTED_AT, META, GENERATION_ID)) {
      columnNames.reserve(reserved);
    }
    List<String> columns = new ArrayList<>();
    for (Column column : stream.columns()) {
      columns.add(columnNames.assign(column.name()));
    }
    dialect.createSchema(connection, table);
    Set<String> existing = dialect.existingColumns(connection, table);
    try (Statement statement = connection.createStatement()) {
      if (existing.isEmpty()) {
        statement.execute(createTable(table, stream, columns));
      } else {
        for (int i = 0; i < columns.size(); i++) {
          if (!existing.contains(columns.get(i))) {
            statement.execute("ALTER TABLE " + table.sql() + " ADD COLUMN " + SqlIdentifiers.quote(columns.get(i))
                + " " + dialect.columnType(stream.columnType(i)));
          }
        }
      }
    }
    connection.commit();
    plans.put(stream.descriptor(), new TablePlan(stream, table, columns, insertSql(table, columns),
        meta(stream.syncId(), List.of())));
  }

  private String createTable(TableName table, StreamContext stream, List<String> columns) {
    StringJoiner definitions = new StringJoiner(", ", "CREATE TABLE " + table.sql() + " (", ")");
    definitions.add(SqlIdentifiers.quote(RAW_ID) + " " + dialect.rawIdType());
    definitions.add(SqlIdentifiers.quote(EXTRACTED_AT) + " " + dialect.extractedAtType());
    definitions.add(SqlIdentifiers.quote(META) + " " + dialect.metaType());
    definitions.add(SqlIdentifiers.quote(GENERATION_ID) + " " + dialect.generationIdType());
    for (int i = 0; i < columns.size(); i++) {
      definitions.add(SqlIdentifiers.quote(columns.get(i)) + " " + dialect.columnType(stream.columnType(i)));
    }
    return definitions.toString();
  }

  private static String insertSql(TableName table, List<String> columns) {
    StringJoiner names = new StringJoiner(", ", "INSERT INTO " + table.sql() + " (", ")");
    StringJoiner values = new StringJoiner(", ", " VALUES (", ")");
    for (String name : List.of(RAW_ID, EXTRACTED_AT, META, GENERATION_ID)) {
      names.add(SqlIdentifiers.quote(name));
      values.add("?");
    }
    for (String column : columns) {
      names.add(SqlIdentifiers.quote(column));
      values.add("?");
    }
    return names.toString() + values;
  }

  /** Inserts the batch in the open transaction. */
  public void insert(RecordBatch batch) throws SQLException {
    TablePlan plan = plans.get(batch.stream().descriptor());
    StreamContext stream = plan.stream();
    int columns = plan.columns().size();
    try (PreparedStatement insert = connection.prepareStatement(plan.insertSql())) {
      for (Record record : batch.records()) {
        List<MetaChange> changes = record.changes();
        for (int i = 0; i < columns; i++) {
          Object value = record.value(i);
          if (value != null && !dialect.fits(value)) {
            value = null;
            changes = withChange(changes, new MetaChange(stream.columns().get(i).name(), MetaChange.Change.NULLED,
                MetaChange.Reason.DESTINATION_FIELD_SIZE_LIMITATION));
          }
          dialect.bind(insert, 5 + i, value, stream.columnType(i));
        }
        dialect.bindRawId(insert, 1, record.rawId());
        dialect.bindExtractedAt(insert, 2, record.emittedAt());
        dialect.bindMeta(insert, 3, changes.isEmpty() ? plan.plainMeta() : meta(stream.syncId(), changes));
        insert.setLong(4, stream.generationId());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static List<MetaChange> withChange(List<MetaChange> changes, MetaChange change) {
    List<MetaChange> more = new ArrayList<>(changes);
    more.add(change);
    return more;
  }

  /** Makes everything inserted since the last commit durable. */
  public void commit() throws SQLException {
    connection.commit();
  }

  /** The table a stream was loaded into; null for a stream not prepared. */
  public TableName table(StreamDescriptor stream) {
    TablePlan plan = plans.get(stream);
    return plan == null ? null : plan.table();
  }

  /** Drops what was not committed, then closes the connection. */
  @Override
  public void close() throws SQLException {
    try {
      if (!connection.isClosed()) {
        connection.rollback();
      }
    } finally {
      connection.close();
    }
  }

  /** {@code {"sync_id": ..., "changes": [...]}}. */
  static String meta(long syncId, List<MetaChange> changes) {
    StringBuilder json = new StringBuilder(48 + changes.size() * 80);
    json.append("{\"sync_id\":").append(syncId).append(",\"changes\":[");
    JsonStringEncoder encoder = JsonStringEncoder.getInstance();
    for (int i = 0; i < changes.size(); i++) {
      MetaChange change = changes.get(i);
      json.append(i == 0 ? "" : ",").append("{\"field\":\"").append(encoder.quoteAsString(change.field()))
          .append("\",\"change\":\"").append(change.change().protocolValue())
          .append("\",\"reason\":\"").append(change.reason().protocolValue()).append("\"}");
    }
    return json.append("]}").toString();
  }
}

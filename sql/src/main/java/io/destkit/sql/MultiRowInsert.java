package io.destkit.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.StringJoiner;

/**
 * The portable bulk load: prepared INSERTs of up to 100 rows each (a statement's cost is paid once a group, not once a
 * row), and a JDBC batch of single-row INSERTs for the rows of a batch that fill no group. Parameters stay well below
 * every engine's limit.
 */
public final class MultiRowInsert implements BulkLoader {
  private static final int MAX_GROUP_PARAMETERS = 4_000;
  private static final int MAX_GROUP_ROWS = 100;

  /** One row waiting for its group to fill; the caller's value array is reused, so the values are copied. */
  private record Row(String rawId, long emittedAtMillis, String meta, long generationId, Object[] values,
      long sequence) {}

  private final SqlEngine engine;
  private final boolean withSequence;
  private final int parameters;
  private final Row[] waiting;
  private final PreparedStatement single;
  private final PreparedStatement group;
  private int count;

  /** Inserts into {@code table} the columns of {@code plan}, and {@code _airbyte_load_seq} when {@code withSequence}. */
  public MultiRowInsert(SqlEngine engine, Connection connection, TableName table, TablePlan plan,
      boolean withSequence) throws SQLException {
    this.engine = engine;
    this.withSequence = withSequence;
    this.parameters = 4 + plan.columns().size() + (withSequence ? 1 : 0);
    this.waiting = new Row[Math.max(1, Math.min(MAX_GROUP_ROWS, MAX_GROUP_PARAMETERS / parameters))];
    this.single = connection.prepareStatement(sql(table, plan, 1));
    PreparedStatement many;
    try {
      many = connection.prepareStatement(sql(table, plan, waiting.length));
    } catch (SQLException e) {
      single.close();
      throw e;
    }
    this.group = many;
  }

  @Override
  public void add(String rawId, long emittedAtMillis, String meta, long generationId, Object[] values, long sequence)
      throws SQLException {
    waiting[count++] = new Row(rawId, emittedAtMillis, meta, generationId, values.clone(), sequence);
    if (count == waiting.length) {
      for (int r = 0; r < count; r++) {
        bind(group, r * parameters, waiting[r]);
      }
      group.executeUpdate();
      count = 0;
    }
  }

  @Override
  public void flush() throws SQLException {
    if (count == 0) {
      return;
    }
    for (int r = 0; r < count; r++) {
      bind(single, 0, waiting[r]);
      single.addBatch();
    }
    count = 0;
    single.executeBatch();
  }

  /** Binds one row's parameters after the first {@code offset}: the Airbyte columns, the values, the sequence. */
  private void bind(PreparedStatement statement, int offset, Row row) throws SQLException {
    statement.setString(offset + 1, row.rawId());
    engine.bindExtractedAt(statement, offset + 2, row.emittedAtMillis());
    statement.setString(offset + 3, row.meta());
    statement.setLong(offset + 4, row.generationId());
    Object[] values = row.values();
    for (int i = 0; i < values.length; i++) {
      engine.bind(statement, offset + 5 + i, values[i]);
    }
    if (withSequence) {
      statement.setLong(offset + 5 + values.length, row.sequence());
    }
  }

  private String sql(TableName table, TablePlan plan, int rows) {
    StringJoiner row = new StringJoiner(", ", "(", ")");
    for (int i = 0; i < parameters; i++) {
      row.add("?");
    }
    StringJoiner all = new StringJoiner(", ");
    for (int i = 0; i < rows; i++) {
      all.add(row.toString());
    }
    return "INSERT INTO " + table.sql() + " (" + MergeStatements.columnList(plan)
        + (withSequence ? ", " + SqlIdentifiers.quote(TableEvolution.LOAD_SEQUENCE) : "") + ") VALUES " + all;
  }

  @Override
  public void close() throws SQLException {
    try {
      single.close();
    } finally {
      group.close();
    }
  }
}

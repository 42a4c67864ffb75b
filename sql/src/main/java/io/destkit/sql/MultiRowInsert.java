package io.destkit.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The portable bulk load: prepared INSERTs of up to 100 rows each (a statement's cost is paid once a group, not once a
 * row), and a JDBC batch of single-row INSERTs for the rows of a batch that fill no group. Knowing the batch's size
 * ({@link #expect}), each row is bound once, where it goes; without it every row goes the single-row way. Parameters
 * stay well below every engine's limit.
 */
public final class MultiRowInsert implements BulkLoader {
  private static final int MAX_GROUP_PARAMETERS = 4_000;
  private static final int MAX_GROUP_ROWS = 100;

  private final SqlEngine engine;
  private final boolean withSequence;
  private final int parameters;
  private final int groupRows;
  private final PreparedStatement single;
  private final PreparedStatement group;
  /** Rows of the batch still to come, rows bound in the group statement, and whether single rows wait in a batch. */
  private int expected;
  private int grouped;
  private boolean singles;

  /** Inserts into {@code table} the columns of {@code plan}, and {@code _airbyte_load_seq} when {@code withSequence}. */
  public MultiRowInsert(SqlEngine engine, Connection connection, TableName table, TablePlan plan,
      boolean withSequence) throws SQLException {
    this.engine = engine;
    this.withSequence = withSequence;
    this.parameters = 4 + plan.columns().size() + (withSequence ? 1 : 0);
    this.groupRows = groupRows(parameters);
    this.single = connection.prepareStatement(sql(table, plan, 1));
    PreparedStatement many;
    try {
      many = connection.prepareStatement(sql(table, plan, groupRows));
    } catch (SQLException e) {
      single.close();
      throw e;
    }
    this.group = many;
  }

  /** The rows one INSERT statement takes, for rows of {@code parameters} parameters each. */
  public static int groupRows(int parameters) {
    return Math.max(1, Math.min(MAX_GROUP_ROWS, MAX_GROUP_PARAMETERS / parameters));
  }

  @Override
  public void expect(int rows) {
    expected = rows;
  }

  @Override
  public void add(UUID rawId, long emittedAtMillis, String meta, long generationId, Object[] values, long sequence)
      throws SQLException {
    if (grouped > 0 || expected >= groupRows) {
      bind(group, grouped * parameters, rawId, emittedAtMillis, meta, generationId, values, sequence);
      if (++grouped == groupRows) {
        group.executeUpdate();
        grouped = 0;
      }
    } else {
      bind(single, 0, rawId, emittedAtMillis, meta, generationId, values, sequence);
      single.addBatch();
      singles = true;
    }
    expected = Math.max(0, expected - 1);
  }

  @Override
  public void flush() throws SQLException {
    if (grouped > 0) {
      throw new IllegalStateException("a group of " + groupRows + " rows was left unfilled: expect() was told more"
          + " rows than were added");
    }
    if (singles) {
      single.executeBatch();
      singles = false;
    }
  }

  /** Binds one row's parameters after the first {@code offset}: the Airbyte columns, the values, the sequence. */
  private void bind(PreparedStatement statement, int offset, UUID rawId, long emittedAtMillis, String meta,
      long generationId, Object[] values, long sequence) throws SQLException {
    statement.setString(offset + 1, rawId.toString());
    engine.bindExtractedAt(statement, offset + 2, emittedAtMillis);
    statement.setString(offset + 3, meta);
    statement.setLong(offset + 4, generationId);
    for (int i = 0; i < values.length; i++) {
      engine.bind(statement, offset + 5 + i, values[i]);
    }
    if (withSequence) {
      statement.setLong(offset + 5 + values.length, sequence);
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

package io.destkit.sql;

import java.sql.SQLException;
import java.util.UUID;

/**
 * One stream's rows on their way into one table, in the warehouse's open transaction: {@link #add} for each row of a
 * batch, then {@link #flush}. Rows are visible only once the warehouse commits. Made by {@link SqlEngine#loader}.
 */
public interface BulkLoader extends AutoCloseable {
  /** How many rows the batch about to be added holds: a loader may bind them its fastest way knowing it. */
  default void expect(int rows) {}

  /**
   * Adds a row: the Airbyte columns, the data values in the plan's column order (as {@link ColumnValues} gives them),
   * and, for a load table, the row's sequence number ({@code _airbyte_load_seq}; ignored otherwise).
   */
  void add(UUID rawId, long emittedAtMillis, String meta, long generationId, Object[] values, long sequence)
      throws SQLException;

  /** Sends every row added; called after each batch. */
  void flush() throws SQLException;

  @Override
  void close() throws SQLException;
}

package io.destkit.sql;

import io.destkit.runtime.error.DestinationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A database engine for {@link JdbcWarehouse}: its SQL (the {@link SqlDialect} it extends), how a value is bound,
 * how rows are loaded fastest, and what its errors mean. A new engine is one class implementing this (and, when the
 * engine has a faster path than multi-row INSERTs, a {@link BulkLoader}).
 */
public interface SqlEngine extends SqlDialect {
  /** Session settings, run once on the warehouse's connection before anything else (a lock timeout, say). */
  default void configure(Connection connection) throws SQLException {}

  /**
   * Binds a data value, in the form {@link ColumnValues#forColumn} gives it (String, Long, Boolean, BigDecimal,
   * byte[], java.time values, {@code RawJson}), or null.
   */
  void bind(PreparedStatement statement, int index, Object value) throws SQLException;

  /** Binds {@code _airbyte_extracted_at}, the record's {@code emitted_at} in epoch milliseconds. */
  void bindExtractedAt(PreparedStatement statement, int index, long emittedAtMillis) throws SQLException;

  /**
   * Where one stream's rows go, the engine's fastest way; {@link MultiRowInsert} (prepared INSERTs of many rows each)
   * unless the engine has better. Its rows stay in the warehouse's open transaction.
   */
  default BulkLoader loader(Connection connection, TableName table, TablePlan plan, boolean withSequence)
      throws SQLException {
    return new MultiRowInsert(this, connection, table, plan, withSequence);
  }

  /**
   * What a failure to {@code what} means, for the person who must act: a {@code ConfigException} when it is the
   * user's to fix (a read-only file, bad credentials), a {@code TransientException} for an outage that may pass (a
   * locked file, a lost connection), a {@link WarehouseException} otherwise. The message names the database, never
   * a value.
   */
  DestinationException failure(String what, SQLException e);
}

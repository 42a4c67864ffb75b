package io.destkit.sql;

import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamDescriptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A warehouse on one JDBC connection and one {@link SqlEngine}, in one open transaction between commits: each batch
 * goes through the engine's {@link BulkLoader} straight into its table (dedup streams into a load table that the
 * commit merges), and {@link #commit()} makes it durable. What an engine that loads over one connection needs beyond
 * its {@code SqlEngine}: nothing. (An engine that must survive lost connections, replaying what was not committed,
 * extends {@link SqlWarehouse} itself.)
 */
public final class JdbcWarehouse extends SqlWarehouse {
  private final SqlEngine engine;
  private final Connection connection;
  private final Map<StreamDescriptor, BulkLoader> loaders = new HashMap<>();

  /**
   * A warehouse on {@code connection} (closed with it), its tables of streams without namespace in
   * {@code defaultSchema} (null where the engine has no schemas).
   */
  public JdbcWarehouse(SqlEngine engine, Connection connection, String defaultSchema) throws Exception {
    super(engine, defaultSchema);
    this.engine = engine;
    this.connection = connection;
    try {
      engine.configure(connection);
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw engine.failure("set up the connection", e);
    }
  }

  @Override
  protected boolean usesLoadTable(TablePlan plan) {
    return plan.dedup();
  }

  @Override
  protected <T> T transaction(String what, Work<T> work) throws Exception {
    try {
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException e) {
      throw engine.failure(what, e);
    }
  }

  @Override
  protected void write(TablePlan plan, RecordBatch batch, long firstSequence) throws Exception {
    List<Record> records = batch.records();
    try {
      BulkLoader loader = loaders.get(plan.stream().descriptor());
      if (loader == null) {
        loader = engine.loader(connection, batchTable(plan), plan, usesLoadTable(plan));
        loaders.put(plan.stream().descriptor(), loader);
      }
      Object[] values = new Object[plan.columns().size()];
      long generation = plan.stream().generationId();
      loader.expect(records.size());
      for (int r = 0; r < records.size(); r++) {
        Record record = records.get(r);
        String meta = row(plan, batch, r, values);
        loader.add(record.rawId(), record.emittedAt(), meta, generation, values, firstSequence + r);
      }
      loader.flush();
    } catch (SQLException e) {
      throw engine.failure("write " + records.size() + " records of stream " + plan.stream().descriptor()
          + " to table " + batchTable(plan), e);
    }
  }

  /** Drops what was not committed, then closes the connection. */
  @Override
  public void close() throws SQLException {
    try {
      for (BulkLoader loader : loaders.values()) {
        loader.close();
      }
      if (!connection.isClosed()) {
        connection.rollback();
      }
    } finally {
      connection.close();
    }
  }
}

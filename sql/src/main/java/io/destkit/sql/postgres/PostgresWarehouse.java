package io.destkit.sql.postgres;

import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.error.DestinationException;
import io.destkit.runtime.error.TransientException;
import io.destkit.runtime.retry.RetryPolicy;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.sql.SqlWarehouse;
import io.destkit.sql.TablePlan;
import io.destkit.sql.WarehouseException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads into PostgreSQL with COPY (its binary format, {@link PostgresBinary}; CSV into a table with a column type
 * that has none here), in one open transaction between commits: batches of append and overwrite streams
 * are copied straight into their target (each row written once, as {@code psql \copy} would), batches of dedup
 * streams into their load table, which the commit merges into the target before it commits. Nothing is visible
 * before the commit, so no state is echoed before its rows are durable, and none after a failure.
 *
 * <p>A lost connection is an outage like any other: the step is retried on a new connection with backoff ({@link
 * RetryPolicy}). The batches copied since the last commit died with the old connection's transaction; their COPY
 * data is kept until the commit (bytes, not records: a commit may come only every 32 MB of input) and sent again
 * first. A commit whose answer was lost is looked up by its transaction id
 * ({@code txid_status}): if it went through, nothing is copied again.
 */
public final class PostgresWarehouse extends SqlWarehouse {
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  /** Opens connections to the server and explains their failures, never with the password. */
  public interface Connector {
    /** A new connection; a {@link DestinationException} when it cannot be had (a TransientException for an outage). */
    Connection open() throws DestinationException;

    /** Why a statement failed, in a few words, without the password. */
    String reason(SQLException e);

    /** The server, as messages name it: {@code PostgreSQL at host:port}. */
    String server();

    /** The user the connector logs in as. */
    String user();
  }

  private final Connector connector;
  private final RetryPolicy retry;
  private Connection connection;
  /** The batches copied in the open transaction, as COPY data, to send again on a new connection until the commit. */
  private final List<PostgresCopy.Copied> uncommitted = new ArrayList<>();
  /** Whether the connection holding {@link #uncommitted} was lost: they must be copied again before going on. */
  private boolean replay;
  /** Writes batches as COPY data, knowing each table's form. */
  private final PostgresCopy copies = new PostgresCopy();
  /** The transaction whose commit got no answer; null when none. */
  private Long inDoubt;


  /** A warehouse on the server {@code connector} reaches; streams without namespace go to {@code defaultSchema}. */
  public PostgresWarehouse(Connector connector, String defaultSchema, RetryPolicy retry) {
    super(new PostgresDialect(), defaultSchema);
    this.connector = connector;
    this.retry = retry;
  }

  @Override
  protected boolean usesLoadTable(TablePlan plan) {
    return plan.dedup();
  }

  @Override
  protected <T> T transaction(String what, Work<T> work) throws Exception {
    return retry.call(what, () -> {
      Connection current = connection();
      try {
        resume(current);
        T result = work.run(current);
        long transaction = transactionId(current);
        try {
          current.commit();
        } catch (SQLException e) {
          inDoubt = transaction;
          throw e;
        }
        inDoubt = null;
        committed();
        return result;
      } catch (SQLException e) {
        throw failure(what, e);
      }
    });
  }

  @Override
  protected void write(TablePlan plan, RecordBatch records, long firstSequence) throws Exception {
    PostgresCopy.Copied[] copied = new PostgresCopy.Copied[1];
    String what = "load " + records.size() + " records of stream " + plan.stream().descriptor() + " into table "
        + batchTable(plan);
    retry.call(what, () -> {
      Connection current = connection();
      try {
        resume(current);
        copied[0] = copies.copy(current, batchTable(plan), plan, records, usesLoadTable(plan) ? firstSequence : -1,
            this::row);
        return null;
      } catch (SQLException e) {
        throw failure(what, e);
      }
    });
    uncommitted.add(copied[0]);
  }

  /** The uncommitted batches were committed: their data will not be sent again, and their arrays take new data. */
  private void committed() {
    copies.release(uncommitted);
    uncommitted.clear();
  }

  /** On a new connection after a lost one: what the lost transaction held is copied again, unless it committed. */
  private void resume(Connection current) throws SQLException {
    if (inDoubt != null) {
      String status;
      try (PreparedStatement statement = current.prepareStatement("SELECT txid_status(?)")) {
        statement.setLong(1, inDoubt);
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
          status = rows.getString(1);
        }
      }
      current.rollback();
      inDoubt = null;
      if ("committed".equals(status)) {
        committed();
        replay = false;
      }
    }
    if (replay) {
      for (PostgresCopy.Copied batch : uncommitted) {
        PostgresCopy.replay(current, batch);
      }
      replay = false;
    }
  }

  private static long transactionId(Connection current) throws SQLException {
    try (Statement statement = current.createStatement();
        ResultSet rows = statement.executeQuery("SELECT txid_current()")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private Connection connection() throws Exception {
    if (connection == null) {
      Connection opened = connector.open();
      try (Statement statement = opened.createStatement()) {
        // Dates and times converted to text (a widened column) come out in UTC.
        statement.execute("SET TIME ZONE 'UTC'");
        opened.setAutoCommit(false);
      } catch (SQLException e) {
        closeQuietly(opened);
        throw failure("set up the connection", e);
      }
      connection = opened;
    }
    return connection;
  }

  /**
   * The failure as the user should see it: an outage (the connection lost, the server restarting or short of
   * resources, a deadlock) is transient, and the connection is dropped so the next try opens a new one; a missing
   * privilege is the user's to grant; anything else is a system error. Each says what failed and on which server.
   */
  private DestinationException failure(String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = "Cannot " + what + " on " + connector.server() + ": " + connector.reason(e) + ".";
    boolean outage = isOutage(state) || state.startsWith("40")
        || hasIoCause(e);
    if (outage) {
      closeQuietly(connection);
      connection = null;
      // What the lost transaction held is copied again on the next connection (unless its commit went through).
      replay = !uncommitted.isEmpty();
      return new TransientException(message, e);
    }
    rollbackQuietly();
    if (state.equals(INSUFFICIENT_PRIVILEGE)) {
      return new ConfigException(message + " Grant the user '" + connector.user() + "' the privileges it needs "
          + "(USAGE and CREATE on the schema, or CREATE on the database for new schemas).", e);
    }
    return new WarehouseException(message + (state.isEmpty() ? "" : " (SQL state " + state + ")"), e);
  }

  private static boolean hasIoCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private void rollbackQuietly() {
    try {
      if (connection != null && !connection.isClosed()) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // The statement's failure is what is reported.
    }
  }

  private static void closeQuietly(Connection toClose) {
    if (toClose == null) {
      return;
    }
    try {
      toClose.close();
    } catch (SQLException ignored) {
      // A lost connection may not close cleanly; it is gone either way.
    }
  }

  /**
   * Drops the load tables (what they still hold was never committed to a target, and will be sent again), then
   * closes the connection. A connection already lost leaves them for the next sync, which empties them first.
   */
  @Override
  public void close() throws SQLException {
    if (connection == null) {
      return;
    }
    try {
      connection.rollback();
      try (Statement statement = connection.createStatement()) {
        for (TablePlan plan : plans()) {
          statement.execute("DROP TABLE IF EXISTS " + plan.tables().load().sql());
        }
      }
      connection.commit();
    } catch (SQLException ignored) {
      // Best effort: see above.
    } finally {
      closeQuietly(connection);
      connection = null;
    }
  }

  /**
   * Whether the SQL state tells of an outage that may pass: a lost connection (class 08, but 08004, a connection the
   * server or driver rejected, such as no SSL or no password), a server short of resources (53) or shutting down or
   * starting (57P).
   */
  public static boolean isOutage(String sqlState) {
    if (sqlState == null || sqlState.equals("08004")) {
      return false;
    }
    return sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57P");
  }
}

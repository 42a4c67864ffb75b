package io.destkit.sample.sql;

import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.error.DestinationException;
import io.destkit.runtime.error.TransientException;
import io.destkit.runtime.types.IsoText;
import io.destkit.runtime.types.RawJson;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamDescriptor;
import io.destkit.sample.jdbc.SqlIdentifiers;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Loads into a SQLite file over one connection, in one open transaction between commits: batches are inserted with
 * reused prepared statements, straight into their target table (dedup streams into a temporary load table that the
 * commit merges). The journal stays SQLite's default (rollback journal, {@code synchronous=FULL}): measured on bulk
 * appends it beat WAL, and it keeps each commit durable.
 */
public final class SqliteWarehouse extends SqlWarehouse {
  /** How long to wait for another program (a reader) to let go of the file before failing. */
  private static final int BUSY_TIMEOUT_MILLIS = 60_000;
  /** {@code _airbyte_extracted_at}: fixed width, so that text order is time order. */
  private static final DateTimeFormatter EXTRACTED_AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Connection connection;
  private final String file;
  private final Map<StreamDescriptor, Inserts> inserts = new HashMap<>();
  /** The last {@code emitted_at} formatted, and its text: records of a batch mostly share it. */
  private long lastEmittedAt = Long.MIN_VALUE;
  private String lastExtractedAt;

  /** A warehouse in the SQLite file {@code file}, open on {@code connection} (closed with the warehouse). */
  public SqliteWarehouse(Connection connection, String file) throws SQLException {
    super(new SqliteDialect(), null);
    this.connection = connection;
    this.file = file;
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
      // Load tables of dedup streams hold one commit's rows: keep them in memory.
      statement.execute("PRAGMA temp_store = MEMORY");
    }
    connection.setAutoCommit(false);
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
      throw failure(what, e);
    }
  }

  @Override
  protected void write(TablePlan plan, RecordBatch batch, long firstSequence) throws Exception {
    List<Record> records = batch.records();
    boolean toLoadTable = usesLoadTable(plan);
    try {
      Inserts insert = inserts.get(plan.stream().descriptor());
      if (insert == null) {
        insert = new Inserts(plan, batchTable(plan), toLoadTable);
        inserts.put(plan.stream().descriptor(), insert);
      }
      Object[] values = new Object[plan.columns().size()];
      int r = 0;
      // Rows in groups, one statement each: SQLite's cost per statement run is paid once a group, not once a row.
      for (; r + insert.groupRows <= records.size(); r += insert.groupRows) {
        for (int g = 0; g < insert.groupRows; g++) {
          bindRow(insert.group, g * insert.parameters, plan, batch, r + g, values, firstSequence + r + g,
              toLoadTable);
        }
        insert.group.executeUpdate();
      }
      for (; r < records.size(); r++) {
        bindRow(insert.single, 0, plan, batch, r, values, firstSequence + r, toLoadTable);
        insert.single.addBatch();
      }
      insert.single.executeBatch();
    } catch (SQLException e) {
      throw failure("write " + records.size() + " records of stream " + plan.stream().descriptor() + " to table "
          + batchTable(plan), e);
    }
  }

  /** Binds one row's parameters, after the first {@code offset}: the Airbyte columns, the values, the sequence. */
  private void bindRow(PreparedStatement insert, int offset, TablePlan plan, RecordBatch batch, int index,
      Object[] values, long sequence, boolean withSequence) throws SQLException {
    Record record = batch.records().get(index);
    String meta = row(plan, batch, index, values);
    insert.setString(offset + 1, record.rawId().toString());
    insert.setString(offset + 2, extractedAt(record.emittedAt()));
    insert.setString(offset + 3, meta);
    insert.setLong(offset + 4, plan.stream().generationId());
    for (int i = 0; i < values.length; i++) {
      bind(insert, offset + 5 + i, values[i]);
    }
    if (withSequence) {
      insert.setLong(offset + 5 + values.length, sequence);
    }
  }

  /** A stream's prepared inserts: of one row, and of a group of rows. */
  private final class Inserts implements AutoCloseable {
    /** SQLite's default limit on a statement's parameters is 32,766; a group stays well below it. */
    private static final int MAX_GROUP_PARAMETERS = 4_000;
    private static final int MAX_GROUP_ROWS = 100;

    final int parameters;
    final int groupRows;
    final PreparedStatement single;
    final PreparedStatement group;

    Inserts(TablePlan plan, TableName table, boolean withSequence) throws SQLException {
      parameters = 4 + plan.columns().size() + (withSequence ? 1 : 0);
      groupRows = Math.max(1, Math.min(MAX_GROUP_ROWS, MAX_GROUP_PARAMETERS / parameters));
      single = connection.prepareStatement(insertSql(table, plan, withSequence, 1));
      group = connection.prepareStatement(insertSql(table, plan, withSequence, groupRows));
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

  private String extractedAt(long emittedAt) {
    if (emittedAt != lastEmittedAt) {
      lastExtractedAt = EXTRACTED_AT.format(Instant.ofEpochMilli(emittedAt));
      lastEmittedAt = emittedAt;
    }
    return lastExtractedAt;
  }

  private static String insertSql(TableName table, TablePlan plan, boolean withSequence, int rows) {
    String columns = MergeStatements.columnList(plan);
    StringJoiner row = new StringJoiner(", ", "(", ")");
    for (int i = 0; i < 4 + plan.columns().size() + (withSequence ? 1 : 0); i++) {
      row.add("?");
    }
    StringJoiner values = new StringJoiner(", ");
    for (int i = 0; i < rows; i++) {
      values.add(row.toString());
    }
    return "INSERT INTO " + table.sql() + " (" + columns
        + (withSequence ? ", " + SqlIdentifiers.quote(TableEvolution.LOAD_SEQUENCE) : "") + ") VALUES " + values;
  }

  /** Binds a value in the form {@link ColumnValues} gives: dates and times as ISO-8601 text, with zones in UTC. */
  private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NULL);
    } else if (value instanceof String text) {
      statement.setString(index, text);
    } else if (value instanceof Long number) {
      statement.setLong(index, number);
    } else if (value instanceof Boolean bool) {
      statement.setInt(index, bool ? 1 : 0);
    } else if (value instanceof BigDecimal decimal) {
      // As an integer or a double: the driver would bind a BigDecimal as text, of which SQLite keeps 15 digits.
      Long whole = SqliteDialect.asLong(decimal);
      if (whole != null) {
        statement.setLong(index, whole);
      } else {
        statement.setDouble(index, decimal.doubleValue());
      }
    } else if (value instanceof byte[] bytes) {
      statement.setBytes(index, bytes);
    } else if (value instanceof OffsetDateTime timestamp) {
      statement.setString(index, IsoText.offsetDateTime(timestamp.withOffsetSameInstant(ZoneOffset.UTC)));
    } else if (value instanceof LocalDateTime timestamp) {
      statement.setString(index, DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(timestamp));
    } else if (value instanceof LocalTime time) {
      statement.setString(index, DateTimeFormatter.ISO_LOCAL_TIME.format(time));
    } else if (value instanceof OffsetTime time) {
      statement.setString(index, DateTimeFormatter.ISO_OFFSET_TIME.format(time));
    } else if (value instanceof RawJson json) {
      statement.setString(index, json.json());
    } else {
      // LocalDate: yyyy-MM-dd.
      statement.setString(index, value.toString());
    }
  }

  /** What failed, on which file: a locked file is an outage, an unwritable one the user's to fix. */
  private DestinationException failure(String what, SQLException e) {
    String message = "Cannot " + what + " in SQLite file " + file + ": " + e.getMessage();
    SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode() : null;
    int primary = code == null ? -1 : code.code & 0xff;
    if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
      return new TransientException(message + ". Another program holds the file: close it, then sync again.", e);
    } else if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_CANTOPEN.code
        || primary == SQLiteErrorCode.SQLITE_PERM.code || primary == SQLiteErrorCode.SQLITE_FULL.code) {
      return new ConfigException(message + ". Check that the file and its folder can be written and that the disk "
          + "has room.", e);
    }
    return new WarehouseException(message, e);
  }

  /** Drops what was not committed, then closes the connection. */
  @Override
  public void close() throws SQLException {
    try {
      for (Inserts insert : inserts.values()) {
        insert.close();
      }
      if (!connection.isClosed()) {
        connection.rollback();
      }
    } finally {
      connection.close();
    }
  }
}

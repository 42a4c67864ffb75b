package io.destkit.sql;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.write.Column;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.StreamDescriptor;
import io.destkit.sql.SqlIdentifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads streams into the tables of a SQL database, one transaction at a time. Each stream has a final table: a typed
 * column per field plus {@code _airbyte_raw_id}, {@code _airbyte_extracted_at}, {@code _airbyte_meta} and
 * {@code _airbyte_generation_id}. How rows get there depends on the mode:
 * <ul>
 *   <li>append: rows are added to the final table;</li>
 *   <li>overwrite, and any mode on a truncate refresh ({@code minimum_generation_id == generation_id > 0}): rows go
 *       to a staging table that replaces the final table in one transaction when the stream ends COMPLETE. A sync
 *       that ends before leaves the final table as it was; the next attempt of the same generation goes on filling
 *       the staging table, any other sync starts it afresh;</li>
 *   <li>append_dedup: rows are merged by primary key at each commit (see {@link MergeStatements}).</li>
 * </ul>
 * Batches go either straight into their table in the open transaction or, where the engine needs it, into a load
 * table that {@link #commit()} moves or merges into the target in the same transaction that makes it durable. Every
 * identifier is normalized and quoted, every value bound or sent as COPY data, never pasted into SQL.
 */
public abstract class SqlWarehouse implements AutoCloseable {
  /** Statements run in one transaction. */
  @FunctionalInterface
  protected interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  static final String CDC_DELETED_AT = "_ab_cdc_deleted_at";

  /** The engine's SQL. */
  protected final SqlDialect dialect;
  private final TableEvolution evolution;
  private final TableNames tableNames;
  private final Map<StreamDescriptor, TablePlan> plans = new LinkedHashMap<>();
  private final Set<StreamDescriptor> loaded = new LinkedHashSet<>();
  private long sequence;

  protected SqlWarehouse(SqlDialect dialect, String defaultSchema) {
    this.dialect = dialect;
    this.evolution = new TableEvolution(dialect);
    this.tableNames = new TableNames(dialect, defaultSchema);
  }

  /**
   * Runs {@code work} in a transaction and commits it; a failure becomes a {@link
   * io.destkit.runtime.error.DestinationException} that says what failed ({@code what}) and where.
   */
  protected abstract <T> T transaction(String what, Work<T> work) throws Exception;

  /** Whether the stream's batches go to its load table (else straight into its target, in the open transaction). */
  protected abstract boolean usesLoadTable(TablePlan plan);

  /** The table a stream's batches are written to: its load table when {@link #usesLoadTable}, else its target. */
  protected final TableName batchTable(TablePlan plan) {
    return usesLoadTable(plan) ? plan.tables().load() : plan.target();
  }

  /**
   * Writes records of a stream: to its load table when {@link #usesLoadTable}, numbered from {@code firstSequence}
   * ({@code _airbyte_load_seq}), else to its target.
   */
  protected abstract void write(TablePlan plan, RecordBatch batch, long firstSequence) throws Exception;

  /**
   * Creates the stream's tables, or adds the columns they lack and widens those whose type changed, and readies the
   * staging and load tables its mode needs. Committed at once.
   */
  public void prepare(StreamContext stream) throws Exception {
    boolean dedup = stream.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP;
    boolean staged = stream.destinationSyncMode() == DestinationSyncMode.OVERWRITE
        || stream.truncatesOlderGenerations();
    TableName finalTable = !dialect.caseInsensitiveNames() ? tableNames.next(null, stream.descriptor())
        : transaction("name the table of stream " + stream.descriptor(),
            connection -> tableNames.next(connection, stream.descriptor()));
    StreamTables streamTables = StreamTables.of(finalTable, dialect.loadSchema(), dialect.maxIdentifierLength());

    List<String> fields = new ArrayList<>();
    List<StorageType> wanted = new ArrayList<>();
    for (Column column : stream.columns()) {
      fields.add(column.name());
      wanted.add(StorageType.of(column.type()));
    }
    List<String> columns = List.copyOf(TableNames.columns(dialect, fields).values());
    List<Integer> primaryKey = dedup ? primaryKey(stream) : List.of();
    int cursor = dedup ? cursor(stream) : -1;
    int deletedAt = dedup ? stream.columnIndex(CDC_DELETED_AT) : -1;
    Set<Integer> keyColumns = keyColumns(stream);
    TablePlan draft = new TablePlan(stream, streamTables, columns, wanted, primaryKey, cursor, deletedAt, keyColumns,
        staged, dedup, meta(stream.syncId(), List.of()));

    List<StorageType> types = transaction("prepare the tables of stream " + stream.descriptor(), connection -> {
      if (finalTable.schema() != null) {
        dialect.createSchema(connection, finalTable.schema());
      }
      if (!staged || !dedup) {
        // Left by a sync in another mode: never swapped in, or tombstones no merge will read.
        dropTables(connection, staged ? List.of(streamTables.stagingDeleted())
            : dedup ? List.of(streamTables.staging(), streamTables.stagingDeleted())
            : List.of(streamTables.staging(), streamTables.stagingDeleted(), streamTables.deleted()));
      }
      if (staged) {
        discardStaleStaging(connection, streamTables, stream.generationId());
        if (dialect.columns(connection, finalTable).isEmpty()) {
          // The final table exists from the first sync on, empty until the stream first completes.
          evolution.apply(connection, List.of(finalTable), columns, wanted);
        }
      }
      List<TableName> targets = dedup && deletedAt >= 0 ? List.of(draft.target(), draft.targetDeleted())
          : List.of(draft.target());
      List<StorageType> widened = evolution.apply(connection, targets, columns, wanted);
      if (dedup) {
        List<String> key = primaryKey.stream().map(columns::get).toList();
        for (TableName table : targets) {
          if (!dialect.hasIndex(connection, table, key)) {
            dialect.createIndex(connection, table, key);
          }
        }
      }
      if (usesLoadTable(draft)) {
        evolution.createLoadTable(connection, streamTables.load(), columns, widened);
      }
      return widened;
    });
    plans.put(stream.descriptor(), new TablePlan(stream, streamTables, columns, List.copyOf(types), primaryKey,
        cursor, deletedAt, keyColumns, staged, dedup, draft.plainMeta()));
  }

  /**
   * Drops the staging tables a sync that did not complete left, unless this sync goes on with the same generation:
   * then the records they hold were committed, their states echoed, and the source will not send them again.
   */
  private void discardStaleStaging(Connection connection, StreamTables tables, long generationId)
      throws SQLException {
    boolean resume = generationId > 0;
    boolean any = false;
    for (TableName staging : List.of(tables.staging(), tables.stagingDeleted())) {
      if (!dialect.columns(connection, staging).isEmpty()) {
        any = true;
        resume = resume && onlyGeneration(connection, staging, generationId);
      }
    }
    if (any && !resume) {
      dropTables(connection, List.of(tables.staging(), tables.stagingDeleted()));
    }
  }

  private static void dropTables(Connection connection, List<TableName> tables) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (TableName table : tables) {
        statement.execute("DROP TABLE IF EXISTS " + table.sql());
      }
    }
  }

  private static boolean onlyGeneration(Connection connection, TableName table, long generationId)
      throws SQLException {
    String generation = SqlIdentifiers.quote(TableEvolution.GENERATION_ID);
    try (PreparedStatement other = connection.prepareStatement("SELECT 1 FROM " + table.sql() + " WHERE "
        + generation + " IS NULL OR " + generation + " <> ? LIMIT 1")) {
      other.setLong(1, generationId);
      try (ResultSet row = other.executeQuery()) {
        return !row.next();
      }
    }
  }

  /** The columns of the primary key of a dedup stream; a config error when it has none, or one we cannot use. */
  private static List<Integer> primaryKey(StreamContext stream) throws ConfigException {
    if (stream.primaryKey().isEmpty()) {
      throw new ConfigException("Stream " + stream.descriptor() + " is configured as append_dedup but has no "
          + "primary key. Set its primary key, or choose the append or overwrite mode.");
    }
    List<Integer> columns = new ArrayList<>();
    for (List<String> path : stream.primaryKey()) {
      columns.add(topLevelField(stream, path, "primary key"));
    }
    return List.copyOf(columns);
  }

  /** The top-level columns of the primary key and the cursor, whatever the mode. */
  private static Set<Integer> keyColumns(StreamContext stream) {
    Set<Integer> columns = new HashSet<>();
    List<List<String>> paths = new ArrayList<>(stream.primaryKey());
    paths.add(stream.cursorField());
    for (List<String> path : paths) {
      if (!path.isEmpty() && stream.columnIndex(path.get(0)) >= 0) {
        columns.add(stream.columnIndex(path.get(0)));
      }
    }
    return Set.copyOf(columns);
  }

  private static int cursor(StreamContext stream) throws ConfigException {
    return stream.cursorField().isEmpty() ? -1 : topLevelField(stream, stream.cursorField(), "cursor");
  }

  private static int topLevelField(StreamContext stream, List<String> path, String role) throws ConfigException {
    int index = path.size() == 1 ? stream.columnIndex(path.get(0)) : -1;
    if (path.size() != 1) {
      throw new ConfigException("The " + role + " field " + String.join(".", path) + " of stream "
          + stream.descriptor() + " is nested; this destination deduplicates by top-level fields only. Choose a "
          + "top-level field, or the append mode.");
    } else if (index < 0) {
      throw new ConfigException("The " + role + " field '" + path.get(0) + "' of stream " + stream.descriptor()
          + " is not a property of the stream's json_schema. Add it to the schema, or choose another field.");
    }
    return index;
  }

  /** Writes the batch; it is durable once {@link #commit()} returns. */
  public void load(RecordBatch batch) throws Exception {
    TablePlan plan = plans.get(batch.stream().descriptor());
    long first = sequence;
    sequence += batch.size();
    try {
      write(plan, batch, first);
    } catch (KeyValueException e) {
      throw new ConfigException(e.getMessage(), e);
    }
    if (usesLoadTable(plan)) {
      loaded.add(plan.stream().descriptor());
    }
  }

  /**
   * Moves (or, for dedup, merges) what the load tables hold into the targets and commits, all in one transaction:
   * when it is repeated after a lost connection, either the first try went through and the load tables are empty,
   * or it did not and they are as they were.
   */
  public void commit() throws Exception {
    List<TablePlan> pending = loaded.stream().map(plans::get).toList();
    String what = pending.isEmpty() ? "commit"
        : "commit the records of " + pending.stream().map(plan -> plan.stream().descriptor().toString())
            .collect(Collectors.joining(", "));
    transaction(what, connection -> {
      try (Statement statement = connection.createStatement()) {
        for (TablePlan plan : pending) {
          MergeStatements.run(statement, plan.dedup() ? MergeStatements.dedup(dialect, plan)
              : MergeStatements.append(dialect, plan));
        }
      }
      return null;
    });
    loaded.clear();
  }

  /**
   * The stream sent all its records, all committed: for overwrite and truncate refresh, its staging table replaces
   * its final table (and the tombstones theirs), in one transaction.
   */
  public void complete(StreamContext stream) throws Exception {
    TablePlan plan = plans.get(stream.descriptor());
    if (plan == null || !plan.staged()) {
      return;
    }
    StreamTables tables = plan.tables();
    transaction("replace table " + tables.finalTable() + " with the data of stream " + stream.descriptor(),
        connection -> {
          if (dialect.columns(connection, tables.staging()).isEmpty()) {
            // Swapped by a try whose commit went through but whose answer was lost.
            return null;
          }
          boolean tombstones = plan.dedup() && !dialect.columns(connection, tables.stagingDeleted()).isEmpty();
          try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + tables.finalTable().sql());
            statement.execute("ALTER TABLE " + tables.staging().sql() + " RENAME TO "
                + SqlIdentifiers.quote(tables.finalTable().name()));
            statement.execute("DROP TABLE IF EXISTS " + tables.deleted().sql());
            if (tombstones) {
              statement.execute("ALTER TABLE " + tables.stagingDeleted().sql() + " RENAME TO "
                  + SqlIdentifiers.quote(tables.deleted().name()));
            } else {
              statement.execute("DROP TABLE IF EXISTS " + tables.stagingDeleted().sql());
            }
          }
          return null;
        });
  }

  /** Releases the connection; what was not committed is lost (it will be sent again). */
  @Override
  public abstract void close() throws SQLException;

  /** The final table of a stream; null for a stream not prepared. */
  public TableName table(StreamDescriptor stream) {
    TablePlan plan = plans.get(stream);
    return plan == null ? null : plan.tables().finalTable();
  }

  /** The plans of the prepared streams. */
  protected Collection<TablePlan> plans() {
    return plans.values();
  }

  /**
   * Fills {@code values} with the values of record {@code index} of the batch in the form their columns store (a
   * value that does not fit nulled, one the engine holds only approximately rounded, one it cannot hold cleaned),
   * reports those changes to the runtime for the state statistics, and returns the record's {@code _airbyte_meta},
   * which says so.
   */
  protected final String row(TablePlan plan, RecordBatch batch, int index, Object[] values) {
    Record record = batch.records().get(index);
    List<MetaChange> changes = record.changes();
    List<StorageType> types = plan.types();
    for (int i = 0; i < values.length; i++) {
      Object value = record.value(i);
      if (value != null) {
        StorageType type = types.get(i);
        value = ColumnValues.forColumn(value, type);
        if (plan.keyColumns().contains(i)) {
          requireUnchanged(plan, i, value, type);
        } else if (!dialect.fits(value, type)) {
          value = null;
          changes = withChange(changes, MetaChange.tooLarge(plan.stream().columns().get(i).name()));
        } else {
          Object approximated = dialect.approximate(value);
          if (approximated != value) {
            value = approximated;
            changes = withChange(changes, new MetaChange(plan.stream().columns().get(i).name(),
                MetaChange.Change.TRUNCATED, MetaChange.Reason.DESTINATION_FIELD_SIZE_LIMITATION));
          }
          Object clean = dialect.sanitize(value);
          if (clean != value) {
            value = clean;
            changes = withChange(changes, new MetaChange(plan.stream().columns().get(i).name(),
                MetaChange.Change.TRUNCATED, MetaChange.Reason.DESTINATION_SERIALIZATION_ERROR));
          }
        }
      }
      values[i] = value;
    }
    if (changes != record.changes()) {
      batch.changed(index, changes.subList(record.changes().size(), changes.size()));
    }
    return changes.isEmpty() ? plan.plainMeta() : meta(plan.stream().syncId(), changes);
  }

  /** A primary key or cursor value is never nulled nor changed: one the engine cannot hold as it is ends the sync. */
  private void requireUnchanged(TablePlan plan, int column, Object value, StorageType type) {
    if (!dialect.fits(value, type) || dialect.approximate(value) != value || dialect.sanitize(value) != value) {
      throw new KeyValueException("A record of stream " + plan.stream().descriptor() + " has a value of its primary "
          + "key or cursor field '" + plan.stream().columns().get(column).name() + "' that " + dialect.engine()
          + " cannot hold as it is, in a column of type " + dialect.sqlType(type) + "; key and cursor values are "
          + "never nulled or changed. Fix the value at the source, or choose another primary key or cursor.");
    }
  }

  /** Thrown from inside a load, turned into a {@link ConfigException} by {@link #load}. */
  private static final class KeyValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeyValueException(String message) {
      super(message);
    }
  }

  private static List<MetaChange> withChange(List<MetaChange> changes, MetaChange change) {
    List<MetaChange> more = new ArrayList<>(changes);
    more.add(change);
    return more;
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

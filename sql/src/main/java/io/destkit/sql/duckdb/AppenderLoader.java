package io.destkit.sql.duckdb;

import io.destkit.runtime.types.RawJson;
import io.destkit.sql.BulkLoader;
import io.destkit.sql.MultiRowInsert;
import io.destkit.sql.StorageType;
import io.destkit.sql.TableEvolution;
import io.destkit.sql.TableName;
import io.destkit.sql.TablePlan;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * One stream's rows into one DuckDB table through DuckDB's appender: values go straight into the table's column
 * vectors, with no SQL parsed and no parameter bound per row.
 *
 * <p>The appender takes whole rows in the table's column order, which need not be the plan's (a column added to an
 * older table comes last; a user may have added one, a stream may no longer send a field): the order is read from the
 * table when the loader is made, and each column is filled from the plan, or with its default when the plan does not
 * know it. Its values must be of the column's exact type, so a table whose column types are not the ones
 * {@link DuckdbEngine} declares (one a user made) is loaded with {@link MultiRowInsert} instead, whose INSERTs let
 * DuckDB convert.
 *
 * <p>Rows must join the warehouse's open transaction, and an append outside a transaction commits on its own: the
 * driver opens the transaction lazily, at the next statement, so each batch starts with one.
 */
final class AppenderLoader implements BulkLoader {
  /** Where a column of the table takes its value from, for those that are not the plan's data columns. */
  private static final int RAW_ID = -1;
  private static final int EXTRACTED_AT = -2;
  private static final int META = -3;
  private static final int GENERATION_ID = -4;
  private static final int LOAD_SEQUENCE = -5;
  private static final int DEFAULT = -6;
  /** The Airbyte columns ({@code TableEvolution}'s), with where they take their value from. */
  private static final Map<String, Integer> AIRBYTE_COLUMNS = Map.of("_airbyte_raw_id", RAW_ID,
      "_airbyte_extracted_at", EXTRACTED_AT, "_airbyte_meta", META, "_airbyte_generation_id", GENERATION_ID);

  private final DuckDBAppender appender;
  private final Statement begin;
  /** For each column of the table, in its order: the index of the plan's data value, or one of the codes above. */
  private final int[] sources;
  /** The storage type of each of the plan's data columns. */
  private final StorageType[] types;
  /** Whether a row of the current batch was added: the transaction is open. */
  private boolean inBatch;

  private AppenderLoader(DuckDBAppender appender, Statement begin, int[] sources, StorageType[] types) {
    this.appender = appender;
    this.begin = begin;
    this.sources = sources;
    this.types = types;
  }

  /** The appender loader of {@code table}; multi-row INSERTs when its column types are not all the dialect's own. */
  static BulkLoader open(DuckdbEngine dialect, Connection connection, TableName table, TablePlan plan,
      boolean withSequence) throws SQLException {
    Map<String, String> declared = dialect.columns(connection, table);
    Map<String, Integer> wanted = new HashMap<>();
    Map<String, String> wantedType = new HashMap<>();
    for (Map.Entry<String, Integer> airbyte : AIRBYTE_COLUMNS.entrySet()) {
      wanted.put(airbyte.getKey(), airbyte.getValue());
    }
    wantedType.put("_airbyte_raw_id", dialect.rawIdType());
    wantedType.put("_airbyte_extracted_at", dialect.extractedAtType());
    wantedType.put("_airbyte_meta", dialect.metaType());
    wantedType.put("_airbyte_generation_id", dialect.generationIdType());
    if (withSequence) {
      wanted.put(TableEvolution.LOAD_SEQUENCE, LOAD_SEQUENCE);
      wantedType.put(TableEvolution.LOAD_SEQUENCE, "BIGINT");
    }
    List<String> columns = plan.columns();
    StorageType[] types = plan.types().toArray(new StorageType[0]);
    for (int i = 0; i < columns.size(); i++) {
      wanted.put(columns.get(i), i);
      wantedType.put(columns.get(i), dialect.sqlType(types[i]));
    }
    // DuckDB matches names without regard to case: so does the plan against the table.
    Map<String, Integer> byKey = new HashMap<>();
    Map<String, String> typeByKey = new HashMap<>();
    wanted.forEach((name, source) -> byKey.put(key(name), source));
    wantedType.forEach((name, type) -> typeByKey.put(key(name), type.replace(" NOT NULL", "")));
    int[] sources = new int[declared.size()];
    int found = 0;
    int column = 0;
    for (Map.Entry<String, String> existing : declared.entrySet()) {
      Integer source = byKey.get(key(existing.getKey()));
      if (source == null) {
        sources[column++] = DEFAULT;
        continue;
      }
      if (!typeByKey.get(key(existing.getKey())).equalsIgnoreCase(existing.getValue())) {
        return new MultiRowInsert(dialect, connection, table, plan, withSequence);
      }
      sources[column++] = source;
      found++;
    }
    if (found != byKey.size()) {
      // The table lacks a column the plan writes: let INSERT say which.
      return new MultiRowInsert(dialect, connection, table, plan, withSequence);
    }
    DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender(table.schema(), table.name());
    Statement begin;
    try {
      begin = connection.createStatement();
    } catch (SQLException e) {
      appender.close();
      throw e;
    }
    return new AppenderLoader(appender, begin, sources, types);
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public void add(UUID rawId, long emittedAtMillis, String meta, long generationId, Object[] values, long sequence)
      throws SQLException {
    if (!inBatch) {
      // Makes the driver open the transaction the rows must join (see the class comment).
      begin.execute("SELECT 1");
      inBatch = true;
    }
    appender.beginRow();
    for (int source : sources) {
      switch (source) {
        case RAW_ID -> appender.append(rawId);
        case EXTRACTED_AT -> appender.appendEpochMicros(Math.multiplyExact(emittedAtMillis, 1000L));
        case META -> appender.append(meta);
        case GENERATION_ID -> appender.append(generationId);
        case LOAD_SEQUENCE -> appender.append(sequence);
        case DEFAULT -> appender.appendDefault();
        default -> append(values[source], types[source]);
      }
    }
    appender.endRow();
  }

  /** A value in the form {@code ColumnValues} gives for a column of {@code type}, as that column's type. */
  private void append(Object value, StorageType type) throws SQLException {
    if (value == null) {
      appender.appendNull();
      return;
    }
    switch (type) {
      case BOOLEAN -> appender.append(((Boolean) value).booleanValue());
      case INTEGER -> appender.append(((Long) value).longValue());
      case NUMBER -> appender.append(DuckdbEngine.decimal((BigDecimal) value));
      case STRING -> appender.append((String) value);
      case DATE -> appender.appendEpochDays(Math.toIntExact(((LocalDate) value).toEpochDay()));
      case TIMESTAMP_WITH_TIMEZONE -> appender.appendEpochMicros(micros(((OffsetDateTime) value).toInstant()));
      case TIMESTAMP_WITHOUT_TIMEZONE ->
          appender.appendEpochMicros(micros(((LocalDateTime) value).toInstant(ZoneOffset.UTC)));
      case TIME_WITH_TIMEZONE -> appender.append((OffsetTime) value);
      case TIME_WITHOUT_TIMEZONE -> appender.append((LocalTime) value);
      case BINARY -> appender.append((byte[]) value);
      case JSON -> appender.append(((RawJson) value).json());
    }
  }

  /** Microseconds since 1970, what DuckDB's timestamps hold: exact for every date and time, before Christ too. */
  private static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }

  @Override
  public void flush() throws SQLException {
    appender.flush();
    inBatch = false;
  }

  @Override
  public void close() throws SQLException {
    try {
      appender.close();
    } finally {
      begin.close();
    }
  }
}

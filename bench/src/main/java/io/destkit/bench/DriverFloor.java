package io.destkit.bench;

import io.destkit.sql.MultiRowInsert;
import io.destkit.sql.duckdb.DuckdbEngine;
import io.destkit.sql.sqlite.SqliteEngine;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.UUID;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * What a database's Java driver costs on its own: the rows the sample loaded, held in memory beforehand, loaded
 * again through the same driver API the sample uses, in the sample's batches and commits, with nothing read or
 * decoded. It is the floor of the sample's load through that driver: the sample cannot beat it, whatever it does
 * before the driver.
 *
 * <pre>
 * DriverFloor duckdb|sqlite SOURCE TARGET BATCH_ROWS COMMIT_ROWS
 * </pre>
 * reads the data table of SOURCE (the sample's file), makes TARGET with a table of the same shape and loads the rows
 * into it: DuckDB's appender, flushed every batch; sqlite-jdbc's prepared INSERTs of {@code MultiRowInsert}'s
 * groups of rows, each batch's last rows in one JDBC batch, as it binds them. Reading SOURCE is not part of the
 * floor: a line on standard error, {@code destkit-floor-excluded SECONDS}, says how long it took, and {@link Compare}
 * takes it off the wall time. JVM start and the driver's loading stay in, as they do for the destinations and
 * DuckDB's COPY. The connection is the sample's: the engine's own settings ({@code configure}), and SQLite without
 * the driver's generated keys.
 */
public final class DriverFloor {
  /** Output line naming the seconds spent reading SOURCE, which the comparison subtracts. */
  static final String EXCLUDED = "destkit-floor-excluded ";

  /** How a DuckDB column's value is held, and appended. */
  private enum DuckdbKind { UUID, MICROS, LOCAL_MICROS, DAYS, LONG, BOOLEAN, DOUBLE, DECIMAL, TEXT }

  private final int batchRows;
  private final int commitRows;

  private DriverFloor(int batchRows, int commitRows) {
    this.batchRows = batchRows;
    this.commitRows = commitRows;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 5 || !List.of("duckdb", "sqlite").contains(args[0])) {
      System.err.println("usage: DriverFloor duckdb|sqlite SOURCE TARGET BATCH_ROWS COMMIT_ROWS");
      System.exit(2);
    }
    DriverFloor floor = new DriverFloor(Integer.parseInt(args[3]), Integer.parseInt(args[4]));
    Path source = Path.of(args[1]);
    Path target = Path.of(args[2]);
    long rows = args[0].equals("duckdb") ? floor.duckdb(source, target) : floor.sqlite(source, target);
    System.err.println("driver-floor: " + rows + " rows into " + target);
  }

  private long duckdb(Path source, Path target) throws SQLException, java.io.IOException {
    Files.deleteIfExists(target);
    Files.deleteIfExists(target.resolveSibling(target.getFileName() + ".wal"));
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + target);
        Statement statement = connection.createStatement()) {
      long start = System.nanoTime();
      new DuckdbEngine(target.toString()).configure(connection);
      String name = DuckdbCopy.attachSource(statement, source);
      String table = DuckdbCopy.quoted(name);
      List<DuckdbKind> kinds = new ArrayList<>();
      try (ResultSet columns = statement.executeQuery("SELECT data_type FROM duckdb_columns() WHERE database_name ="
          + " 'source' AND schema_name = 'main' AND table_name = " + literal(name) + " ORDER BY column_index")) {
        while (columns.next()) {
          kinds.add(duckdbKind(columns.getString(1)));
        }
      }
      List<Object[]> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery("SELECT * FROM source.main." + table)) {
        while (result.next()) {
          Object[] row = new Object[kinds.size()];
          for (int i = 0; i < row.length; i++) {
            row[i] = duckdbValue(result, i + 1, kinds.get(i));
          }
          rows.add(row);
        }
      }
      statement.execute("DETACH source");
      excluded(start);
      connection.setAutoCommit(false);
      DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("main", "rows");
      for (int i = 0; i < rows.size(); i++) {
        if (i % batchRows == 0) {
          // As the sample does: a statement opens the transaction the appended rows join.
          statement.execute("SELECT 1");
        }
        appender.beginRow();
        Object[] row = rows.get(i);
        for (int column = 0; column < row.length; column++) {
          append(appender, row[column], kinds.get(column));
        }
        appender.endRow();
        if ((i + 1) % batchRows == 0 || i + 1 == rows.size()) {
          appender.flush();
        }
        if ((i + 1) % commitRows == 0) {
          connection.commit();
        }
      }
      appender.close();
      connection.commit();
      return rows.size();
    }
  }

  private static DuckdbKind duckdbKind(String type) {
    String upper = type.toUpperCase(Locale.ROOT);
    if (upper.startsWith("DECIMAL")) {
      return DuckdbKind.DECIMAL;
    }
    return switch (upper) {
      case "UUID" -> DuckdbKind.UUID;
      case "TIMESTAMP WITH TIME ZONE" -> DuckdbKind.MICROS;
      case "TIMESTAMP" -> DuckdbKind.LOCAL_MICROS;
      case "DATE" -> DuckdbKind.DAYS;
      case "BIGINT", "INTEGER" -> DuckdbKind.LONG;
      case "BOOLEAN" -> DuckdbKind.BOOLEAN;
      case "DOUBLE" -> DuckdbKind.DOUBLE;
      case "VARCHAR", "JSON" -> DuckdbKind.TEXT;
      default -> throw new IllegalArgumentException("the floor does not load DuckDB columns of type " + type);
    };
  }

  /** A value in the form the sample hands the appender: micros and days as numbers, text as a String. */
  private static Object duckdbValue(ResultSet result, int column, DuckdbKind kind) throws SQLException {
    Object value = switch (kind) {
      case UUID -> result.getObject(column, UUID.class);
      case MICROS -> {
        OffsetDateTime time = result.getObject(column, OffsetDateTime.class);
        yield time == null ? null : time.toEpochSecond() * 1_000_000L + time.getNano() / 1000;
      }
      case LOCAL_MICROS -> {
        LocalDateTime time = result.getObject(column, LocalDateTime.class);
        yield time == null ? null : time.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + time.getNano() / 1000;
      }
      case DAYS -> {
        LocalDate date = result.getObject(column, LocalDate.class);
        yield date == null ? null : (int) date.toEpochDay();
      }
      case LONG -> result.getLong(column);
      case BOOLEAN -> result.getBoolean(column);
      case DOUBLE -> result.getDouble(column);
      case DECIMAL -> result.getBigDecimal(column);
      case TEXT -> result.getString(column);
    };
    return result.wasNull() ? null : value;
  }

  private static void append(DuckDBAppender appender, Object value, DuckdbKind kind) throws SQLException {
    if (value == null) {
      appender.appendNull();
      return;
    }
    switch (kind) {
      case UUID -> appender.append((UUID) value);
      case MICROS, LOCAL_MICROS -> appender.appendEpochMicros((Long) value);
      case DAYS -> appender.appendEpochDays((Integer) value);
      case LONG -> appender.append(((Long) value).longValue());
      case BOOLEAN -> appender.append(((Boolean) value).booleanValue());
      case DOUBLE -> appender.append(((Double) value).doubleValue());
      case DECIMAL -> appender.append((BigDecimal) value);
      case TEXT -> appender.append((String) value);
    }
  }

  private long sqlite(Path source, Path target) throws SQLException, java.io.IOException {
    Files.deleteIfExists(target);
    Properties properties = new Properties();
    properties.setProperty("jdbc.get_generated_keys", "false");
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + target, properties);
        Statement statement = connection.createStatement()) {
      long start = System.nanoTime();
      new SqliteEngine(target.toString()).configure(connection);
      statement.execute("ATTACH '" + source + "' AS source");
      String name;
      try (ResultSet tables = statement.executeQuery("SELECT name FROM source.sqlite_master WHERE type = 'table'"
          + " AND name NOT LIKE '%$%'")) {
        if (!tables.next()) {
          throw new IllegalStateException("the source database has no table");
        }
        name = tables.getString(1);
      }
      String table = DuckdbCopy.quoted(name);
      // The same declaration as the sample's table: its types decide how SQLite stores the values.
      try (ResultSet ddl = statement.executeQuery("SELECT sql FROM source.sqlite_master WHERE name = "
          + literal(name))) {
        ddl.next();
        statement.execute(ddl.getString(1));
      }
      List<Object[]> rows = new ArrayList<>();
      int width;
      try (ResultSet result = statement.executeQuery("SELECT * FROM source." + table)) {
        width = result.getMetaData().getColumnCount();
        while (result.next()) {
          Object[] row = new Object[width];
          for (int i = 0; i < width; i++) {
            row[i] = result.getObject(i + 1);
          }
          rows.add(row);
        }
      }
      statement.execute("DETACH source");
      excluded(start);
      connection.setAutoCommit(false);
      int groupRows = MultiRowInsert.groupRows(width);
      try (PreparedStatement group = connection.prepareStatement(insert(table, width, groupRows));
          PreparedStatement single = connection.prepareStatement(insert(table, width, 1))) {
        int bound = 0;
        boolean singles = false;
        for (int i = 0; i < rows.size(); i++) {
          // As MultiRowInsert does with each batch: groups while a group's rows are left, the rest in one JDBC batch.
          int left = Math.min(batchRows - i % batchRows, rows.size() - i);
          boolean grouped = bound > 0 || left >= groupRows;
          PreparedStatement into = grouped ? group : single;
          Object[] row = rows.get(i);
          for (int column = 0; column < width; column++) {
            bind(into, (grouped ? bound * width : 0) + column + 1, row[column]);
          }
          if (!grouped) {
            single.addBatch();
            singles = true;
          } else if (++bound == groupRows) {
            group.executeUpdate();
            bound = 0;
          }
          if (left == 1 && singles) {
            single.executeBatch();
            singles = false;
          }
          if ((i + 1) % commitRows == 0) {
            connection.commit();
          }
        }
      }
      connection.commit();
      return rows.size();
    }
  }

  private static String insert(String table, int width, int rows) {
    StringJoiner row = new StringJoiner(", ", "(", ")");
    for (int i = 0; i < width; i++) {
      row.add("?");
    }
    StringJoiner all = new StringJoiner(", ");
    for (int i = 0; i < rows; i++) {
      all.add(row.toString());
    }
    return "INSERT INTO main." + table + " VALUES " + all;
  }

  /** Binds as the sample does: text, whole numbers and doubles each by their own setter. */
  private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    if (value == null) {
      statement.setNull(index, java.sql.Types.NULL);
    } else if (value instanceof String text) {
      statement.setString(index, text);
    } else if (value instanceof Integer || value instanceof Long) {
      statement.setLong(index, ((Number) value).longValue());
    } else if (value instanceof Double number) {
      statement.setDouble(index, number);
    } else if (value instanceof byte[] bytes) {
      statement.setBytes(index, bytes);
    } else {
      throw new IllegalArgumentException("the floor does not bind " + value.getClass().getName());
    }
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static void excluded(long start) {
    System.err.printf(Locale.ROOT, "%s%.3f%n", EXCLUDED, (System.nanoTime() - start) / 1e9);
  }
}

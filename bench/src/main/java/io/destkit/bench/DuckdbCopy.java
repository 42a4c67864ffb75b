package io.destkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * DuckDB's own bulk load, the floor the sample's DuckDB load is measured against: {@code prepare SOURCE TARGET CSV}
 * writes the rows the sample loaded into SOURCE as CSV and creates an empty table of the same shape in TARGET;
 * {@code load TARGET CSV ROWS} is the timed part, one {@code COPY ... FROM} of that file. Run as a child JVM by
 * {@link Compare}, like the destinations it is compared with.
 */
public final class DuckdbCopy {
  private DuckdbCopy() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 4 && args[0].equals("prepare")) {
      prepare(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
    } else if (args.length == 4 && args[0].equals("load")) {
      long rows = load(Path.of(args[1]), Path.of(args[2]));
      System.err.println("duckdb-copy: " + rows + " rows");
      if (rows != Long.parseLong(args[3])) {
        System.err.println("duckdb-copy: expected " + args[3] + " rows in " + args[1]);
        System.exit(1);
      }
    } else {
      System.err.println("usage: DuckdbCopy prepare SOURCE.duckdb TARGET.duckdb ROWS.csv"
          + " | load TARGET.duckdb ROWS.csv EXPECTED_ROWS");
      System.exit(2);
    }
  }

  private static void prepare(Path source, Path target, Path csv) throws SQLException, java.io.IOException {
    Files.deleteIfExists(target);
    Files.deleteIfExists(csv);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + target);
        Statement statement = connection.createStatement()) {
      String table = quoted(attachSource(statement, source));
      statement.execute("COPY (SELECT * FROM source.main." + table + ") TO '" + csv + "' (FORMAT csv)");
      statement.execute("DETACH source");
    }
  }

  /**
   * Attaches the sample's file {@code source} as {@code source}, read-only, and makes {@code main.rows}, an empty
   * table of the shape of the sample's table of the stream (the one table whose name holds no {@code $}); returns
   * that table's name. {@link DriverFloor} loads into a table made so too.
   */
  static String attachSource(Statement statement, Path source) throws SQLException {
    statement.execute("ATTACH '" + source + "' AS source (READ_ONLY)");
    String table;
    try (ResultSet tables = statement.executeQuery("SELECT table_name FROM information_schema.tables"
        + " WHERE table_catalog = 'source' AND table_schema = 'main' AND table_name NOT LIKE '%$%'")) {
      if (!tables.next()) {
        throw new IllegalStateException("the source database has no table");
      }
      table = tables.getString(1);
    }
    statement.execute("CREATE TABLE main.rows AS SELECT * FROM source.main." + quoted(table) + " LIMIT 0");
    return table;
  }

  /** {@code name} as an SQL identifier. */
  static String quoted(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static long load(Path target, Path csv) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + target);
        Statement statement = connection.createStatement()) {
      statement.execute("COPY main.rows FROM '" + csv + "' (FORMAT csv)");
      try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM main.rows")) {
        count.next();
        return count.getLong(1);
      }
    }
  }
}

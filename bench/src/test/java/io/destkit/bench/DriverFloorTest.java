package io.destkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drivers' floors load exactly the rows of the source table, value for value and as the same types, across
 * batches of 150 rows (for SQLite a group of 100 and 50 single rows each), commits every 300 and a last partial
 * batch: a floor that loaded less, or other values, would not be a floor.
 */
class DriverFloorTest {
  private static final int ROWS = 1_234;

  @TempDir
  Path folder;

  @Test
  void duckdbAppendsEveryRowOfTheSourceAsItIs() throws Exception {
    Path source = folder.resolve("source.duckdb");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + source);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE \"typical\" (\"_airbyte_raw_id\" UUID NOT NULL, \"_airbyte_extracted_at\""
          + " TIMESTAMP WITH TIME ZONE NOT NULL, \"_airbyte_meta\" JSON NOT NULL, \"_airbyte_generation_id\" BIGINT,"
          + " \"id\" BIGINT, \"name\" VARCHAR, \"at\" TIMESTAMP WITH TIME ZONE, \"amount\" DECIMAL(38,9),"
          + " \"day\" DATE, \"flag\" BOOLEAN, \"ratio\" DOUBLE, \"local\" TIMESTAMP, \"tags\" JSON)");
      // Another table, a load table by its name, which the floor must leave alone.
      statement.execute("CREATE TABLE \"typical$load\" (x INTEGER)");
      statement.execute("INSERT INTO \"typical\" SELECT uuid(), TIMESTAMPTZ '2024-11-22 10:06:40+00',"
          + " '{\"changes\":[],\"sync_id\":1}', 1, i, CASE WHEN i % 7 = 0 THEN NULL ELSE 'user name number ' || i"
          + " END, TIMESTAMPTZ '0044-03-15 12:00:00.123456+00' + to_days(CAST(i AS INTEGER)),"
          + " CASE WHEN i % 5 = 0 THEN NULL ELSE i * 1.25 - 700.123456789 END, DATE '1969-12-31' + CAST(i AS"
          + " INTEGER), i % 2 = 0, i / 3.0, TIMESTAMP '2024-01-01 00:00:00' + to_seconds(i), '[\"a\",' || i || ']'"
          + " FROM range(" + ROWS + ") AS t(i)");
    }
    Path target = folder.resolve("target.duckdb");
    DriverFloor.main(new String[] {"duckdb", source.toString(), target.toString(), "150", "300"});
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + target);
        Statement statement = connection.createStatement()) {
      statement.execute("ATTACH '" + source + "' AS source (READ_ONLY)");
      assertEquals(ROWS, count(statement, "SELECT COUNT(*) FROM main.rows"));
      assertEquals(0, count(statement, "SELECT COUNT(*) FROM (SELECT * FROM source.main.typical EXCEPT ALL"
          + " SELECT * FROM main.rows)"));
      assertEquals(0, count(statement, "SELECT COUNT(*) FROM (SELECT data_type FROM duckdb_columns() WHERE"
          + " database_name = 'source' AND table_name = 'typical' EXCEPT SELECT data_type FROM duckdb_columns()"
          + " WHERE database_name = current_database() AND table_name = 'rows')"));
    }
  }

  @Test
  void sqliteInsertsEveryRowOfTheSourceAsItIs() throws Exception {
    Path source = folder.resolve("source.sqlite");
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + source);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE \"typical\" (\"_airbyte_raw_id\" TEXT NOT NULL, \"_airbyte_extracted_at\" TEXT"
          + " NOT NULL, \"_airbyte_meta\" TEXT NOT NULL, \"_airbyte_generation_id\" INTEGER, \"id\" INTEGER, \"name\""
          + " TEXT, \"at\" TIMESTAMPTZ, \"amount\" NUMERIC, \"tags\" JSON TEXT, \"data\" BLOB)");
      statement.execute("CREATE TABLE \"typical$load\" (x INTEGER)");
      statement.execute("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < " + (ROWS - 1)
          + ") INSERT INTO \"typical\" SELECT lower(hex(randomblob(16))), '2024-11-22T10:06:40Z',"
          + " '{\"changes\":[],\"sync_id\":1}', 1, i, CASE WHEN i % 7 = 0 THEN NULL ELSE 'user name number ' || i"
          + " END, '2024-03-30T06:31:42.881Z', CASE WHEN i % 5 = 0 THEN NULL WHEN i % 2 = 0 THEN i ELSE i * 1.25"
          + " END, '[\"a\",' || i || ']', CASE WHEN i % 3 = 0 THEN randomblob(4) END FROM n");
    }
    Path target = folder.resolve("target.sqlite");
    DriverFloor.main(new String[] {"sqlite", source.toString(), target.toString(), "150", "300"});
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + target);
        Statement statement = connection.createStatement()) {
      statement.execute("ATTACH '" + source + "' AS source");
      assertEquals(ROWS, count(statement, "SELECT COUNT(*) FROM main.typical"));
      // Values and their storage classes alike: an integer bound as a double would differ here.
      String typed = "SELECT \"_airbyte_raw_id\", id, name, typeof(name), amount, typeof(amount), tags, data,"
          + " typeof(data), \"at\" FROM ";
      assertEquals(0, count(statement, "SELECT COUNT(*) FROM (" + typed + "source.typical EXCEPT " + typed
          + "main.typical)"));
      assertEquals(count(statement, "SELECT COUNT(*) FROM source.sqlite_master WHERE name = 'typical'"),
          count(statement, "SELECT COUNT(*) FROM main.sqlite_master WHERE name = 'typical' AND sql = (SELECT sql"
              + " FROM source.sqlite_master WHERE name = 'typical')"));
    }
  }

  private static long count(Statement statement, String query) throws SQLException {
    try (ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }
}

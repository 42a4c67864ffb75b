package io.destkit.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Measures bulk appends into SQLite under each durable journal setting, the way the sample loads: prepared-statement
 * batches of 50,000 rows, one transaction (and one commit) per batch, rows shaped like a direct-load table. Not a test;
 * run it by hand (see the README section on the sample) and keep the numbers in the issue.
 *
 * <pre>
 * java -cp sample-destination/target/test-classes:sample-destination/target/sample-destination.jar \
 *     io.destkit.sample.SqliteJournalBenchmark [rows] [directory]
 * </pre>
 */
public final class SqliteJournalBenchmark {
  private static final int BATCH = 50_000;

  private SqliteJournalBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path directory = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("sqlite-bench");
    List<String[]> settings = List.of(
        new String[] {"DELETE", "FULL"},
        new String[] {"TRUNCATE", "FULL"},
        new String[] {"PERSIST", "FULL"},
        new String[] {"WAL", "FULL"},
        new String[] {"DELETE", "NORMAL"},
        new String[] {"WAL", "NORMAL"});
    // One warm-up round, then three measured ones; the median is reported.
    for (String[] setting : settings) {
      run(directory, setting[0], setting[1], Math.min(rows, 200_000));
    }
    for (String[] setting : settings) {
      double[] rates = new double[3];
      for (int i = 0; i < rates.length; i++) {
        rates[i] = run(directory, setting[0], setting[1], rows);
      }
      java.util.Arrays.sort(rates);
      System.out.printf(Locale.ROOT, "journal_mode=%-8s synchronous=%-6s %,10.0f rows/s (runs: %,.0f %,.0f %,.0f)%n",
          setting[0], setting[1], rates[1], rates[0], rates[1], rates[2]);
    }
  }

  private static double run(Path directory, String journal, String synchronous, int rows) throws Exception {
    Path file = directory.resolve("bench-" + journal + "-" + synchronous + ".sqlite");
    Files.deleteIfExists(file);
    Files.deleteIfExists(Path.of(file + "-wal"));
    Files.deleteIfExists(Path.of(file + "-shm"));
    Files.deleteIfExists(Path.of(file + "-journal"));
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode=" + journal);
        statement.execute("PRAGMA synchronous=" + synchronous);
        statement.execute("CREATE TABLE events (_airbyte_raw_id TEXT NOT NULL, _airbyte_extracted_at TEXT NOT NULL,"
            + " _airbyte_meta TEXT NOT NULL, _airbyte_generation_id INTEGER, id INTEGER, name TEXT, at TEXT,"
            + " amount NUMERIC, tags TEXT)");
      }
      connection.setAutoCommit(false);
      long start = System.nanoTime();
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?)")) {
        for (int i = 1; i <= rows; i++) {
          insert.setString(1, UUID.randomUUID().toString());
          insert.setString(2, "2024-11-22T10:06:40.000Z");
          insert.setString(3, "{\"sync_id\":1,\"changes\":[]}");
          insert.setLong(4, 1);
          insert.setLong(5, i);
          insert.setString(6, "event number " + i);
          insert.setString(7, "2024-03-01T09:30:00.123Z");
          insert.setBigDecimal(8, java.math.BigDecimal.valueOf(i * 100L + 25, 2));
          insert.setString(9, "[\"a\",\"b\"]");
          insert.addBatch();
          if (i % BATCH == 0 || i == rows) {
            insert.executeBatch();
            connection.commit();
          }
        }
      }
      return rows / ((System.nanoTime() - start) / 1e9);
    }
  }
}

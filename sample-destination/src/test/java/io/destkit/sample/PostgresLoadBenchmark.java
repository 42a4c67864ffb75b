package io.destkit.sample;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Measures ways to load rows shaped like a direct-load table into PostgreSQL, 50,000 rows a batch and a commit per
 * batch: batched INSERT (plain, and with the driver's multi-row rewrite), COPY straight into the table, and what the
 * sample does, COPY into a load table committed apart, then INSERT ... SELECT and TRUNCATE in the commit. Not a test;
 * run it by hand against the tests' embedded server (or the DESTKIT_TEST_PG_* one):
 *
 * <pre>
 * mvn -q -pl sample-destination test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=$PWD/cp.txt
 * java -cp sample-destination/target/test-classes:sample-destination/target/sample-destination.jar:$(cat cp.txt) \
 *     io.destkit.sample.PostgresLoadBenchmark [rows]
 * </pre>
 */
public final class PostgresLoadBenchmark {
  private static final int BATCH = 50_000;
  private static final String COLUMNS = "(_airbyte_raw_id UUID NOT NULL, _airbyte_extracted_at TIMESTAMPTZ NOT NULL,"
      + " _airbyte_meta JSONB NOT NULL, _airbyte_generation_id BIGINT, id BIGINT, name TEXT, at TIMESTAMPTZ,"
      + " amount NUMERIC, tags JSONB";

  private PostgresLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    PostgresServer.Login login = PostgresServer.get().createLogin("destkit_bench", "b3nch-Pa55");
    String[] ways = {"insert", "insert-rewritten", "copy", "copy-load-move"};
    for (String way : ways) {
      run(login, way, Math.min(rows, 200_000));
    }
    for (String way : ways) {
      double[] rates = new double[3];
      for (int i = 0; i < rates.length; i++) {
        rates[i] = run(login, way, rows);
      }
      java.util.Arrays.sort(rates);
      System.out.printf(Locale.ROOT, "%-17s %,10.0f rows/s (runs: %,.0f %,.0f %,.0f)%n", way, rates[1], rates[0],
          rates[1], rates[2]);
    }
    System.exit(0);
  }

  private static double run(PostgresServer.Login login, String way, int rows) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("user", login.user());
    properties.setProperty("password", login.password());
    properties.setProperty("reWriteBatchedInserts", Boolean.toString(way.equals("insert-rewritten")));
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + login.host() + ":"
        + login.port() + "/" + login.database(), properties); Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS bench_events");
      statement.execute("DROP TABLE IF EXISTS bench_load");
      statement.execute("CREATE TABLE bench_events " + COLUMNS + ")");
      statement.execute("CREATE TABLE bench_load " + COLUMNS + ", seq BIGINT NOT NULL)");
      connection.setAutoCommit(false);
      long start = System.nanoTime();
      for (int from = 1; from <= rows; from += BATCH) {
        int to = Math.min(rows, from + BATCH - 1);
        switch (way) {
          case "insert":
          case "insert-rewritten":
            insert(connection, from, to);
            connection.commit();
            break;
          case "copy":
            copy(connection, "bench_events", from, to, false);
            connection.commit();
            break;
          default:
            copy(connection, "bench_load", from, to, true);
            connection.commit();
            statement.execute("INSERT INTO bench_events SELECT _airbyte_raw_id, _airbyte_extracted_at, _airbyte_meta,"
                + " _airbyte_generation_id, id, name, at, amount, tags FROM bench_load");
            statement.execute("TRUNCATE bench_load");
            connection.commit();
            break;
        }
      }
      double rate = rows / ((System.nanoTime() - start) / 1e9);
      statement.execute("DROP TABLE bench_events");
      statement.execute("DROP TABLE bench_load");
      connection.commit();
      return rate;
    }
  }

  private static void insert(Connection connection, int from, int to) throws Exception {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_events VALUES "
        + "(?::uuid, ?::timestamptz, ?::jsonb, ?, ?, ?, ?::timestamptz, ?, ?::jsonb)")) {
      for (int i = from; i <= to; i++) {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, "2024-11-22T10:06:40Z");
        insert.setString(3, "{\"sync_id\":1,\"changes\":[]}");
        insert.setLong(4, 1);
        insert.setLong(5, i);
        insert.setString(6, "event number " + i);
        insert.setString(7, "2024-03-01T09:30:00.123Z");
        insert.setBigDecimal(8, BigDecimal.valueOf(i * 100L + 25, 2));
        insert.setString(9, "[\"a\",\"b\"]");
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void copy(Connection connection, String table, int from, int to, boolean withSequence)
      throws Exception {
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
        .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv)");
    ByteArrayOutputStream chunk = new ByteArrayOutputStream(1 << 20);
    StringBuilder row = new StringBuilder(256);
    for (int i = from; i <= to; i++) {
      row.setLength(0);
      row.append(UUID.randomUUID()).append(",2024-11-22T10:06:40Z,\"{\"\"sync_id\"\":1,\"\"changes\"\":[]}\",1,")
          .append(i).append(",\"event number ").append(i).append("\",2024-03-01T09:30:00.123Z,")
          .append(BigDecimal.valueOf(i * 100L + 25, 2)).append(",\"[\"\"a\"\",\"\"b\"\"]\"");
      if (withSequence) {
        row.append(',').append(i);
      }
      row.append('\n');
      chunk.writeBytes(row.toString().getBytes(StandardCharsets.UTF_8));
      if (chunk.size() >= 1 << 20) {
        copy.writeToCopy(chunk.toByteArray(), 0, chunk.size());
        chunk.reset();
      }
    }
    copy.writeToCopy(chunk.toByteArray(), 0, chunk.size());
    copy.endCopy();
  }
}

package io.destkit.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * Times the packaged jar writing a file of messages into the tests' PostgreSQL server, end to end (parsing, COPY,
 * commits). Not a test; run it by hand:
 *
 * <pre>
 * mvn -q -pl sample-destination test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=$PWD/cp.txt
 * java -cp sample-destination/target/test-classes:sample-destination/target/sample-destination.jar:$(cat cp.txt) \
 *     io.destkit.sample.PostgresSyncBenchmark JAR CATALOG MESSAGES [runs]
 * </pre>
 */
public final class PostgresSyncBenchmark {
  private PostgresSyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path catalog = Path.of(args[1]);
    Path messages = Path.of(args[2]);
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    PostgresServer.Login login = PostgresServer.get().createLogin("destkit_bench", "b3nch-Pa55");
    Path config = Files.createTempFile("pg-bench", ".json");
    Files.writeString(config, "{\"database\":{\"engine\":\"postgres\",\"host\":\"" + login.host() + "\",\"port\":"
        + login.port() + ",\"database\":\"" + login.database() + "\",\"schema\":\"bench\",\"username\":\""
        + login.user() + "\",\"password\":\"" + login.password() + "\"}}");
    for (int run = 1; run <= runs; run++) {
      try (Connection connection = PostgresServer.get().connectAsAdmin(login.database());
          Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS bench CASCADE");
      }
      long start = System.nanoTime();
      Process process = new ProcessBuilder("java", "-jar", jar.toString(), "write", "--config", config.toString(),
          "--catalog", catalog.toString())
          .redirectInput(messages.toFile())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      int exit = process.waitFor();
      double seconds = (System.nanoTime() - start) / 1e9;
      long rows;
      try (Connection connection = PostgresServer.get().connectAsAdmin(login.database());
          Statement statement = connection.createStatement();
          ResultSet count = statement.executeQuery("SELECT count(*) FROM bench.events")) {
        count.next();
        rows = count.getLong(1);
      }
      System.out.printf(Locale.ROOT, "run %d: exit %d, %,d rows in %.1f s: %,.0f rows/s%n", run, exit, rows,
          seconds, rows / seconds);
    }
    System.exit(0);
  }
}

package io.destkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dedup part of the comparison (variant j): on each engine, a first sync of N new keys in {@code append_dedup},
 * then a second sync that updates every tenth key and deletes every hundredth ({@code _ab_cdc_deleted_at}), timed
 * apart, in alternating rounds. The first sync into PostgreSQL is set beside {@code psql \copy} of the same rows (f).
 */
final class DedupRuns {
  static final String SCHEMA = "bench_dedup";

  private final Compare compare;
  private final Path work;

  DedupRuns(Compare compare, Path work) {
    this.compare = compare;
    this.work = work;
  }

  /** What one engine does for the runs: start afresh, count a table's rows. */
  private interface Step {
    void run() throws Exception;
  }

  private interface Count {
    long rows(String table) throws Exception;
  }

  /** One engine's target: its config, and how to start it afresh and count its rows. */
  private record Target(Path config, Step reset, Count count) {}

  /**
   * Runs the rounds on {@code messages} (the first sync's input, N records of the throughput's shape) and reports;
   * {@code copyRuns} are (f)'s runs, for the ratio, or null.
   */
  void run(Path messages, long records, int rounds, List<Compare.Run> copyRuns) throws Exception {
    Path changes = DataGenerator.changes(work, compare.shape(), records);
    Path catalog = changes.resolveSibling("catalog.json");
    String stream = Compare.streamOf(catalog);
    long expected = records - DataGenerator.deletesOf(records);
    Map<String, Target> targets = new LinkedHashMap<>();
    Path sqliteFile = work.resolve("dedup.sqlite");
    targets.put("SQLite", new Target(compare.config(work.resolve("dedup-sqlite.json"), "sqlite", sqliteFile, null),
        () -> Files.deleteIfExists(sqliteFile),
        table -> Long.parseLong(Compare.output(List.of("sqlite3", sqliteFile.toString(), "SELECT count(*) FROM \""
            + table + "\"")).trim())));
    targets.put("PostgreSQL", new Target(compare.config(work.resolve("dedup-postgres.json"), "postgres", null, SCHEMA),
        () -> compare.dropSchema(SCHEMA), table -> compare.count(SCHEMA + ".\"" + table + "\"")));
    Path duckdbFile = work.resolve("dedup.duckdb");
    targets.put("DuckDB", new Target(compare.config(work.resolve("dedup-duckdb.json"), "duckdb", duckdbFile, null),
        () -> Compare.deleteDuckdb(duckdbFile),
        table -> count("jdbc:duckdb:" + duckdbFile, "\"" + table + "\"")));

    Map<String, List<Compare.Run>> first = new LinkedHashMap<>();
    Map<String, List<Compare.Run>> second = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (Map.Entry<String, Target> entry : targets.entrySet()) {
        Target target = entry.getValue();
        target.reset().run();
        Compare.Run a = compare.destination(compare.sample(), target.config(), catalog, messages,
            "dedup-first-" + entry.getKey());
        Compare.Run b = compare.destination(compare.sample(), target.config(), catalog, changes,
            "dedup-second-" + entry.getKey());
        long rows = target.count().rows(stream);
        if (rows != expected) {
          throw new IllegalStateException(entry.getKey() + " holds " + rows + " rows after the second dedup sync, not "
              + expected);
        }
        System.err.printf(Locale.ROOT, "round %d dedup %-10s first %7.2f s second %7.2f s%n", round, entry.getKey(),
            a.seconds(), b.seconds());
        first.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(a);
        second.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(b);
      }
    }
    report(first, second, records, DataGenerator.changesOf(records), copyRuns);
  }

  private void report(Map<String, List<Compare.Run>> first, Map<String, List<Compare.Run>> second, long records,
      long changes, List<Compare.Run> copyRuns) {
    compare.line(String.format(Locale.ROOT, "### append_dedup (j): a first sync of %,d new keys, then a second of "
        + "%,d records updating every tenth key and deleting every hundredth, median of %d rounds", records, changes,
        first.values().iterator().next().size()));
    compare.line("");
    compare.line("| engine | first sync s | records/s | peak RSS MB | second sync s | records/s | peak RSS MB |");
    compare.line("|---|---:|---:|---:|---:|---:|---:|");
    for (String engine : first.keySet()) {
      double a = Compare.median(first.get(engine).stream().mapToDouble(Compare.Run::seconds).toArray());
      double b = Compare.median(second.get(engine).stream().mapToDouble(Compare.Run::seconds).toArray());
      compare.line(String.format(Locale.ROOT, "| %s | %.2f | %,.0f | %.0f | %.2f | %,.0f | %.0f |", engine, a,
          records / a, peak(first.get(engine)), b, changes / b, peak(second.get(engine))));
    }
    compare.line("");
    if (copyRuns != null && first.containsKey("PostgreSQL")) {
      double copy = Compare.median(copyRuns.stream().mapToDouble(Compare.Run::seconds).toArray());
      double dedup = Compare.median(first.get("PostgreSQL").stream().mapToDouble(Compare.Run::seconds).toArray());
      double ratio = copy / dedup;
      compare.line(String.format(Locale.ROOT, "First dedup sync into PostgreSQL / psql \\copy of the same rows (j/f,"
          + " medians): %.2fx (target >= 0.50x: %s).", ratio, ratio >= 0.5 ? "met" : "missed"));
      compare.line("");
    }
  }

  private static double peak(List<Compare.Run> runs) {
    return runs.stream().mapToLong(Compare.Run::peakKilobytes).max().orElse(0) / 1024.0;
  }

  private static long count(String url, String table) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}

package io.destkit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.bench.Compare.Run;
import io.destkit.runtime.engine.WriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The throughput part of the comparison, (a) to (i), (l) and (m): the same input through each program, a fresh
 * process each, in rounds that alternate between them, then the table of wall times and the ratios against the
 * targets and against the drivers' floors ({@link DriverFloor}).
 */
final class ThroughputRuns {
  private static final ObjectMapper JSON = Compare.JSON;
  private static final String SCHEMA = Compare.SCHEMA;
  private static final String COPY_SCHEMA = Compare.COPY_SCHEMA;

  /** One program of the comparison. */
  record Variant(String key, String name, String what) {}

  private static final List<Variant> VARIANTS = List.of(
      new Variant("a", "tokens", "Jackson token walk, a parser per line (the floor)"),
      new Variant("b", "tree", "ObjectMapper.readTree per line (the old way)"),
      new Variant("c", "devnull", "destination-devnull: every record decoded, then discarded"),
      new Variant("n", "devnull-2", "destination-devnull with two decoder threads from the start (`-D"
          + WriteOptions.DECODERS + "=2`), where (c) lets the engine choose"),
      new Variant("d", "sqlite", "the sample destination into SQLite"),
      new Variant("e", "postgres", "the sample destination into PostgreSQL"),
      new Variant("f", "psql-copy", "psql \\copy of the same rows as CSV into the same table shape"),
      new Variant("g", "duckdb", "the sample destination into DuckDB"),
      new Variant("h", "sqlite3-import", "sqlite3's .import of the same rows as CSV into a table of the same shape"),
      new Variant("i", "duckdb-copy", "DuckDB's own COPY of the same rows as CSV into the same table shape"),
      new Variant("l", "duckdb-appender", "DuckDB's appender alone: (g)'s rows, held in memory beforehand (not"
          + " timed), appended as the sample appends them"),
      new Variant("m", "sqlite-jdbc", "sqlite-jdbc alone: (d)'s rows, held in memory beforehand (not timed),"
          + " inserted as the sample inserts them"));

  private final Compare compare;
  private final CompareOptions options;
  private final Path work;

  ThroughputRuns(Compare compare, Path work) {
    this.compare = compare;
    this.options = compare.options();
    this.work = work;
  }

  /** Runs the rounds on {@code messages} and reports; returns (f)'s runs, for the dedup comparison, or null. */
  List<Run> run(Path messages) throws Exception {
    Path catalog = messages.resolveSibling("catalog.json");
    long bytes = Files.size(messages);
    String stream = JSON.readTree(catalog.toFile()).at("/streams/0/stream/name").asText();
    Path sqliteFile = work.resolve("sample.sqlite");
    Path sqliteConfig = work.resolve("sqlite.json");
    Files.writeString(sqliteConfig, JSON.createObjectNode().set("database", JSON.createObjectNode()
        .put("engine", "sqlite").put("path", sqliteFile.toString())).toString());
    boolean wantsPostgres = options.only().contains("e") || options.only().contains("f");
    Path postgresConfig = work.resolve("postgres.json");
    Path csv = work.resolve("rows.csv");
    boolean psql = Compare.which("psql");
    if (wantsPostgres) {
      compare.startPostgres();
      Files.writeString(postgresConfig, JSON.createObjectNode().set("database", JSON.createObjectNode()
          .put("engine", "postgres").put("host", "localhost").put("port", compare.postgresPort())
          .put("database", "postgres").put("schema", SCHEMA).put("username", "postgres")).toString());
      // A first load into PostgreSQL, not counted: it gives the rows that psql copies, and the table's shape.
      compare.dropSchema(SCHEMA);
      Run first = destination(options.sample(), postgresConfig, catalog, messages, "warm-up");
      String table = compare.table(stream);
      compare.checkRows(SCHEMA + "." + table, options.records());
      System.err.printf(Locale.ROOT, "warm-up load into PostgreSQL: %.2f s%n", first.seconds());
      if (psql) {
        Files.deleteIfExists(csv);
        compare.psql("\\copy (SELECT * FROM " + SCHEMA + "." + table + ") TO '" + csv + "' WITH (FORMAT csv)");
        compare.sql("DROP SCHEMA IF EXISTS " + COPY_SCHEMA + " CASCADE", "CREATE SCHEMA " + COPY_SCHEMA,
            "CREATE TABLE " + COPY_SCHEMA + "." + table + " (LIKE " + SCHEMA + "." + table + " INCLUDING ALL)");
      }
    }
    Path duckdbFile = work.resolve("sample.duckdb");
    Path duckdbConfig = work.resolve("duckdb.json");
    Files.writeString(duckdbConfig, JSON.createObjectNode().set("database", JSON.createObjectNode()
        .put("engine", "duckdb").put("path", duckdbFile.toString())).toString());
    boolean sqlite3 = Compare.which("sqlite3");
    Path sqliteCsv = work.resolve("rows-sqlite.csv");
    Path sqliteCopy = work.resolve("copy.sqlite");
    String sqliteShape = null;
    if ((options.only().contains("h") && sqlite3) || options.only().contains("m")) {
      // A load into SQLite, not counted: its rows, as CSV, are what sqlite3 imports, into a table of its shape,
      // and what the driver's floor (m) inserts.
      Files.deleteIfExists(sqliteFile);
      destination(options.sample(), sqliteConfig, catalog, messages, "warm-up-sqlite");
      String table = output(List.of("sqlite3", sqliteFile.toString(), "SELECT name FROM sqlite_master WHERE type ="
          + " 'table' AND name NOT LIKE '%$%' LIMIT 1")).trim();
      sqliteShape = "ATTACH '" + sqliteFile + "' AS s; CREATE TABLE main.rows AS SELECT * FROM s.\"" + table
          + "\" WHERE 0;";
      new ProcessBuilder("sqlite3", "-csv", sqliteFile.toString(), "SELECT * FROM \"" + table + "\"")
          .redirectOutput(sqliteCsv.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start().waitFor();
    }
    Path duckdbCsv = work.resolve("rows-duckdb.csv");
    Path duckdbCopy = work.resolve("copy.duckdb");
    if (options.only().contains("i") || options.only().contains("l")) {
      Compare.deleteDuckdb(duckdbFile);
      destination(options.sample(), duckdbConfig, catalog, messages, "warm-up-duckdb");
    }
    Map<String, List<Run>> runs = new LinkedHashMap<>();
    for (int round = 1; round <= options.rounds(); round++) {
      for (Variant variant : VARIANTS) {
        if (!options.only().contains(variant.key())) {
          continue;
        }
        Run run;
        switch (variant.key()) {
          case "a" -> run = baseline("tokens", messages);
          case "b" -> run = baseline("tree", messages);
          case "c" -> run = destination(options.devnull(), work.resolve("devnull.json"), catalog, messages,
              variant.name());
          case "n" -> run = compare.destination(List.of("-D" + WriteOptions.DECODERS + "=2", "-jar",
              options.devnull().toString(), "write", "--config", work.resolve("devnull.json").toString(),
              "--catalog", catalog.toString()), messages, variant.name());
          case "d" -> {
            Files.deleteIfExists(sqliteFile);
            run = destination(options.sample(), sqliteConfig, catalog, messages, variant.name());
          }
          case "e" -> {
            compare.dropSchema(SCHEMA);
            run = destination(options.sample(), postgresConfig, catalog, messages, variant.name());
            compare.checkRows(SCHEMA + "." + compare.table(stream), options.records());
            compare.settle(SCHEMA + "." + compare.table(stream));
          }
          case "f" -> {
            if (!psql) {
              continue;
            }
            String target = COPY_SCHEMA + "." + compare.table(stream);
            compare.sql("TRUNCATE " + target);
            run = measure(List.of("psql", "-X", "-q", "-h", "localhost", "-p", Integer.toString(compare.postgresPort()),
                "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c",
                "\\copy " + target + " FROM '" + csv + "' WITH (FORMAT csv)"), null, variant.name());
            compare.checkRows(target, options.records());
            compare.settle(target);
          }
          case "g" -> {
            Compare.deleteDuckdb(duckdbFile);
            run = destination(options.sample(), duckdbConfig, catalog, messages, variant.name());
          }
          case "h" -> {
            if (!sqlite3) {
              continue;
            }
            Files.deleteIfExists(sqliteCopy);
            output(List.of("sqlite3", sqliteCopy.toString(), sqliteShape));
            run = measure(List.of("sqlite3", sqliteCopy.toString(), ".mode csv", ".import " + sqliteCsv + " rows"),
                null, variant.name());
            // Without the table made beforehand, .import would take the first row for a header and load one less.
            String copied = output(List.of("sqlite3", sqliteCopy.toString(), "SELECT COUNT(*) FROM rows")).trim();
            if (!copied.equals(Long.toString(options.records()))) {
              throw new IllegalStateException("sqlite3 .import loaded " + copied + " rows into " + sqliteCopy
                  + ", not " + options.records());
            }
          }
          case "i" -> {
            Compare.deleteDuckdb(duckdbCopy);
            output(javaCommand(List.of("-cp", System.getProperty("java.class.path"), DuckdbCopy.class.getName(),
                "prepare", duckdbFile.toString(), duckdbCopy.toString(), duckdbCsv.toString())));
            run = measure(javaCommand(List.of("-cp", System.getProperty("java.class.path"),
                DuckdbCopy.class.getName(), "load", duckdbCopy.toString(), duckdbCsv.toString(),
                Long.toString(options.records()))), null, variant.name());
          }
          case "l" -> run = floor("duckdb", duckdbFile, work.resolve("floor.duckdb"), bytes, variant.name());
          case "m" -> run = floor("sqlite", sqliteFile, work.resolve("floor.sqlite"), bytes, variant.name());
          default -> throw new AssertionError(variant);
        }
        System.err.printf(Locale.ROOT, "round %d %-10s %7.2f s %8.0f MB%n", round, variant.name(), run.seconds(),
            run.peakKilobytes() / 1024.0);
        runs.computeIfAbsent(variant.key(), k -> new ArrayList<>()).add(run);
      }
    }
    throughputReport(runs, bytes, psql);
    return runs.get("f");
  }

  private void throughputReport(Map<String, List<Run>> runs, long bytes, boolean psql) {
    long records = options.records();
    line("### Throughput: " + String.format(Locale.ROOT, "%,d", records) + " records of shape "
        + options.shape().name().toLowerCase(Locale.ROOT) + " (" + String.format(Locale.ROOT, "%,.0f", bytes / 1e6)
        + " MB, " + String.format(Locale.ROOT, "%.0f", (double) bytes / records) + " bytes a record, a STATE every"
        + " 10,000), median of " + options.rounds() + " alternating rounds");
    line("");
    line("| | program | wall s (median) | wall s (all) | records/s | MB/s | peak RSS MB |");
    line("|---|---|---:|---|---:|---:|---:|");
    for (Variant variant : VARIANTS) {
      List<Run> list = runs.get(variant.key());
      if (list == null) {
        if (variant.key().equals("f") && !psql && options.only().contains("f")) {
          line("| (f) | psql-copy | skipped: psql is not installed | | | | |");
        }
        continue;
      }
      double median = Compare.median(list.stream().mapToDouble(Run::seconds).toArray());
      long peak = list.stream().mapToLong(Run::peakKilobytes).max().orElse(0);
      // A driver's floor holds every row in memory: its peak says nothing of a streaming load.
      String memory = List.of("l", "m").contains(variant.key()) ? "(holds the rows)"
          : String.format(Locale.ROOT, "%.0f", peak / 1024.0);
      line(String.format(Locale.ROOT, "| (%s) | %s: %s | %.2f | %s | %,.0f | %.1f | %s |", variant.key(),
          variant.name(), variant.what(), median, list.stream().map(r -> String.format(Locale.ROOT, "%.2f",
              r.seconds())).collect(Collectors.joining(", ")), records / median, bytes / median / 1e6, memory));
    }
    line("");
    line("Ratios of throughput (the inverse of the ratio of wall times), median over rounds of each round's ratio:");
    line("");
    line("| ratio | measured | target | |");
    line("|---|---:|---:|---|");
    ratio(runs, "c", "a", 0.9, "devnull / token walk (c/a)");
    ratio(runs, "n", "a", 0.9, "devnull with two decoder threads / token walk (n/a)");
    ratio(runs, "c", "b", 1.5, "devnull / readTree (c/b)");
    ratio(runs, "e", "f", 0.85, "sample into PostgreSQL / psql \\copy (e/f)");
    ratio(runs, "d", "c", 0.6, "sample into SQLite / devnull (d/c)");
    ratio(runs, "d", "h", 0.5, "sample into SQLite / sqlite3 .import (d/h)");
    ratio(runs, "g", "i", 0.8, "sample into DuckDB / DuckDB COPY (g/i)");
    bound(runs, "d", "m", "sample into SQLite / sqlite-jdbc alone (d/m): how near the sample comes to its driver");
    bound(runs, "m", "c", "sqlite-jdbc alone / devnull (m/c): the most d/c can reach through sqlite-jdbc");
    bound(runs, "g", "l", "sample into DuckDB / DuckDB's appender alone (g/l): how near the sample comes to its"
        + " driver");
    bound(runs, "l", "i", "DuckDB's appender alone / DuckDB COPY (l/i): the most g/i can reach through the"
        + " appender");
    line("");
  }

  private void ratio(Map<String, List<Run>> runs, String of, String to, double target, String label) {
    double median = medianRatio(runs, of, to);
    if (!Double.isNaN(median)) {
      line(String.format(Locale.ROOT, "| %s | %.2fx | >= %.2fx | %s |", label, median, target,
          median >= target ? "met" : "missed"));
    }
  }

  /** A ratio with no target of its own: how a program stands against its driver's floor, or that floor's limit. */
  private void bound(Map<String, List<Run>> runs, String of, String to, String label) {
    double median = medianRatio(runs, of, to);
    if (!Double.isNaN(median)) {
      line(String.format(Locale.ROOT, "| %s | %.2fx | | bound |", label, median));
    }
  }

  /** The median over rounds of {@code of}'s throughput against {@code to}'s; NaN when either did not run. */
  private static double medianRatio(Map<String, List<Run>> runs, String of, String to) {
    List<Run> a = runs.get(of);
    List<Run> b = runs.get(to);
    if (a == null || b == null) {
      return Double.NaN;
    }
    int n = Math.min(a.size(), b.size());
    double[] ratios = new double[n];
    for (int i = 0; i < n; i++) {
      ratios[i] = b.get(i).seconds() / a.get(i).seconds();
    }
    return Compare.median(ratios);
  }

  /**
   * A driver's floor ({@link DriverFloor}) loading the rows of the sample's {@code source} file into {@code target}
   * in the sample's default batches and commits, as many rows of this input's size as they hold: its wall time
   * less the reading of {@code source}, which the floor reports.
   */
  private Run floor(String engine, Path source, Path target, long bytes, String name)
      throws IOException, InterruptedException {
    WriteOptions sample = WriteOptions.defaults();
    double perRecord = (double) bytes / options.records();
    int batchRows = (int) Math.max(1, Math.min(sample.batchRows(), Math.ceil(sample.batchBytes() / perRecord)));
    int commitRows = (int) Math.max(batchRows, Math.ceil(sample.commitBytes() / perRecord));
    Run run = measure(javaCommand(List.of("-cp", System.getProperty("java.class.path"), DriverFloor.class.getName(),
        engine, source.toString(), target.toString(), Integer.toString(batchRows), Integer.toString(commitRows))),
        null, name);
    String excluded = Files.readAllLines(work.resolve(name.replaceAll("\\W", "_") + ".err")).stream()
        .filter(l -> l.startsWith(DriverFloor.EXCLUDED)).findFirst()
        .orElseThrow(() -> new IllegalStateException(name + " did not say how long it read its rows"));
    return new Run(run.seconds() - Double.parseDouble(excluded.substring(DriverFloor.EXCLUDED.length())),
        run.peakKilobytes());
  }

  private Run baseline(String mode, Path messages) throws IOException, InterruptedException {
    return measure(javaCommand(List.of("-cp", options.devnull().toString(), "io.destkit.bench.Baseline", mode)),
        messages, mode);
  }

  private void line(String text) {
    compare.line(text);
  }

  private Run destination(Path jar, Path config, Path catalog, Path messages, String name)
      throws IOException, InterruptedException {
    return compare.destination(jar, config, catalog, messages, name);
  }

  private Run measure(List<String> command, Path stdin, String name) throws IOException, InterruptedException {
    return compare.measure(command, stdin, name);
  }

  private List<String> javaCommand(List<String> arguments) {
    return compare.javaCommand(arguments);
  }

  private static String output(List<String> command) throws IOException, InterruptedException {
    return Compare.output(command);
  }
}

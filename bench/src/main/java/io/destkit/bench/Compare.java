package io.destkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The whole-process comparison: the same input through a dozen programs, each a fresh process as the platform starts
 * one, in rounds that alternate between them so that the machine's drift touches all alike.
 * <ul>
 *   <li>(a) tokens: a Jackson token walk of every line, a parser per line: the floor;</li>
 *   <li>(b) tree: {@code ObjectMapper.readTree} per line, the way older Java destinations read;</li>
 *   <li>(c) devnull: destination-devnull, which decodes every record and discards it;</li>
 *   <li>(d) sqlite: the sample destination into a SQLite file;</li>
 *   <li>(e) postgres: the sample destination into PostgreSQL (the machine's packaged server, started here with a
 *       data folder of its own);</li>
 *   <li>(f) psql-copy: {@code psql \copy} of the same rows, as CSV, into a table of the same shape;</li>
 *   <li>(g) to (i): the sample into DuckDB, sqlite3's {@code .import} and DuckDB's {@code COPY} of the same rows;</li>
 *   <li>(l) and (m): the drivers alone ({@link DriverFloor}), DuckDB's appender and sqlite-jdbc loading rows held in
 *       memory: no program that loads through them can be faster.</li>
 * </ul>
 * Each run's wall time and peak resident memory come from GNU time; every destination run must exit 0 and
 * acknowledge every record in its echoed states. Then, unless skipped: the sample's peak memory on each engine for
 * two input sizes ({@link MemoryRuns}), and {@code spec} / {@code check} start-up times with and without a
 * class-data-sharing archive. The report is Markdown, printed and written to {@code WORK/results.md}. Run it through
 * {@code bench/run}, which builds everything first.
 */
public final class Compare {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TIME = "/usr/bin/time";
  static final String SCHEMA = "bench";
  private static final String COPY_SCHEMA = "copy_target";

  private final Options options;
  private final Path work;
  private final StringBuilder report = new StringBuilder();
  private PackagedPostgres postgres;
  /** The runs of (f), psql {@code \copy}, for the dedup comparison; null when not run. */
  private List<Run> copyRuns;

  /** What the comparison is told on its command line. */
  record Options(long records, DataGenerator.Shape shape, int rounds, Path work, Path devnull, Path sample,
      List<Long> rssRecords, int startupRuns, List<String> jvmFlags, List<String> only) {
    static Options parse(String[] args) {
      long records = 2_000_000;
      DataGenerator.Shape shape = DataGenerator.Shape.TYPICAL;
      int rounds = 3;
      Path work = Path.of("bench/target/compare");
      Path devnull = Path.of("bench/target/destination-devnull.jar");
      Path sample = Path.of("sample-destination/target/sample-destination.jar");
      List<Long> rssRecords = List.of(1_000_000L, 10_000_000L);
      int startupRuns = 5;
      List<String> jvmFlags = List.of();
      List<String> only = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m");
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        String value = args[i + 1];
        switch (args[i]) {
          case "--records" -> records = Long.parseLong(value.replace("_", ""));
          case "--shape" -> shape = DataGenerator.Shape.valueOf(value.toUpperCase(Locale.ROOT));
          case "--rounds" -> rounds = Integer.parseInt(value);
          case "--work" -> work = Path.of(value);
          case "--devnull" -> devnull = Path.of(value);
          case "--sample" -> sample = Path.of(value);
          case "--rss-records" -> rssRecords = value.equals("none") ? List.of()
              : Arrays.stream(value.split(",")).map(s -> Long.parseLong(s.trim().replace("_", ""))).toList();
          case "--startup-runs" -> startupRuns = Integer.parseInt(value);
          case "--jvm-flags" -> jvmFlags = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
          case "--only" -> only = List.of(value.split(","));
          default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --records N"
              + " --shape typical|narrow|wide|nested --rounds N --work DIR --devnull JAR --sample JAR"
              + " --rss-records N,M|none --startup-runs N --jvm-flags '...' --only a,b,c,d,e,f,g,h,i,j,k,l,m");
        }
      }
      return new Options(records, shape, rounds, work, devnull, sample, rssRecords, startupRuns, jvmFlags, only);
    }
  }

  /** One run's figures. */
  record Run(double seconds, long peakKilobytes) {}

  /** One program of the comparison. */
  record Variant(String key, String name, String what) {}

  private static final List<Variant> VARIANTS = List.of(
      new Variant("a", "tokens", "Jackson token walk, a parser per line (the floor)"),
      new Variant("b", "tree", "ObjectMapper.readTree per line (the old way)"),
      new Variant("c", "devnull", "destination-devnull: every record decoded, then discarded"),
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

  Compare(Options options) {
    this.options = options;
    this.work = options.work().toAbsolutePath();
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Compare compare = new Compare(options);
    try {
      compare.run();
    } finally {
      compare.stop();
    }
    System.exit(0);
  }

  void run() throws Exception {
    if (!Files.isExecutable(Path.of(TIME))) {
      throw new IllegalStateException(TIME + " (GNU time) is needed to measure peak memory: install the Debian"
          + " package 'time', or run bench/run, which does");
    }
    for (Path jar : List.of(options.devnull(), options.sample())) {
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException(jar + " is missing: build first (bench/run does)");
      }
    }
    Files.createDirectories(work);
    Files.writeString(work.resolve("devnull.json"), "{}");
    header();
    Path data = data(options.shape(), options.records());
    compareThroughput(data);
    if (options.only().contains("k")) {
      Path postgresConfig = options.only().contains("e")
          ? config(work.resolve("postgres-sockets.json"), "postgres", null, SCHEMA) : null;
      new SpeedRuns(this, work).run(data, postgresConfig, options.rounds());
    }
    if (options.only().contains("j")) {
      new DedupRuns(this, work).run(data, options.records(), options.rounds(), copyRuns);
    }
    if (!options.rssRecords().isEmpty()) {
      new MemoryRuns(this, work).run(options.rssRecords());
    }
    if (options.startupRuns() > 0) {
      startup();
    }
    Files.writeString(work.resolve("results.md"), report);
    System.out.println();
    System.out.println(report);
    System.out.println("(written to " + work.resolve("results.md") + ")");
  }

  private void header() throws IOException, InterruptedException {
    line("## Results of " + LocalDate.now());
    line("");
    line("Machine: " + machine());
    line("");
    line("JVM flags for every Java process: " + (options.jvmFlags().isEmpty() ? "none (the JVM's defaults)"
        : "`" + String.join(" ", options.jvmFlags()) + "`") + ".");
    line("");
  }

  private String machine() throws IOException, InterruptedException {
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
    long cores = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("processor"))
        .count();
    String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
        .findFirst().map(l -> String.format(Locale.ROOT, "%.0f GiB", Long.parseLong(l.replaceAll("\\D", ""))
            / 1024.0 / 1024.0)).orElse("unknown memory");
    String java = output(List.of("java", "-version")).lines().findFirst().orElse("java");
    String load = Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
    return cores + " cores (" + cpu + "), " + memory + ", " + java + ", load average " + load + " at the start";
  }

  /** The input for {@code records} records of {@code shape}, generated once and kept in the work folder. */
  Path data(DataGenerator.Shape shape, long records) throws IOException {
    // The generator's format is part of the name, so that data made by an older one is never reused.
    Path dir = work.resolve(shape.name().toLowerCase(Locale.ROOT) + "-" + records + "-" + DataGenerator.FORMAT);
    Path messages = dir.resolve("messages.jsonl");
    if (!Files.exists(dir.resolve("done"))) {
      System.err.println("generating " + records + " records of shape " + shape + " in " + dir);
      DataGenerator.main(new String[] {"--records", Long.toString(records), "--shape", shape.name(), "--out",
          dir.toString()});
      Files.writeString(dir.resolve("done"), "");
    }
    return messages;
  }

  private void compareThroughput(Path messages) throws Exception {
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
    boolean psql = which("psql");
    if (wantsPostgres) {
      startPostgres();
      Files.writeString(postgresConfig, JSON.createObjectNode().set("database", JSON.createObjectNode()
          .put("engine", "postgres").put("host", "localhost").put("port", postgres.port())
          .put("database", "postgres").put("schema", SCHEMA).put("username", "postgres")).toString());
      // A first load into PostgreSQL, not counted: it gives the rows that psql copies, and the table's shape.
      dropSchema(SCHEMA);
      Run first = destination(options.sample(), postgresConfig, catalog, messages, "warm-up");
      String table = table(stream);
      checkRows(SCHEMA + "." + table, options.records());
      System.err.printf(Locale.ROOT, "warm-up load into PostgreSQL: %.2f s%n", first.seconds());
      if (psql) {
        Files.deleteIfExists(csv);
        psql("\\copy (SELECT * FROM " + SCHEMA + "." + table + ") TO '" + csv + "' WITH (FORMAT csv)");
        sql("DROP SCHEMA IF EXISTS " + COPY_SCHEMA + " CASCADE", "CREATE SCHEMA " + COPY_SCHEMA,
            "CREATE TABLE " + COPY_SCHEMA + "." + table + " (LIKE " + SCHEMA + "." + table + " INCLUDING ALL)");
      }
    }
    Path duckdbFile = work.resolve("sample.duckdb");
    Path duckdbConfig = work.resolve("duckdb.json");
    Files.writeString(duckdbConfig, JSON.createObjectNode().set("database", JSON.createObjectNode()
        .put("engine", "duckdb").put("path", duckdbFile.toString())).toString());
    boolean sqlite3 = which("sqlite3");
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
      deleteDuckdb(duckdbFile);
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
          case "d" -> {
            Files.deleteIfExists(sqliteFile);
            run = destination(options.sample(), sqliteConfig, catalog, messages, variant.name());
          }
          case "e" -> {
            dropSchema(SCHEMA);
            run = destination(options.sample(), postgresConfig, catalog, messages, variant.name());
            checkRows(SCHEMA + "." + table(stream), options.records());
            settle(SCHEMA + "." + table(stream));
          }
          case "f" -> {
            if (!psql) {
              continue;
            }
            String target = COPY_SCHEMA + "." + table(stream);
            sql("TRUNCATE " + target);
            run = measure(List.of("psql", "-X", "-q", "-h", "localhost", "-p", Integer.toString(postgres.port()),
                "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c",
                "\\copy " + target + " FROM '" + csv + "' WITH (FORMAT csv)"), null, variant.name());
            checkRows(target, options.records());
            settle(target);
          }
          case "g" -> {
            deleteDuckdb(duckdbFile);
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
            deleteDuckdb(duckdbCopy);
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
    copyRuns = runs.get("f");
    throughputReport(runs, bytes, psql);
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
      double median = median(list.stream().mapToDouble(Run::seconds).toArray());
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
    return median(ratios);
  }

  /**
   * A driver's floor ({@link DriverFloor}) loading the rows of the sample's {@code source} file into {@code target}
   * in the sample's default batches and commits, as many rows of this input's size as they hold: its wall time
   * less the reading of {@code source}, which the floor reports.
   */
  private Run floor(String engine, Path source, Path target, long bytes, String name)
      throws IOException, InterruptedException {
    double perRecord = (double) bytes / options.records();
    int batchRows = (int) Math.max(1, Math.min(50_000, Math.ceil((2 << 20) / perRecord)));
    int commitRows = (int) Math.max(batchRows, Math.ceil((32 << 20) / perRecord));
    Run run = measure(javaCommand(List.of("-cp", System.getProperty("java.class.path"), DriverFloor.class.getName(),
        engine, source.toString(), target.toString(), Integer.toString(batchRows), Integer.toString(commitRows))),
        null, name);
    String excluded = Files.readAllLines(work.resolve(name.replaceAll("\\W", "_") + ".err")).stream()
        .filter(l -> l.startsWith(DriverFloor.EXCLUDED)).findFirst()
        .orElseThrow(() -> new IllegalStateException(name + " did not say how long it read its rows"));
    return new Run(run.seconds() - Double.parseDouble(excluded.substring(DriverFloor.EXCLUDED.length())),
        run.peakKilobytes());
  }

  /** spec and check, JVM start included, with and without a class-data-sharing archive of the connector. */
  private void startup() throws Exception {
    line("### Start-up: `spec` and `check`, JVM start included, median of " + options.startupRuns() + " runs");
    line("");
    line("| connector | command | default | with AppCDS archive | ratio |");
    line("|---|---|---:|---:|---:|");
    Path sqliteConfig = work.resolve("startup-sqlite.json");
    Files.writeString(sqliteConfig, JSON.createObjectNode().set("database", JSON.createObjectNode()
        .put("engine", "sqlite").put("path", work.resolve("startup.sqlite").toString())).toString());
    Map<String, Path> configs = new LinkedHashMap<>();
    configs.put("destination-devnull", work.resolve("devnull.json"));
    configs.put("sample (SQLite)", sqliteConfig);
    for (Map.Entry<String, Path> connector : configs.entrySet()) {
      Path jar = connector.getKey().startsWith("sample") ? options.sample() : options.devnull();
      Path archive = work.resolve(jar.getFileName() + ".jsa");
      Files.deleteIfExists(archive);
      // The archive is made by one check run, which loads what spec loads and more.
      measure(javaCommand(List.of("-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString(), "check",
          "--config", connector.getValue().toString())), null, "archive");
      for (String command : List.of("spec", "check")) {
        List<String> arguments = command.equals("spec") ? List.of("spec")
            : List.of("check", "--config", connector.getValue().toString());
        double[] plain = new double[options.startupRuns()];
        double[] shared = new double[options.startupRuns()];
        for (int i = 0; i < options.startupRuns(); i++) {
          List<String> base = new ArrayList<>(List.of("-jar", jar.toString()));
          base.addAll(arguments);
          plain[i] = measure(javaCommand(base), null, command).seconds();
          List<String> withArchive = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive));
          withArchive.addAll(base);
          shared[i] = measure(javaCommand(withArchive), null, command + " (CDS)").seconds();
        }
        double a = median(plain);
        double b = median(shared);
        line(String.format(Locale.ROOT, "| %s | %s | %.2f s | %.2f s | %.2fx |", connector.getKey(), command, a, b,
            a / b));
      }
    }
    line("");
  }

  private Run baseline(String mode, Path messages) throws IOException, InterruptedException {
    return measure(javaCommand(List.of("-cp", options.devnull().toString(), "io.destkit.bench.Baseline", mode)),
        messages, mode);
  }

  /** Runs a destination's write and checks that its states acknowledge every record. */
  Run destination(Path jar, Path config, Path catalog, Path messages, String name)
      throws IOException, InterruptedException {
    return destination(List.of("-jar", jar.toString(), "write", "--config", config.toString(), "--catalog",
        catalog.toString()), messages, name);
  }

  /**
   * Runs a destination's write in speed mode, with {@code environment} naming the sockets of a source that serves
   * {@code messages}' records; nothing on standard input. Its states must acknowledge every record.
   */
  Run overSockets(Path jar, Path config, Path catalog, Path messages, String name, Map<String, String> environment)
      throws IOException, InterruptedException {
    return destination(List.of("-jar", jar.toString(), "write", "--config", config.toString(), "--catalog",
        catalog.toString()), messages, name, environment);
  }

  /** Runs java with {@code arguments} (a destination's write) and checks that its states acknowledge every record. */
  Run destination(List<String> arguments, Path messages, String name)
      throws IOException, InterruptedException {
    return destination(arguments, messages, name, null);
  }

  /**
   * {@link #destination(List, Path, String)}; with an {@code environment} (speed mode), standard input is empty and
   * {@code messages} only tells how many records to expect.
   */
  private Run destination(List<String> arguments, Path messages, String name, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path stdout = work.resolve(name + ".out");
    Run run = measure(javaCommand(arguments), environment == null ? messages : Path.of("/dev/null"), name, stdout,
        environment);
    long acknowledged = 0;
    for (String line : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
      JsonNode message = JSON.readTree(line);
      if ("STATE".equals(message.path("type").asText())) {
        acknowledged += message.at("/state/destinationStats/recordCount").asLong();
      }
    }
    Files.delete(stdout);
    long expected = recordsOf(messages);
    if (acknowledged != expected) {
      throw new IllegalStateException(name + " acknowledged " + acknowledged + " records in its states, not "
          + expected);
    }
    return run;
  }

  /** Removes a DuckDB file and its write-ahead log. */
  static void deleteDuckdb(Path file) throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
  }

  /** The number of records in a generated input, from the folder's name (SHAPE-RECORDS-FORMAT, see {@link #data}). */
  private static long recordsOf(Path messages) {
    return Long.parseLong(messages.getParent().getFileName().toString().split("-")[1]);
  }

  private List<String> javaCommand(List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add("java");
    command.addAll(options.jvmFlags());
    command.addAll(arguments);
    return command;
  }

  private Run measure(List<String> command, Path stdin, String name) throws IOException, InterruptedException {
    return measure(command, stdin, name, null, null);
  }

  /** Runs {@code command} under GNU time, with {@code environment} added when not null; it must exit 0. */
  private Run measure(List<String> command, Path stdin, String name, Path stdout, Map<String, String> environment)
      throws IOException, InterruptedException {
    List<String> timed = new ArrayList<>(List.of(TIME, "-f", "destkit-time %e %M"));
    timed.addAll(command);
    Path stderr = work.resolve(name.replaceAll("\\W", "_") + ".err");
    ProcessBuilder builder = new ProcessBuilder(timed)
        .redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()))
        .redirectError(stderr.toFile());
    if (stdin != null) {
      builder.redirectInput(stdin.toFile());
    }
    if (environment != null) {
      builder.environment().putAll(environment);
    }
    int exit = builder.start().waitFor();
    List<String> lines = Files.readAllLines(stderr);
    String timing = lines.stream().filter(l -> l.startsWith("destkit-time ")).reduce((x, y) -> y).orElse(null);
    if (exit != 0 || timing == null) {
      throw new IllegalStateException(name + " failed with exit code " + exit + ": " + String.join("\n",
          lines.subList(Math.max(0, lines.size() - 20), lines.size())));
    }
    String[] parts = timing.split(" ");
    return new Run(Double.parseDouble(parts[1]), Long.parseLong(parts[2]));
  }

  /** destination-devnull's jar. */
  Path devnull() {
    return options.devnull();
  }

  /** The sample destination's jar. */
  Path sample() {
    return options.sample();
  }

  DataGenerator.Shape shape() {
    return options.shape();
  }

  /** The name of the one stream of a generated catalog. */
  static String streamOf(Path catalog) throws IOException {
    return JSON.readTree(catalog.toFile()).at("/streams/0/stream/name").asText();
  }

  /**
   * Writes the sample's config for {@code engine} to {@code file}: a file database at {@code path}, or (postgres)
   * the packaged server, started if it is not yet, with {@code schema}.
   */
  Path config(Path file, String engine, Path path, String schema)
      throws IOException, InterruptedException, SQLException {
    ObjectNode database = JSON.createObjectNode().put("engine", engine);
    if (engine.equals("postgres")) {
      if (postgres == null) {
        startPostgres();
      }
      database.put("host", "localhost").put("port", postgres.port()).put("database", "postgres")
          .put("schema", schema).put("username", "postgres");
    } else {
      database.put("path", path.toString());
    }
    Files.writeString(file, JSON.createObjectNode().set("database", database).toString());
    return file;
  }

  /** The rows of a table of the packaged PostgreSQL server. */
  long count(String table) throws SQLException {
    try (Connection connection = postgres.connection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private void startPostgres() throws IOException, InterruptedException, SQLException {
    Path bin = PackagedPostgres.installed().orElseThrow(() -> new IllegalStateException("PostgreSQL's server is not"
        + " installed: install Debian's postgresql package (bench/run does, as root)"));
    postgres = PackagedPostgres.start(bin, work.resolve("pgdata"));
    String version = postgres.version();
    System.err.println("started " + version + " from " + bin + " on port " + postgres.port());
    line("PostgreSQL for (e) and (f): " + version + " from the machine's packages (" + bin + "), its default"
        + " settings, a data folder under the work folder.");
    line("");
  }

  void stop() throws IOException, InterruptedException {
    if (postgres != null) {
      postgres.close();
    }
  }

  void dropSchema(String schema) throws SQLException {
    sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  /**
   * Does, untimed, what the server would otherwise do after a load while the next program is timed: autovacuum's
   * vacuum and analyze of a million new rows, and writing them out. Without it DuckDB, timed after PostgreSQL in
   * each round, ran 7.2-8.8 s against 5.5-6.0 s alone (BENCHMARKS.md).
   */
  private void settle(String table) throws SQLException {
    sql("VACUUM ANALYZE " + table, "CHECKPOINT");
  }

  private void sql(String... statements) throws SQLException {
    try (Connection connection = postgres.connection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** The name of the table the sample made for {@code stream} in the benchmark schema. */
  private String table(String stream) throws SQLException {
    try (Connection connection = postgres.connection();
        Statement statement = connection.createStatement();
        ResultSet tables = statement.executeQuery("SELECT table_name FROM information_schema.tables WHERE"
            + " table_schema = '" + SCHEMA + "' ORDER BY table_name")) {
      List<String> names = new ArrayList<>();
      while (tables.next()) {
        names.add(tables.getString(1));
      }
      return names.stream().filter(n -> n.equals(stream)).findFirst().or(() -> names.stream().findFirst())
          .map(n -> "\"" + n + "\"").orElseThrow(() -> new IllegalStateException("no table in schema " + SCHEMA));
    }
  }

  private void checkRows(String table, long expected) throws SQLException {
    try (Connection connection = postgres.connection();
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
      count.next();
      if (count.getLong(1) != expected) {
        throw new IllegalStateException(table + " holds " + count.getLong(1) + " rows, not " + expected);
      }
    }
  }

  private void psql(String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("psql", "-X", "-q", "-h", "localhost", "-p",
        Integer.toString(postgres.port()), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c",
        command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("psql failed: " + output);
    }
  }

  private static boolean which(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  static String output(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return text;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  void line(String text) {
    report.append(text).append('\n');
  }
}

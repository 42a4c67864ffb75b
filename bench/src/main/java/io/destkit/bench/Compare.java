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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole-process comparison: the same input through a dozen programs, each a fresh process as the platform starts
 * one, in rounds that alternate between them so that the machine's drift touches all alike ({@link ThroughputRuns}).
 * This class runs the parts in turn and holds what they share: the measured process, the packaged PostgreSQL server,
 * the report.
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
 * class-data-sharing archive ({@link StartupRuns}); speed mode ({@link SpeedRuns}) and dedup ({@link DedupRuns}) when
 * asked. The report is Markdown, printed and written to {@code WORK/results.md}. Run it through
 * {@code bench/run}, which builds everything first.
 */
public final class Compare {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String TIME = "/usr/bin/time";
  static final String SCHEMA = "bench";
  static final String COPY_SCHEMA = "copy_target";

  private final CompareOptions options;
  private final Path work;
  private final StringBuilder report = new StringBuilder();
  private PackagedPostgres postgres;
  /** The runs of (f), psql {@code \copy}, for the dedup comparison; null when not run. */
  private List<Run> copyRuns;

  /** One run's figures. */
  record Run(double seconds, long peakKilobytes) {}

  Compare(CompareOptions options) {
    this.options = options;
    this.work = options.work().toAbsolutePath();
  }

  public static void main(String[] args) throws Exception {
    CompareOptions options = CompareOptions.parse(args);
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
    copyRuns = new ThroughputRuns(this, work).run(data);
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
      new StartupRuns(this, work).run(options.startupRuns());
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

  List<String> javaCommand(List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add("java");
    command.addAll(options.jvmFlags());
    command.addAll(arguments);
    return command;
  }

  Run measure(List<String> command, Path stdin, String name) throws IOException, InterruptedException {
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

  /** What the comparison was told on its command line. */
  CompareOptions options() {
    return options;
  }

  /** The port of the packaged PostgreSQL server, started by {@link #startPostgres}. */
  int postgresPort() {
    return postgres.port();
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

  void startPostgres() throws IOException, InterruptedException, SQLException {
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
  void settle(String table) throws SQLException {
    sql("VACUUM ANALYZE " + table, "CHECKPOINT");
  }

  void sql(String... statements) throws SQLException {
    try (Connection connection = postgres.connection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** The name of the table the sample made for {@code stream} in the benchmark schema. */
  String table(String stream) throws SQLException {
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

  void checkRows(String table, long expected) throws SQLException {
    try (Connection connection = postgres.connection();
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
      count.next();
      if (count.getLong(1) != expected) {
        throw new IllegalStateException(table + " holds " + count.getLong(1) + " rows, not " + expected);
      }
    }
  }

  void psql(String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("psql", "-X", "-q", "-h", "localhost", "-p",
        Integer.toString(postgres.port()), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c",
        command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("psql failed: " + output);
    }
  }

  static boolean which(String program) {
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

package io.destkit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The memory part of the comparison: the sample's peak RSS on each engine as the input grows, which a streaming
 * load keeps flat. Measured with the JVM's defaults (G1, and a quarter of this machine's memory as its heap, which it
 * grows into freely) and with the collector the generated image runs (serial). The engine's own memory counts too:
 * DuckDB's buffers live in the same process.
 */
final class MemoryRuns {
  private static final String SCHEMA = "bench_memory";

  private final Compare compare;
  private final Path work;

  MemoryRuns(Compare compare, Path work) {
    this.compare = compare;
    this.work = work;
  }

  /** One engine: its config, and how to start it afresh before each run. */
  private record Target(String engine, Path config, Reset reset) {}

  private interface Reset {
    void run() throws Exception;
  }

  /** Runs the sample on every engine for each input size in {@code sizes} (smallest first) and reports. */
  void run(List<Long> sizes) throws Exception {
    Path sqlite = work.resolve("memory.sqlite");
    Path duckdb = work.resolve("memory.duckdb");
    List<Target> targets = List.of(
        new Target("SQLite", compare.config(work.resolve("memory-sqlite.json"), "sqlite", sqlite, null),
            () -> Files.deleteIfExists(sqlite)),
        new Target("DuckDB", compare.config(work.resolve("memory-duckdb.json"), "duckdb", duckdb, null),
            () -> Compare.deleteDuckdb(duckdb)),
        new Target("PostgreSQL", compare.config(work.resolve("memory-postgres.json"), "postgres", null, SCHEMA),
            () -> compare.dropSchema(SCHEMA)));
    compare.line("### Memory: the sample's peak RSS by engine and input size");
    compare.line("");
    compare.line("| engine | JVM | records | input MB | wall s | peak RSS MB |");
    compare.line("|---|---|---:|---:|---:|---:|");
    List<String> ratios = new ArrayList<>();
    for (Target target : targets) {
      for (List<String> flags : List.of(List.<String>of(), List.of("-XX:+UseSerialGC"))) {
        String label = flags.isEmpty() ? "defaults" : String.join(" ", flags) + " (as the image runs it)";
        List<Compare.Run> results = new ArrayList<>();
        for (long records : sizes) {
          Path messages = compare.data(compare.shape(), records);
          List<String> command = new ArrayList<>(flags);
          command.addAll(List.of("-jar", compare.sample().toString(), "write", "--config",
              target.config().toString(), "--catalog", messages.resolveSibling("catalog.json").toString()));
          target.reset().run();
          Compare.Run run = compare.destination(command, messages, "memory");
          results.add(run);
          compare.line(String.format(Locale.ROOT, "| %s | %s | %,d | %,.0f | %.2f | %.0f |", target.engine(), label,
              records, Files.size(messages) / 1e6, run.seconds(), run.peakKilobytes() / 1024.0));
        }
        target.reset().run();
        if (results.size() >= 2) {
          double ratio = (double) results.get(results.size() - 1).peakKilobytes() / results.get(0).peakKilobytes();
          ratios.add(String.format(Locale.ROOT, "%s with %s %.2fx (%s)", target.engine(), label, ratio,
              ratio <= 1.1 ? "met" : "missed"));
        }
      }
    }
    if (!ratios.isEmpty()) {
      compare.line("");
      compare.line("Peak RSS of the largest input / the smallest (target <= 1.1x): " + String.join("; ", ratios)
          + ".");
    }
    compare.line("");
  }
}

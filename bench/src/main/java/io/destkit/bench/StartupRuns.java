package io.destkit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The start-up part of the comparison: {@code spec} and {@code check} of each connector, JVM start included, with
 * and without a class-data-sharing archive made by one {@code check} run.
 */
final class StartupRuns {
  private static final ObjectMapper JSON = Compare.JSON;

  private final Compare compare;
  private final Path work;

  StartupRuns(Compare compare, Path work) {
    this.compare = compare;
    this.work = work;
  }

  /** spec and check, JVM start included, with and without a class-data-sharing archive of the connector. */
  void run(int runs) throws Exception {
    line("### Start-up: `spec` and `check`, JVM start included, median of " + runs + " runs");
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
      Path jar = connector.getKey().startsWith("sample") ? compare.sample() : compare.devnull();
      Path archive = work.resolve(jar.getFileName() + ".jsa");
      Files.deleteIfExists(archive);
      // The archive is made by one check run, which loads what spec loads and more.
      measure(List.of("-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString(), "check", "--config",
          connector.getValue().toString()), "archive");
      for (String command : List.of("spec", "check")) {
        List<String> arguments = command.equals("spec") ? List.of("spec")
            : List.of("check", "--config", connector.getValue().toString());
        double[] plain = new double[runs];
        double[] shared = new double[runs];
        for (int i = 0; i < runs; i++) {
          List<String> base = new ArrayList<>(List.of("-jar", jar.toString()));
          base.addAll(arguments);
          plain[i] = measure(base, command).seconds();
          List<String> withArchive = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive));
          withArchive.addAll(base);
          shared[i] = measure(withArchive, command + " (CDS)").seconds();
        }
        double a = Compare.median(plain);
        double b = Compare.median(shared);
        line(String.format(Locale.ROOT, "| %s | %s | %.2f s | %.2f s | %.2fx |", connector.getKey(), command, a, b,
            a / b));
      }
    }
    line("");
  }

  private void line(String text) {
    compare.line(text);
  }

  /** A Java process run with {@code arguments}, timed. */
  private Compare.Run measure(List<String> arguments, String name) throws IOException, InterruptedException {
    return compare.measure(compare.javaCommand(arguments), null, name);
  }
}

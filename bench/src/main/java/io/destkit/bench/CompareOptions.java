package io.destkit.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What the comparison ({@link Compare}) is told on its command line. */
record CompareOptions(long records, DataGenerator.Shape shape, int rounds, Path work, Path devnull, Path sample,
    List<Long> rssRecords, int startupRuns, List<String> jvmFlags, List<String> only) {
  static CompareOptions parse(String[] args) {
    long records = 2_000_000;
    DataGenerator.Shape shape = DataGenerator.Shape.TYPICAL;
    int rounds = 3;
    Path work = Path.of("bench/target/compare");
    Path devnull = Path.of("bench/target/destination-devnull.jar");
    Path sample = Path.of("sample-destination/target/sample-destination.jar");
    List<Long> rssRecords = List.of(1_000_000L, 10_000_000L);
    int startupRuns = 5;
    List<String> jvmFlags = List.of();
    List<String> only = List.of("a", "b", "c", "n", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m");
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
            + " --rss-records N,M|none --startup-runs N --jvm-flags '...' --only a,b,c,n,d,e,f,g,h,i,j,k,l,m");
      }
    }
    return new CompareOptions(records, shape, rounds, work, devnull, sample, rssRecords, startupRuns, jvmFlags,
        only);
  }
}

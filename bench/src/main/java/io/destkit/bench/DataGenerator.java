package io.destkit.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a catalog and a file of protocol messages for the benchmarks: {@code N} records of one stream of a chosen
 * shape, with a STREAM state every {@code --state-every} records and one after the last, then the stream's
 * STREAM_STATUS COMPLETE. The values are pseudo-random from a fixed seed, so the same arguments give the same bytes.
 *
 * <pre>
 * java -cp bench/target/destination-devnull.jar io.destkit.bench.DataGenerator --records 2000000 \
 *     --shape typical --out /tmp/bench [--stream NAME] [--state-every 10000] [--seed 1]
 * </pre>
 *
 * Shapes:
 * <ul>
 *   <li>{@code typical}: an id, a name, a timestamp, a number and a short array of strings, about 206 bytes a line;
 *       the same fields as destination-devnull's typed stream {@code events}, so {@code --stream events} sends the
 *       shape through the generated decoder.</li>
 *   <li>{@code narrow}: an id and a short string.</li>
 *   <li>{@code wide}: 50 columns: integers, strings, numbers, timestamps, dates and booleans.</li>
 *   <li>{@code nested}: an id, an object holding an object, and an array of objects (JSON columns).</li>
 * </ul>
 * Files written: {@code OUT/catalog.json} and {@code OUT/messages.jsonl}.
 */
public final class DataGenerator {
  /** The shapes of record this generator writes. */
  public enum Shape { TYPICAL, NARROW, WIDE, NESTED }

  private static final long EMITTED_AT = 1_732_270_000_000L;
  private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"};
  private static final String[] CITIES = {"Lisbon", "Osaka", "Nairobi", "Quito", "Tallinn", "Perth", "Oslo"};
  private static final long BASE_SECOND = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
  private static final int WIDE_GROUP = 10;

  private final Shape shape;
  /** The version of what {@link #write} writes; 2 ends with the stream's COMPLETE. */
  static final int FORMAT = 2;

  private final String stream;
  private final SplittableRandom random;
  private final StringBuilder line = new StringBuilder(2048);

  DataGenerator(Shape shape, String stream, long seed) {
    this.shape = shape;
    this.stream = stream;
    this.random = new SplittableRandom(seed);
  }

  public static void main(String[] args) throws IOException {
    long records = -1;
    Shape shape = Shape.TYPICAL;
    String stream = null;
    long stateEvery = 10_000;
    long seed = 1;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--records":
          records = Long.parseLong(require(args[i], value));
          break;
        case "--shape":
          shape = Shape.valueOf(require(args[i], value).toUpperCase(Locale.ROOT));
          break;
        case "--stream":
          stream = require(args[i], value);
          break;
        case "--state-every":
          stateEvery = Long.parseLong(require(args[i], value));
          break;
        case "--seed":
          seed = Long.parseLong(require(args[i], value));
          break;
        case "--out":
          out = Path.of(require(args[i], value));
          break;
        default:
          throw new IllegalArgumentException("unknown option " + args[i] + "; options: --records N --shape "
              + "typical|narrow|wide|nested --out DIR [--stream NAME] [--state-every N] [--seed N]");
      }
      i++;
    }
    if (records < 0 || out == null || stateEvery <= 0) {
      throw new IllegalArgumentException("--records N (N >= 0), --out DIR and a positive --state-every are needed");
    }
    if (stream == null) {
      stream = shape.name().toLowerCase(Locale.ROOT);
    }
    Files.createDirectories(out);
    DataGenerator generator = new DataGenerator(shape, stream, seed);
    Files.writeString(out.resolve("catalog.json"), generator.catalog());
    long bytes;
    try (OutputStream messages = new BufferedOutputStream(Files.newOutputStream(out.resolve("messages.jsonl")),
        1 << 20)) {
      bytes = generator.write(messages, records, stateEvery);
    }
    System.err.printf(Locale.ROOT, "%,d %s records of stream %s, %,d bytes (%.1f a line) in %s%n", records,
        shape.name().toLowerCase(Locale.ROOT), stream, bytes, records == 0 ? 0.0 : (double) bytes / records, out);
  }

  private static String require(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }

  /** Writes {@code records} records of {@code shape} as stream {@code stream}, with their states, to {@code out}. */
  public static long writeTo(OutputStream out, Shape shape, String stream, long records, long stateEvery)
      throws IOException {
    return new DataGenerator(shape, stream, 1).write(out, records, stateEvery);
  }

  /** The catalog of one stream of {@code shape}, named {@code stream}. */
  public static String catalogOf(Shape shape, String stream) {
    return new DataGenerator(shape, stream, 1).catalog();
  }

  /** The configured catalog: the one stream, append. */
  String catalog() {
    return "{\"streams\":[{\"stream\":{\"name\":\"" + stream + "\",\"json_schema\":" + schema()
        + ",\"supported_sync_modes\":[\"full_refresh\"]},\"sync_mode\":\"full_refresh\","
        + "\"destination_sync_mode\":\"append\"}]}\n";
  }

  /** Writes the records and states; gives the number of bytes written. */
  long write(OutputStream out, long records, long stateEvery) throws IOException {
    long bytes = 0;
    for (long i = 0; i < records; i++) {
      startRecord();
      data(i);
      bytes += endRecord(out, EMITTED_AT + i / 1000);
      if ((i + 1) % stateEvery == 0 || i + 1 == records) {
        bytes += state(out, i + 1);
      }
    }
    return bytes + complete(out);
  }

  /**
   * The configured catalog of a dedup sync: the one stream with {@code _ab_cdc_deleted_at} beside its fields,
   * {@code append_dedup} on the primary key {@code id}, no cursor (the last record of a key wins).
   */
  String dedupCatalog() {
    if (shape == Shape.WIDE) {
      throw new IllegalArgumentException("the wide shape has no id to deduplicate on");
    }
    String schema = schema();
    schema = schema.substring(0, schema.length() - 2) + ",\"_ab_cdc_deleted_at\":{\"type\":\"string\","
        + "\"format\":\"date-time\",\"airbyte_type\":\"timestamp_with_timezone\"}}}";
    return "{\"streams\":[{\"stream\":{\"name\":\"" + stream + "\",\"json_schema\":" + schema
        + ",\"supported_sync_modes\":[\"incremental\"]},\"sync_mode\":\"incremental\","
        + "\"destination_sync_mode\":\"append_dedup\",\"primary_key\":[[\"id\"]]}]}\n";
  }

  /** How many records the second dedup sync of {@code records} keys sends: {@link #writeChanges}. */
  static long changesOf(long records) {
    return records / 10 + deletesOf(records);
  }

  /** How many keys the second dedup sync of {@code records} keys deletes. */
  static long deletesOf(long records) {
    return records / 100;
  }

  /**
   * The second sync after a first of keys 0 to {@code records - 1}: new values for every tenth key (0, 10, ...),
   * then deletes ({@code _ab_cdc_deleted_at}) of every hundredth (5, 105, ...), emitted later than the first sync.
   */
  long writeChanges(OutputStream out, long records, long stateEvery) throws IOException {
    long updates = records / 10;
    long count = changesOf(records);
    long bytes = 0;
    for (long n = 0; n < count; n++) {
      startRecord();
      if (n < updates) {
        data(n * 10);
      } else {
        line.append("{\"id\":").append((n - updates) * 100 + 5)
            .append(",\"_ab_cdc_deleted_at\":\"2024-12-31T00:00:00Z\"}");
      }
      bytes += endRecord(out, EMITTED_AT + 86_400_000L + n / 1000);
      if ((n + 1) % stateEvery == 0 || n + 1 == count) {
        bytes += state(out, n + 1);
      }
    }
    return bytes + complete(out);
  }

  /**
   * The second dedup sync's input for {@code records} keys of {@code shape} (stream named after the shape), made
   * once in the work folder: {@code messages.jsonl} beside the dedup {@code catalog.json}, in a folder named
   * {@code changes-COUNT-FORMAT}.
   */
  static Path changes(Path work, Shape shape, long records) throws IOException {
    Path dir = work.resolve("changes-" + changesOf(records) + "-" + FORMAT + "-" + records);
    Path messages = dir.resolve("messages.jsonl");
    if (!Files.exists(dir.resolve("done"))) {
      Files.createDirectories(dir);
      DataGenerator generator = new DataGenerator(shape, shape.name().toLowerCase(Locale.ROOT), 2);
      Files.writeString(dir.resolve("catalog.json"), generator.dedupCatalog());
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(messages), 1 << 20)) {
        generator.writeChanges(out, records, 10_000);
      }
      Files.writeString(dir.resolve("done"), "");
    }
    return messages;
  }

  private void startRecord() {
    line.setLength(0);
    line.append("{\"type\":\"RECORD\",\"record\":{\"stream\":\"").append(stream).append("\",\"data\":");
  }

  private int endRecord(OutputStream out, long emittedAt) throws IOException {
    line.append(",\"emitted_at\":").append(emittedAt).append("}}\n");
    return emit(out);
  }

  private int state(OutputStream out, long cursor) throws IOException {
    line.setLength(0);
    line.append("{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"")
        .append(stream).append("\"},\"stream_state\":{\"cursor\":").append(cursor).append("}}}}\n");
    return emit(out);
  }

  /** The source has sent everything: a sync whose streams do not complete fails. */
  private int complete(OutputStream out) throws IOException {
    line.setLength(0);
    line.append("{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":").append(EMITTED_AT)
        .append(",\"stream_status\":{\"stream_descriptor\":{\"name\":\"").append(stream)
        .append("\"},\"status\":\"COMPLETE\"}}}\n");
    return emit(out);
  }

  private int emit(OutputStream out) throws IOException {
    byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
    out.write(bytes);
    return bytes.length;
  }

  private String schema() {
    switch (shape) {
      case TYPICAL:
        return "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"},"
            + "\"at\":{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_with_timezone\"},"
            + "\"amount\":{\"type\":\"number\"},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}";
      case NARROW:
        return "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},\"code\":{\"type\":\"string\"}}}";
      case WIDE:
        StringBuilder properties = new StringBuilder("{\"type\":\"object\",\"properties\":{");
        for (int column = 0; column < 5 * WIDE_GROUP; column++) {
          if (column > 0) {
            properties.append(',');
          }
          properties.append('"').append(wideName(column)).append("\":").append(wideType(column));
        }
        return properties.append("}}").toString();
      case NESTED:
        return "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},\"customer\":{\"type\":\"object\","
            + "\"properties\":{\"name\":{\"type\":\"string\"},\"address\":{\"type\":\"object\",\"properties\":{"
            + "\"city\":{\"type\":\"string\"},\"zip\":{\"type\":\"string\"}}}}},\"items\":{\"type\":\"array\","
            + "\"items\":{\"type\":\"object\",\"properties\":{\"sku\":{\"type\":\"string\"},"
            + "\"quantity\":{\"type\":\"integer\"},\"price\":{\"type\":\"number\"}}}}}}";
      default:
        throw new AssertionError(shape);
    }
  }

  /** The wide shape's columns, in five groups of ten: integers, strings, numbers, timestamps, then dates/booleans. */
  private static String wideName(int column) {
    String[] kinds = {"int", "text", "num", "ts", "day"};
    String kind = column / WIDE_GROUP == 4 && column % 2 == 1 ? "flag" : kinds[column / WIDE_GROUP];
    return kind + "_" + column;
  }

  private static String wideType(int column) {
    switch (column / WIDE_GROUP) {
      case 0:
        return "{\"type\":\"integer\"}";
      case 1:
        return "{\"type\":\"string\"}";
      case 2:
        return "{\"type\":\"number\"}";
      case 3:
        return "{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_with_timezone\"}";
      default:
        return column % 2 == 1 ? "{\"type\":\"boolean\"}" : "{\"type\":\"string\",\"format\":\"date\"}";
    }
  }

  private void data(long i) {
    switch (shape) {
      case TYPICAL:
        line.append("{\"id\":").append(i).append(",\"name\":\"user name number ").append(random.nextInt(1_000_000))
            .append("\",\"at\":\"");
        timestamp();
        line.append("\",\"amount\":").append(random.nextInt(1_000_000)).append('.').append(random.nextInt(90) + 10)
            .append(",\"tags\":[\"").append(word()).append("\",\"").append(word()).append("\",\"").append(word())
            .append("\"]}");
        break;
      case NARROW:
        line.append("{\"id\":").append(i).append(",\"code\":\"").append(word()).append("\"}");
        break;
      case WIDE:
        line.append('{');
        for (int column = 0; column < 5 * WIDE_GROUP; column++) {
          if (column > 0) {
            line.append(',');
          }
          line.append('"').append(wideName(column)).append("\":");
          wideValue(column, i);
        }
        line.append('}');
        break;
      case NESTED:
        line.append("{\"id\":").append(i).append(",\"customer\":{\"name\":\"customer ").append(random.nextInt(100_000))
            .append("\",\"address\":{\"city\":\"").append(CITIES[random.nextInt(CITIES.length)])
            .append("\",\"zip\":\"").append(10_000 + random.nextInt(90_000)).append("\"}},\"items\":[");
        int items = 1 + random.nextInt(3);
        for (int item = 0; item < items; item++) {
          if (item > 0) {
            line.append(',');
          }
          line.append("{\"sku\":\"").append(word()).append('-').append(random.nextInt(1000))
              .append("\",\"quantity\":").append(1 + random.nextInt(9)).append(",\"price\":")
              .append(random.nextInt(500)).append('.').append(random.nextInt(90) + 10).append('}');
        }
        line.append("]}");
        break;
      default:
        throw new AssertionError(shape);
    }
  }

  private void wideValue(int column, long i) {
    switch (column / WIDE_GROUP) {
      case 0:
        line.append(column == 0 ? i : random.nextInt());
        break;
      case 1:
        line.append('"').append(word()).append(' ').append(random.nextInt(10_000)).append('"');
        break;
      case 2:
        line.append(random.nextInt(100_000)).append('.').append(random.nextInt(900) + 100);
        break;
      case 3:
        line.append('"');
        timestamp();
        line.append('"');
        break;
      default:
        if (column % 2 == 1) {
          line.append(random.nextBoolean());
        } else {
          line.append('"').append(LocalDate.ofEpochDay(19_000 + random.nextInt(2_000))).append('"');
        }
    }
  }

  /** An instant of 2024 with milliseconds, in ISO-8601 UTC. */
  private void timestamp() {
    line.append(Instant.ofEpochSecond(BASE_SECOND + random.nextInt(366 * 86_400), random.nextInt(1000) * 1_000_000L));
  }

  private String word() {
    return WORDS[random.nextInt(WORDS.length)];
  }
}

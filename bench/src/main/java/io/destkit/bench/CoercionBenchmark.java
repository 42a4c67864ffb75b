package io.destkit.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.runtime.types.JsonSchemas;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.types.ValueDecoder;
import io.destkit.runtime.types.ValueDecoders;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Coercion of timestamps and numbers, in values per second: the runtime's decoders against java.time's and
 * BigDecimal's own parsing, each over a JSON array of 10,000 values (tokenizing included in all, and measured alone
 * as {@code *Tokens}). Run: {@code java -jar bench/target/benchmarks.jar CoercionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CoercionBenchmark {
  static final int VALUES = 10_000;
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper JSON = new ObjectMapper();

  private byte[] timestamps;
  private byte[] numbers;
  private ValueDecoder timestampDecoder;
  private ValueDecoder numberDecoder;
  private final List<MetaChange> changes = new ArrayList<>();

  @Setup(Level.Trial)
  public void prepare() throws IOException {
    SplittableRandom random = new SplittableRandom(3);
    StringBuilder times = new StringBuilder("[");
    StringBuilder decimals = new StringBuilder("[");
    long base = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < VALUES; i++) {
      String separator = i == 0 ? "" : ",";
      times.append(separator).append('"')
          .append(Instant.ofEpochSecond(base + random.nextInt(31_000_000), random.nextInt(1000) * 1_000_000L))
          .append('"');
      decimals.append(separator).append(random.nextInt(1_000_000)).append('.').append(random.nextInt(90) + 10);
    }
    timestamps = times.append(']').toString().getBytes(StandardCharsets.UTF_8);
    numbers = decimals.append(']').toString().getBytes(StandardCharsets.UTF_8);
    timestampDecoder = ValueDecoders.forType(JsonSchemas.parse(JSON.readTree(
        "{\"type\":\"string\",\"format\":\"date-time\",\"airbyte_type\":\"timestamp_with_timezone\"}")));
    numberDecoder = ValueDecoders.forType(JsonSchemas.parse(JSON.readTree("{\"type\":\"number\"}")));
  }

  @Benchmark
  @OperationsPerInvocation(VALUES)
  public int timestampTokens() throws IOException {
    int length = 0;
    try (JsonParser parser = FACTORY.createParser(timestamps)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.VALUE_STRING) {
        length += parser.getTextLength();
      }
    }
    return length;
  }

  /** The runtime's decoder: its own ISO-8601 parser, to OffsetDateTime. */
  @Benchmark
  @OperationsPerInvocation(VALUES)
  public int timestampRuntime() throws IOException {
    int count = 0;
    try (JsonParser parser = FACTORY.createParser(timestamps)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.VALUE_STRING) {
        count += timestampDecoder.decode(parser, "at", changes) == null ? 0 : 1;
      }
    }
    changes.clear();
    return count;
  }

  /** {@code OffsetDateTime.parse} of the text. */
  @Benchmark
  @OperationsPerInvocation(VALUES)
  public int timestampJavaTime() throws IOException {
    int count = 0;
    try (JsonParser parser = FACTORY.createParser(timestamps)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.VALUE_STRING) {
        count += OffsetDateTime.parse(parser.getText()).getNano() >= 0 ? 1 : 0;
      }
    }
    return count;
  }

  @Benchmark
  @OperationsPerInvocation(VALUES)
  public int numberTokens() throws IOException {
    int length = 0;
    try (JsonParser parser = FACTORY.createParser(numbers)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.VALUE_NUMBER_FLOAT) {
        length += parser.getTextLength();
      }
    }
    return length;
  }

  /** The runtime's decoder: the exact decimal as written. */
  @Benchmark
  @OperationsPerInvocation(VALUES)
  public int numberRuntime() throws IOException {
    int count = 0;
    try (JsonParser parser = FACTORY.createParser(numbers)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.VALUE_NUMBER_FLOAT) {
        count += numberDecoder.decode(parser, "amount", changes) == null ? 0 : 1;
      }
    }
    changes.clear();
    return count;
  }

  /** {@code new BigDecimal(text)}: exact, the general way. */
  @Benchmark
  @OperationsPerInvocation(VALUES)
  public int numberBigDecimal() throws IOException {
    int count = 0;
    try (JsonParser parser = FACTORY.createParser(numbers)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.VALUE_NUMBER_FLOAT) {
        count += new BigDecimal(parser.getText()).signum() >= 0 ? 1 : 0;
      }
    }
    return count;
  }

  /** {@code getDoubleValue}: fast but inexact, what many destinations do. */
  @Benchmark
  @OperationsPerInvocation(VALUES)
  public double numberDouble() throws IOException {
    double sum = 0;
    try (JsonParser parser = FACTORY.createParser(numbers)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.VALUE_NUMBER_FLOAT) {
        sum += parser.getDoubleValue();
      }
    }
    return sum;
  }
}

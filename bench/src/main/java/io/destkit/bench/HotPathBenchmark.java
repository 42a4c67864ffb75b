package io.destkit.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.runtime.engine.CatalogReader;
import io.destkit.runtime.engine.MessageDecoder;
import io.destkit.runtime.engine.MessageReader;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.WriteHandlers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * The read path's stages, each over the same 10,000 lines of the {@code typical} shape held in memory, in lines
 * per second: framing alone, token walks (the floors), the envelope alone, the record through the runtime's plan,
 * and through a generated codec. It lives in the runtime's package to reach the reader, which is not public.
 * Run: {@code java -jar bench/target/benchmarks.jar HotPathBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPathBenchmark {
  static final int LINES = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = new JsonFactory();

  private byte[] input;
  private byte[] typedInput;
  private Catalog planCatalog;
  private Catalog envelopeCatalog;
  private Catalog typedCatalog;

  @Setup(Level.Trial)
  public void prepare() throws Exception {
    input = generate("typical");
    typedInput = generate("events");
    String schemaless = "{\"streams\":[{\"stream\":{\"name\":\"typical\",\"json_schema\":{\"type\":\"object\","
        + "\"properties\":{}}},\"sync_mode\":\"full_refresh\",\"destination_sync_mode\":\"append\"}]}";
    envelopeCatalog = CatalogReader.read(JSON.readTree(schemaless));
    planCatalog = CatalogReader.read(JSON.readTree(catalog("typical")));
    typedCatalog = CatalogReader.read(JSON.readTree(catalog("events")));
  }

  private static byte[] generate(String stream) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(LINES * 220);
    // One state at the end only: these are lines of records.
    DataGenerator.writeTo(out, DataGenerator.Shape.TYPICAL, stream, LINES, LINES);
    return out.toByteArray();
  }

  private static String catalog(String stream) {
    return DataGenerator.catalogOf(DataGenerator.Shape.TYPICAL, stream);
  }

  /** Finding the ends of lines: a byte scan. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public int framing() {
    int lines = 0;
    byte[] bytes = input;
    for (byte b : bytes) {
      if (b == '\n') {
        lines++;
      }
    }
    return lines;
  }

  /** Every token of every line, a parser per line: the floor the whole-process comparison calls (a). */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public long tokensParserPerLine() throws IOException {
    long tokens = 0;
    byte[] bytes = input;
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        try (JsonParser parser = FACTORY.createParser(bytes, start, i - start)) {
          while (parser.nextToken() != null) {
            tokens++;
          }
        }
        start = i + 1;
      }
    }
    return tokens;
  }

  /** Every token, one parser over all lines: what tokenizing costs without a parser's set-up. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public long tokensOneParser() throws IOException {
    long tokens = 0;
    try (JsonParser parser = FACTORY.createParser(input)) {
      while (parser.nextToken() != null) {
        tokens++;
      }
    }
    return tokens;
  }

  /** The reader and the envelope of each message, the record's data skipped (its stream has no columns). */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public long envelope() throws Exception {
    return read(input, envelopeCatalog, new DevNullDestinationDispatcher(new DevNullDestination()));
  }

  /** The reader, the envelope, and the data decoded into column values by the runtime's plan. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public long plan() throws Exception {
    return read(input, planCatalog, new DevNullDestinationDispatcher(new DevNullDestination()));
  }

  /** The same, the data decoded into the record class {@code Event} by its generated codec. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public long generatedCodec() throws Exception {
    return read(typedInput, typedCatalog, new DevNullDestinationDispatcher(new DevNullDestination()));
  }

  private static long read(byte[] bytes, Catalog catalog, WriteHandlers handlers) throws Exception {
    MessageReader reader = new MessageReader(new ByteArrayInputStream(bytes), new MessageDecoder(catalog, handlers),
        1 << 20);
    long records = 0;
    MessageDecoder.Kind kind;
    while ((kind = reader.next()) != null) {
      if (kind == MessageDecoder.Kind.RECORD) {
        records += reader.record().record().size();
      }
    }
    return records;
  }
}

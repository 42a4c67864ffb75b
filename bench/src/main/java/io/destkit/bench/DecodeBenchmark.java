package io.destkit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.runtime.engine.CatalogReader;
import io.destkit.runtime.engine.WriteEngine;
import io.destkit.runtime.engine.WriteOptions;
import io.destkit.runtime.protocol.ProtocolOutput;
import io.destkit.runtime.secret.SecretMasker;
import io.destkit.runtime.write.Catalog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same records written through the whole engine into {@link DevNullDestination}, decoded either by the typed
 * stream's generated codec (stream {@code events}) or by the runtime's plan (the same schema under another name).
 * Run: {@code java -jar bench/target/benchmarks.jar DecodeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {
  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
      + "\"name\":{\"type\":\"string\"},\"at\":{\"type\":\"string\",\"format\":\"date-time\","
      + "\"airbyte_type\":\"timestamp_with_timezone\"},\"amount\":{\"type\":\"number\"},"
      + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}";

  /** {@code events} is decoded by the generated codec; {@code events_plan} by the runtime's plan. */
  @Param({"events", "events_plan"})
  public String stream;

  @Param("100000")
  public int records;

  private byte[] input;
  private Catalog catalog;

  @Setup(Level.Trial)
  public void prepare() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream(records * 220);
    for (int i = 0; i < records; i++) {
      out.write(("{\"type\":\"RECORD\",\"record\":{\"stream\":\"" + stream + "\",\"data\":{\"id\":" + i
          + ",\"name\":\"user name number " + i + "\",\"at\":\"2024-03-01T09:30:00.123Z\",\"amount\":" + i
          + ".25,\"tags\":[\"alpha\",\"beta\",\"gamma\"]},\"emitted_at\":1732270000000}}\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    input = out.toByteArray();
    catalog = CatalogReader.read(new ObjectMapper().readTree("{\"streams\":[{\"stream\":{\"name\":\"" + stream
        + "\",\"json_schema\":" + SCHEMA + "},\"destination_sync_mode\":\"append\"}]}"));
  }

  /** Records per second, whole engine: framing, envelope, data, batching, hand-off. */
  @Benchmark
  public long write() throws Exception {
    DevNullDestination destination = new DevNullDestination();
    WriteOptions options = new WriteOptions(50_000, 32L << 20, 512L << 20, Duration.ofMinutes(5), Duration.ZERO);
    new WriteEngine(catalog, new DevNullDestinationDispatcher(destination), options,
        new ProtocolOutput(OutputStream.nullOutputStream(), new SecretMasker()),
        new PrintStream(OutputStream.nullOutputStream())).run(new ByteArrayInputStream(input));
    return destination.seen;
  }
}

package io.destkit.testkit.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.runtime.DestinationDefinition;
import io.destkit.testkit.ConnectorProcess;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.Json;
import io.destkit.testkit.messages.SyncInput;
import io.destkit.testkit.speed.SpeedModeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a destination's commands as the platform does: {@code spec}, {@code check --config FILE},
 * {@code write --config FILE --catalog FILE} with messages on standard input. The config and catalog are written to
 * temporary files, removed after the run. Two modes, same results:
 * <ul>
 *   <li>{@link #inProcess}: the connector's generated {@code <Connector>Main} runs in this JVM, as fast as a unit
 *       test; a debugger stops in the connector's code.</li>
 *   <li>{@link #childProcess}: the connector's jar runs in a new JVM, exactly as in the platform's container.</li>
 * </ul>
 * Either can {@link #inSpeedMode write in speed mode}: records over Unix sockets instead of standard input.
 */
public abstract sealed class DestinationRunner permits InProcessRunner, ChildProcessRunner, SpeedModeRunner {
  DestinationRunner() {}

  /** Runs {@code destination} (e.g. {@code new WarehouseDestinationMain()}) in this JVM. */
  public static DestinationRunner inProcess(DestinationDefinition<?> destination) {
    return new InProcessRunner(destination);
  }

  /** Runs the connector's runnable {@code jar} with {@code java -jar}, in a new JVM per command. */
  public static DestinationRunner childProcess(Path jar) {
    return childProcess(ConnectorProcess.of(jar));
  }

  /** Runs commands with {@code process}, e.g. {@code ConnectorProcess.of(jar).withJvmOptions("-Xmx256m")}. */
  public static DestinationRunner childProcess(ConnectorProcess process) {
    return new ChildProcessRunner(process);
  }

  /**
   * The same runner, whose {@code write} sends its input in speed mode: served over {@code sockets} Unix sockets as
   * {@code format} by a {@link SpeedModeSource} (spread by a fixed seed), the connector reading them as the platform
   * makes it, with nothing on standard input.
   */
  public DestinationRunner inSpeedMode(SpeedModeSource.Format format, int sockets) {
    return new SpeedModeRunner(this, format, sockets, 7);
  }

  /** Whether {@code write} runs in speed mode. */
  public boolean speedMode() {
    return false;
  }

  /** {@code spec}. */
  public RunResult spec() {
    return run(List.of("spec"), new byte[0], OutputListener.NONE);
  }

  /** {@code check --config FILE}, the file holding {@code config}. */
  public RunResult check(JsonNode config) {
    try (TempFiles files = new TempFiles()) {
      Path configFile = files.write("config.json", Json.write(config));
      return run(List.of("check", "--config", configFile.toString()), new byte[0], OutputListener.NONE);
    }
  }

  /** {@code discover --config FILE}, the file holding {@code config}: a data activation destination's objects. */
  public RunResult discover(JsonNode config) {
    try (TempFiles files = new TempFiles()) {
      Path configFile = files.write("config.json", Json.write(config));
      return run(List.of("discover", "--config", configFile.toString()), new byte[0], OutputListener.NONE);
    }
  }

  /** {@code write --config FILE --catalog FILE} with {@code input} on standard input. */
  public RunResult write(JsonNode config, ConfiguredCatalog catalog, SyncInput input) {
    return write(config, catalog, input, OutputListener.NONE);
  }

  /**
   * {@code write --config FILE --catalog FILE} with {@code input} on standard input, telling {@code listener} each
   * message the connector prints as it prints it.
   */
  public RunResult write(JsonNode config, ConfiguredCatalog catalog, SyncInput input, OutputListener listener) {
    try (TempFiles files = new TempFiles()) {
      Path configFile = files.write("config.json", Json.write(config));
      Path catalogFile = files.write("catalog.json", Json.write(catalog.toJson()));
      return run(List.of("write", "--config", configFile.toString(), "--catalog", catalogFile.toString()),
          input.toBytes(), listener);
    }
  }

  /**
   * Runs the command line {@code args} with {@code stdin} on standard input, telling {@code listener} each message
   * printed. What the listener throws fails the run with an {@link AssertionError}, after the connector has ended.
   */
  public RunResult run(List<String> args, byte[] stdin, OutputListener listener) {
    return run(args, stdin, listener, Map.of());
  }

  /** {@link #run(List, byte[], OutputListener)} with these variables added to the connector's environment. */
  public abstract RunResult run(List<String> args, byte[] stdin, OutputListener listener,
      Map<String, String> environment);

  /** How the connector runs, for messages: e.g. {@code in process: WarehouseDestinationMain}. */
  public abstract String describe();

  @Override
  public String toString() {
    return describe();
  }

  /** A temporary folder for one command's files, removed with them on close. */
  private static final class TempFiles implements AutoCloseable {
    private final Path dir;

    TempFiles() {
      try {
        dir = Files.createTempDirectory("destkit-run-");
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create a temporary folder for the connector's files", e);
      }
    }

    Path write(String name, String content) {
      try {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + dir.resolve(name), e);
      }
    }

    @Override
    public void close() {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      } catch (IOException e) {
        // A leftover temporary file is not worth failing a test for.
      }
    }
  }
}

package io.destkit.testkit.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.Json;
import io.destkit.testkit.messages.RawLine;
import io.destkit.testkit.messages.SyncInput;
import io.destkit.testkit.speed.SpeedModeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * A runner whose {@code write} runs in speed mode: the input is served by a {@link SpeedModeSource} over Unix
 * sockets, the connector gets the environment the platform sets for them, and nothing on standard input. Every other
 * command runs as the wrapped runner runs it.
 */
final class SpeedModeRunner extends DestinationRunner {
  private final DestinationRunner plain;
  private final SpeedModeSource.Format format;
  private final int sockets;
  private final long seed;

  SpeedModeRunner(DestinationRunner plain, SpeedModeSource.Format format, int sockets, long seed) {
    this.plain = plain;
    this.format = format;
    this.sockets = sockets;
    this.seed = seed;
  }

  @Override
  public RunResult write(JsonNode config, ConfiguredCatalog catalog, SyncInput input, OutputListener listener) {
    if (input.messages().stream().anyMatch(RawLine.class::isInstance)) {
      throw new TestAbortedException("The input holds a raw line, which speed mode's protobuf frames cannot carry");
    }
    Path dir;
    try {
      // Short: a Unix socket's path has at most 107 bytes.
      dir = Files.createTempDirectory(Path.of("/tmp"), "dk-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a folder for the sockets", e);
    }
    try {
      Path configFile = Files.writeString(dir.resolve("config.json"), Json.write(config));
      Path catalogFile = Files.writeString(dir.resolve("catalog.json"), Json.write(catalog.toJson()));
      try (SpeedModeSource source = SpeedModeSource.start(dir, sockets, format, catalog, input, seed)) {
        return plain.run(List.of("write", "--config", configFile.toString(), "--catalog", catalogFile.toString()),
            new byte[0], listener, source.environment());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while serving the sockets", e);
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      } catch (IOException e) {
        // A leftover temporary file is not worth failing a test for.
      }
    }
  }

  @Override
  public RunResult run(List<String> args, byte[] stdin, OutputListener listener, Map<String, String> environment) {
    return plain.run(args, stdin, listener, environment);
  }

  @Override
  public boolean speedMode() {
    return true;
  }

  @Override
  public String describe() {
    return plain.describe() + ", speed mode (" + format + " over " + sockets + " Unix sockets)";
  }
}

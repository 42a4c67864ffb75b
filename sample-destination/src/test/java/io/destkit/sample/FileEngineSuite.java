package io.destkit.sample;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.messages.Json;
import io.destkit.testkit.suite.DestinationFeatures;
import io.destkit.testkit.suite.DestinationReader;
import io.destkit.testkit.suite.DestinationSuite;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard destination suite against the sample on an engine that keeps its database in a file, in process: a new
 * file per test; a file in a folder that does not exist is the config the destination cannot use.
 */
abstract class FileEngineSuite extends DestinationSuite {
  @TempDir
  Path dir;

  private int files;

  /** The engine's name in the config, which is also the files' extension. */
  abstract String engine();

  /** A reader of the database in {@code file}. */
  abstract DestinationReader reader(Path file) throws SQLException;

  @Override
  protected DestinationRunner connector() {
    return DestinationRunner.inProcess(new SampleDestinationMain());
  }

  @Override
  protected JsonNode freshConfig() {
    return config(dir.resolve("warehouse-" + ++files + "." + engine()));
  }

  @Override
  protected DestinationReader reader(JsonNode config) throws SQLException {
    return reader(Path.of(config.at("/database/path").asText()));
  }

  @Override
  protected Optional<JsonNode> unusableConfig(JsonNode workingConfig) {
    return Optional.of(config(dir.resolve("no such folder").resolve("warehouse." + engine())));
  }

  @Override
  protected DestinationFeatures features(JsonNode spec) {
    return SampleFeatures.of(spec);
  }

  private JsonNode config(Path file) {
    return Json.object("database", Json.object("engine", engine(), "path", file.toString()));
  }
}

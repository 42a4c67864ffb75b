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
 * The standard destination suite against the sample on DuckDB, in process: a new database file per test. The reader's
 * connection and the connector's share one DuckDB instance (the driver's, per file and process), so the reader may
 * stay open between syncs here; a connector in another process would find the file locked.
 */
class DuckdbSuiteTest extends DestinationSuite {
  @TempDir
  Path dir;

  private int files;

  @Override
  protected DestinationRunner connector() {
    return DestinationRunner.inProcess(new SampleDestinationMain());
  }

  @Override
  protected JsonNode freshConfig() {
    return config(dir.resolve("warehouse-" + ++files + ".duckdb"));
  }

  @Override
  protected DestinationReader reader(JsonNode config) throws SQLException {
    return SampleReader.duckdb(Path.of(config.at("/database/path").asText()));
  }

  @Override
  protected Optional<JsonNode> unusableConfig(JsonNode workingConfig) {
    return Optional.of(config(dir.resolve("no such folder").resolve("warehouse.duckdb")));
  }

  @Override
  protected DestinationFeatures features(JsonNode spec) {
    return SampleFeatures.of(spec);
  }

  private static JsonNode config(Path file) {
    return Json.object("database", Json.object("engine", "duckdb", "path", file.toString()));
  }
}

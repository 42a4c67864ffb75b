package ${package};

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.messages.Json;
import io.destkit.testkit.suite.DestinationFeatures;
import io.destkit.testkit.suite.DestinationReader;
import io.destkit.testkit.suite.DestinationSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;

/**
 * The testkit's standard destination suite: every behaviour the Airbyte platform expects of a destination, each its
 * own test, run against this connector in the test's JVM, on SQLite. Each test gets a database file of its own.
 */
class ${connectorName}SuiteTest extends DestinationSuite {
  private final Path folder;

  ${connectorName}SuiteTest() throws IOException {
    folder = Files.createTempDirectory("${artifactId}-suite-");
  }

  @Override
  protected DestinationRunner connector() {
    return DestinationRunner.inProcess(new ${connectorName}DestinationMain());
  }

  @Override
  protected JsonNode freshConfig() {
    return Json.object("jdbcUrl", "jdbc:sqlite:" + folder.resolve(UUID.randomUUID() + ".sqlite"));
  }

  @Override
  protected DestinationReader reader(JsonNode config) throws SQLException {
    return new SqliteRows(config.path("jdbcUrl").asText());
  }

  @Override
  protected Optional<JsonNode> unusableConfig(JsonNode workingConfig) {
    return Optional.of(Json.object("jdbcUrl", "jdbc:sqlite:" + folder.resolve("no-such-folder").resolve("x.sqlite")));
  }

  @AfterAll
  void removeTheDatabases() throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

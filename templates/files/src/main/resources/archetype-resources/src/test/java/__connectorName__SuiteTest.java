package ${package};

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.messages.Json;
import io.destkit.testkit.suite.DestinationFeatures;
import io.destkit.testkit.suite.DestinationReader;
import io.destkit.testkit.suite.DestinationSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;

/**
 * The testkit's standard destination suite: every behaviour the Airbyte platform expects of a destination, each its
 * own test, run against this connector in the test's JVM. Each test gets a folder of its own.
 */
class ${connectorName}SuiteTest extends DestinationSuite {
  private final Path folders;

  ${connectorName}SuiteTest() throws IOException {
    folders = Files.createTempDirectory("${artifactId}-suite-");
  }

  @Override
  protected DestinationRunner connector() {
    return DestinationRunner.inProcess(new ${connectorName}DestinationMain());
  }

  @Override
  protected JsonNode freshConfig() {
    return Json.object("path", folders.resolve(UUID.randomUUID().toString()).toString());
  }

  @Override
  protected DestinationReader reader(JsonNode config) {
    return new JsonLinesReader(Path.of(config.path("path").asText()));
  }

  /** Every feature, files included: its records method takes them ({@code @OnRecords(files = true)}). */
  @Override
  protected DestinationFeatures features(JsonNode spec) {
    return DestinationFeatures.fromSpec(spec).with(DestinationFeatures.Feature.FILES);
  }

  @Override
  protected Optional<JsonNode> unusableConfig(JsonNode workingConfig) {
    Path file;
    try {
      file = Files.createTempFile(folders, "not-a-folder-", ".txt");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode config = workingConfig.deepCopy();
    config.put("path", file.toString());
    return Optional.of(config);
  }

  @Override
  protected void cleanUp(JsonNode config) throws IOException {
    delete(Path.of(config.path("path").asText()));
  }

  @AfterAll
  void removeTheFolders() throws IOException {
    delete(folders);
  }

  private static void delete(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }
}

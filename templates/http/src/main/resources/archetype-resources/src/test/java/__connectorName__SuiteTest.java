package ${package};

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.messages.Json;
import io.destkit.testkit.suite.ActivationSample;
import io.destkit.testkit.suite.DestinationFeatures;
import io.destkit.testkit.suite.DestinationReader;
import io.destkit.testkit.suite.DestinationSuite;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;

/**
 * The testkit's standard destination suite: every behaviour the Airbyte platform expects of a destination, each its
 * own test, run against this connector in the test's JVM and a records API on localhost. Each test POSTs to a path
 * of its own.
 */
class ${connectorName}SuiteTest extends DestinationSuite {
  static final String TOKEN = "suite-token-" + UUID.randomUUID();

  private final RecordsServer server;

  ${connectorName}SuiteTest() throws IOException {
    server = new RecordsServer(TOKEN);
  }

  @Override
  protected DestinationRunner connector() {
    return DestinationRunner.inProcess(new ${connectorName}DestinationMain());
  }

  @Override
  protected DestinationFeatures features(JsonNode spec) {
    return DestinationFeatures.fromSpec(spec).without(DestinationFeatures.Feature.REFRESHES,
        "an API that is sent records cannot be told to remove those of older generations");
  }

  @Override
  protected JsonNode freshConfig() {
    return Json.object("url", server.url("/tenants/" + UUID.randomUUID() + "/records"), "apiToken", TOKEN,
        "initialBackoffMillis", 10);
  }

  @Override
  protected DestinationReader reader(JsonNode config) {
    return new ReceivedRecords(server, URI.create(config.path("url").asText()).getPath());
  }

  @Override
  protected Optional<JsonNode> unusableConfig(JsonNode workingConfig) {
    ObjectNode wrongToken = workingConfig.deepCopy();
    wrongToken.put("apiToken", "a-token-the-api-does-not-know");
    return Optional.of(wrongToken);
  }

  @Override
  public Optional<ActivationSample> activationSample() {
    return Optional.of(new ActivationSample("contacts", List.of(field("email", string()), field("name", string())),
        "email", Json.object("email", "ada@example.com", "name", "Ada"),
        Json.object("email", "grace@example.com", "name", "Grace")));
  }

  @AfterAll
  void stopTheServer() {
    server.close();
  }
}

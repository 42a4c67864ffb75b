package ${package};

import static io.destkit.testkit.messages.Json.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.harness.OutputListener;
import io.destkit.testkit.harness.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as the platform runs it (a new JVM per command), against a records API on localhost. */
class ${connectorName}JarIT {
  private static final String TOKEN = "jar-test-token-" + UUID.randomUUID();
  private static final String PATH = "/v1/records";

  private final DestinationRunner jar = DestinationRunner.childProcess(Path.of(System.getProperty("connector.jar")));
  private final Path examples = Path.of(System.getProperty("connector.examples"));
  private final RecordsServer server;

  @TempDir
  Path dir;

  ${connectorName}JarIT() throws IOException {
    server = new RecordsServer(TOKEN);
  }

  @AfterEach
  void stopTheServer() {
    server.close();
  }

  @Test
  void specCheckAndWriteRunFromTheJarOnTheExamples() throws IOException {
    RunResult spec = jar.spec();
    assertEquals(0, spec.exitCode(), spec::toString);
    assertTrue(spec.spec().orElseThrow().at("/connectionSpecification/properties/apiToken/airbyte_secret")
        .asBoolean(), "the token is a secret in the spec: " + spec);

    String config = writeConfig(object("url", server.url(PATH), "apiToken", TOKEN)).toString();
    RunResult check = jar.run(List.of("check", "--config", config), new byte[0], OutputListener.NONE);
    assertEquals("SUCCEEDED", check.connectionStatus().orElseThrow().path("status").asText(), check::toString);

    RunResult write = jar.run(List.of("write", "--config", config, "--catalog",
        examples.resolve("catalog.json").toString()), Files.readAllBytes(examples.resolve("messages.jsonl")),
        OutputListener.NONE);
    assertTrue(write.succeeded(), write::toString);
    assertEquals(2, server.acceptedRecords(PATH).size(), write::toString);
    assertFalse(write.allOutput().contains(TOKEN), "the token was printed");
  }

  @Test
  void theTokenIsNeverPrintedEvenWhenTheApiEchoesIt() throws IOException {
    for (int i = 0; i < 2; i++) {
      server.answerNext(500, null, "{\"error\": \"token " + TOKEN + " is over its quota\"}");
    }
    Path config = writeConfig(object("url", server.url(PATH), "apiToken", TOKEN, "maxAttempts", 2,
        "initialBackoffMillis", 10));
    RunResult write = jar.run(List.of("write", "--config", config.toString(), "--catalog",
        examples.resolve("catalog.json").toString()), Files.readAllBytes(examples.resolve("messages.jsonl")),
        OutputListener.NONE);
    assertEquals(1, write.exitCode(), write::toString);
    assertEquals("transient_error", write.traceErrors().get(0).path("failure_type").asText(), write::toString);
    assertEquals("Bearer " + TOKEN, server.requests(PATH).get(0).authorization(), "the token is sent");
    assertFalse(write.allOutput().contains(TOKEN), "the token appears in the output:\n" + write);
    assertTrue(write.allOutput().contains("token **** is over its quota"), write::toString);
  }

  private Path writeConfig(JsonNode config) throws IOException {
    return Files.writeString(dir.resolve("config.json"), config.toString());
  }
}

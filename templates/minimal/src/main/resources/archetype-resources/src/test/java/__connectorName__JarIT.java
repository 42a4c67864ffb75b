package ${package};

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.integer;
import static io.destkit.testkit.messages.FieldTypes.nullable;
import static io.destkit.testkit.messages.FieldTypes.string;
import static io.destkit.testkit.messages.Json.object;
import static io.destkit.testkit.messages.Messages.record;
import static io.destkit.testkit.messages.Messages.streamState;
import static io.destkit.testkit.messages.Messages.streamStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.harness.OutputListener;
import io.destkit.testkit.harness.RunResult;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.StreamStatus;
import io.destkit.testkit.messages.SyncInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packaged jar, run as the platform runs it: a new JVM per command, messages on stdin and stdout. */
class ${connectorName}JarIT {
  private final DestinationRunner jar = DestinationRunner.childProcess(Path.of(System.getProperty("connector.jar")));
  private final Path examples = Path.of(System.getProperty("connector.examples"));

  @Test
  void specCheckAndWriteRunFromTheJar() {
    RunResult spec = jar.spec();
    assertEquals(0, spec.exitCode(), spec::toString);
    assertTrue(spec.spec().isPresent(), spec::toString);

    RunResult check = jar.check(object("label", "acme"));
    assertEquals("SUCCEEDED", check.connectionStatus().orElseThrow().path("status").asText(), check::toString);

    ConfiguredStream users = ConfiguredStream.named("users").withFields(field("id", integer()),
        field("name", nullable(string()))).append();
    RunResult write = jar.write(object("label", "acme"), ConfiguredCatalog.of(users), SyncInput.of(
        record(users, object("id", 1, "name", "Ada")), record(users, object("id", 2, "name", "Grace")),
        streamState(users, object("cursor", 2)), streamStatus(users, StreamStatus.COMPLETE)));
    assertTrue(write.succeeded(), write::toString);
    assertEquals(1, write.states().size(), write::toString);
    assertTrue(write.stderr().contains("acme: wrote 2 users"), write::toString);
    assertTrue(write.stdoutLines().stream().noneMatch(line -> line.contains("wrote")),
        "counts go to standard error, never to the protocol stream");
  }

  @Test
  void theReadmeExamplesRun() throws IOException {
    RunResult check = jar.run(List.of("check", "--config", examples.resolve("config.json").toString()), new byte[0],
        OutputListener.NONE);
    assertEquals("SUCCEEDED", check.connectionStatus().orElseThrow().path("status").asText(), check::toString);
    RunResult write = jar.run(List.of("write", "--config", examples.resolve("config.json").toString(), "--catalog",
        examples.resolve("catalog.json").toString()), Files.readAllBytes(examples.resolve("messages.jsonl")),
        OutputListener.NONE);
    assertTrue(write.succeeded(), write::toString);
    assertEquals(2, write.states().get(0).at("/state/destinationStats/recordCount").asLong(), write::toString);
  }
}

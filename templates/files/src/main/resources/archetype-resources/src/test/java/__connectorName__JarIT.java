package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.harness.OutputListener;
import io.destkit.testkit.harness.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packaged jar, run as the platform runs it (a new JVM per command), on the README's examples. */
class ${connectorName}JarIT {
  private final DestinationRunner jar = DestinationRunner.childProcess(Path.of(System.getProperty("connector.jar")));
  private final Path examples = Path.of(System.getProperty("connector.examples"));

  @Test
  void theReadmeExamplesRun() throws IOException {
    RunResult spec = jar.spec();
    assertEquals(0, spec.exitCode(), spec::toString);
    assertTrue(spec.spec().isPresent(), spec::toString);

    String config = examples.resolve("config.json").toString();
    RunResult check = jar.run(List.of("check", "--config", config), new byte[0], OutputListener.NONE);
    assertEquals("SUCCEEDED", check.connectionStatus().orElseThrow().path("status").asText(), check::toString);

    RunResult write = jar.run(List.of("write", "--config", config, "--catalog",
        examples.resolve("catalog.json").toString()), Files.readAllBytes(examples.resolve("messages.jsonl")),
        OutputListener.NONE);
    assertTrue(write.succeeded(), write::toString);
    assertEquals(2, write.states().get(0).at("/state/destinationStats/recordCount").asLong(), write::toString);
    // The example's folder is relative: the jar ran in the project's folder, as the README's commands do.
    List<Path> products;
    try (Stream<Path> files = Files.list(Path.of("target", "example-files", "crm", "products"))) {
      products = files.filter(path -> path.toString().endsWith(".jsonl")).toList();
    }
    assertEquals(1, products.size(), "overwrite leaves this sync's file only: " + products);
    assertTrue(Files.readString(products.get(0)).contains("\"sku\":\"KETTLE-1\""));
  }
}

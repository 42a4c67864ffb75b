package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.harness.OutputListener;
import io.destkit.testkit.harness.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packaged jar, run as the platform runs it (a new JVM per command), on the README's examples. */
class ${connectorName}JarIT {
  private final DestinationRunner jar = DestinationRunner.childProcess(Path.of(System.getProperty("connector.jar")));
  private final Path examples = Path.of(System.getProperty("connector.examples"));

  @Test
  void theReadmeExamplesRun() throws IOException, SQLException {
    RunResult spec = jar.spec();
    assertEquals(0, spec.exitCode(), spec::toString);
    assertTrue(spec.spec().orElseThrow().at("/connectionSpecification/properties/password/airbyte_secret")
        .asBoolean(), spec::toString);

    String config = examples.resolve("config.json").toString();
    RunResult check = jar.run(List.of("check", "--config", config), new byte[0], OutputListener.NONE);
    assertEquals("SUCCEEDED", check.connectionStatus().orElseThrow().path("status").asText(), check::toString);

    RunResult write = jar.run(List.of("write", "--config", config, "--catalog",
        examples.resolve("catalog.json").toString()), Files.readAllBytes(examples.resolve("messages.jsonl")),
        OutputListener.NONE);
    assertTrue(write.succeeded(), write::toString);
    assertEquals(2, write.states().get(0).at("/state/destinationStats/recordCount").asLong(), write::toString);
    // The example's database is relative: the jar ran in the project's folder, as the README's commands do.
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:target/example.sqlite");
        Statement statement = connection.createStatement();
        ResultSet products = statement.executeQuery("SELECT sku, price FROM crm_products")) {
      assertTrue(products.next());
      assertEquals("KETTLE-1", products.getString("sku"));
      assertTrue(!products.next(), "overwrite leaves this sync's rows only");
    }
  }
}

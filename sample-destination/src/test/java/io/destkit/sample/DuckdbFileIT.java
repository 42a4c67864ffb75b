package io.destkit.sample;

import static io.destkit.sample.ReliabilityRun.assertFailed;
import static io.destkit.sample.ReliabilityRun.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.testkit.ConnectorProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DuckDB file as the packaged jar meets it, run as the platform runs it: a file another program holds (DuckDB
 * lets one program at a time write to a file) fails the sync as an outage once the retries are spent, naming the
 * file; a file in a folder that does not exist fails check and write as the user's to fix, naming the folder or file.
 */
class DuckdbFileIT {
  private static final String CATALOG = "{\"streams\":[{\"stream\":{\"name\":\"t\",\"json_schema\":{\"type\":\"object\","
      + "\"properties\":{\"id\":{\"type\":\"integer\"}}}},\"sync_mode\":\"full_refresh\","
      + "\"destination_sync_mode\":\"append\"}]}";
  private static final byte[] INPUT = ("{\"type\":\"RECORD\",\"record\":{\"stream\":\"t\",\"data\":{\"id\":1},"
      + "\"emitted_at\":1}}\n{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":"
      + "{\"name\":\"t\"},\"stream_state\":{\"n\":1}}}}\n").getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path dir;

  @Test
  void aFileAnotherProgramHoldsFailsTheSyncAsTransientNamingTheFileAndTheNextSyncLands() throws Exception {
    TestDatabase.Duckdb db = new TestDatabase.Duckdb(dir.resolve("held.duckdb"));
    Path config = ReliabilityRun.file(dir, "config.json", db.configJson());
    Path catalog = ReliabilityRun.file(dir, "catalog.json", CATALOG);
    ConnectorProcess.Result held;
    // This JVM opens the file: the connector, another process, cannot lock it.
    try (Connection holder = db.connect()) {
      held = ReliabilityRun.write(config, catalog, INPUT);
    }
    JsonNode error = assertFailed(held, "transient_error", db.file().toString(), "Another program holds the file");
    assertTrue(error.get("message").asText().contains("failed 5 times"), error::toString);
    assertEquals(List.of(), ReliabilityRun.states(held), "no state without its record");

    ConnectorProcess.Result free = ReliabilityRun.write(config, catalog, INPUT);
    assertSucceeded(free);
    assertEquals(1, ReliabilityRun.states(free).size(), free::toString);
    assertEquals(List.of("1"), db.column("SELECT id FROM " + db.table(null, "t")));
  }

  @Test
  void aFileInAFolderThatDoesNotExistFailsCheckAndWriteAsAConfigErrorNamingIt() throws Exception {
    Path missing = dir.resolve("no such folder");
    Path file = missing.resolve("warehouse.duckdb");
    TestDatabase.Duckdb db = new TestDatabase.Duckdb(file);
    Path config = ReliabilityRun.file(dir, "config.json", db.configJson());

    ConnectorProcess.Result check = ReliabilityRun.CONNECTOR.run("check", "--config", config.toString());
    assertEquals(0, check.exitCode(), check::toString);
    JsonNode status = ReliabilityRun.messages(check).get(0);
    assertEquals("FAILED", status.at("/connectionStatus/status").asText(), check::toString);
    assertTrue(status.at("/connectionStatus/message").asText().contains("directory " + missing + " does not exist"),
        check::toString);

    ConnectorProcess.Result write = ReliabilityRun.write(config, ReliabilityRun.file(dir, "catalog.json", CATALOG),
        INPUT);
    assertFailed(write, "config_error", file.toString(), "Check that its folder exists");
    assertTrue(Files.notExists(missing), "nothing creates the folder");
  }
}

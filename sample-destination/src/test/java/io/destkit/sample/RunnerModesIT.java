package io.destkit.sample;

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.integer;
import static io.destkit.testkit.messages.FieldTypes.string;
import static io.destkit.testkit.messages.Json.object;
import static io.destkit.testkit.messages.Messages.raw;
import static io.destkit.testkit.messages.Messages.record;
import static io.destkit.testkit.messages.Messages.streamState;
import static io.destkit.testkit.messages.Messages.streamStatus;
import static io.destkit.testkit.messages.StreamStatus.COMPLETE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.harness.RunResult;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.Json;
import io.destkit.testkit.messages.SyncInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The testkit's two ways to run a connector give the same results: the generated main in process, and the packaged
 * jar as a child JVM, on the same commands, down to the lines printed and the rows that land.
 */
class RunnerModesIT {
  private static final Path JAR = Path.of(System.getProperty("destkit.sampleJar", "target/sample-destination.jar"));

  private final DestinationRunner inProcess = DestinationRunner.inProcess(new SampleDestinationMain());
  private final DestinationRunner childProcess = DestinationRunner.childProcess(JAR);

  @TempDir
  Path dir;

  @Test
  void specIsTheSameLine() {
    RunResult a = inProcess.spec();
    RunResult b = childProcess.spec();
    assertEquals(0, a.exitCode(), a::toString);
    assertEquals(a.exitCode(), b.exitCode(), b::toString);
    assertEquals(a.stdoutLines(), b.stdoutLines());
  }

  @Test
  void checkReportsTheSameStatusOnAGoodAndABadConfig() {
    for (JsonNode config : List.of(config("good.sqlite"), config("missing folder/bad.sqlite"))) {
      RunResult a = inProcess.check(config);
      RunResult b = childProcess.check(config);
      assertEquals(a.exitCode(), b.exitCode(), b::toString);
      assertEquals(a.stdoutLines(), b.stdoutLines());
    }
  }

  @Test
  void writeEchoesTheSameStatesAsTheyArePrintedAndLandsTheSameRows() throws Exception {
    ConfiguredStream users = ConfiguredStream.named("users").withFields(field("id", integer()), field("name",
        string())).incremental().withCursor("id");
    ConfiguredCatalog catalog = ConfiguredCatalog.of(users);
    SyncInput input = SyncInput.of(record(users, object("id", 1, "name", "Ada")),
        streamState(users, object("id", 1)).withId(1), record(users, object("id", 2, "name", "Grace")),
        streamState(users, object("id", 2)).withId(2), streamStatus(users, COMPLETE));
    List<List<Map<String, Object>>> landed = new ArrayList<>();
    List<RunResult> results = new ArrayList<>();
    for (DestinationRunner runner : List.of(inProcess, childProcess)) {
      JsonNode config = config(results.size() + ".sqlite");
      List<JsonNode> heard = Collections.synchronizedList(new ArrayList<>());
      RunResult result = runner.write(config, catalog, input, heard::add);
      assertEquals(result.messages(), heard, "the listener hears every message, in order");
      results.add(result);
      try (SampleReader reader = SampleReader.sqlite(Path.of(config.at("/database/path").asText()))) {
        List<Map<String, Object>> rows = reader.rows(catalog, users);
        rows.forEach(row -> row.remove(SampleReader.RAW_ID));
        landed.add(rows);
      }
    }
    assertEquals(0, results.get(0).exitCode(), results.get(0)::toString);
    assertEquals(results.get(0).exitCode(), results.get(1).exitCode(), results.get(1)::toString);
    assertEquals(results.get(0).stdoutLines(), results.get(1).stdoutLines());
    assertEquals(2, results.get(0).states().size());
    assertEquals(landed.get(0), landed.get(1));
  }

  @Test
  void aFailedWriteEndsWithTheSameErrorAndExitCode() {
    ConfiguredStream users = ConfiguredStream.named("users").withFields(field("id", integer()));
    SyncInput input = SyncInput.of(record(users, object("id", 1)), raw("{\"type\":\"RECORD\",\"rec"));
    RunResult a = inProcess.write(config("a.sqlite"), ConfiguredCatalog.of(users), input);
    RunResult b = childProcess.write(config("b.sqlite"), ConfiguredCatalog.of(users), input);
    assertEquals(1, a.exitCode(), a::toString);
    assertEquals(a.exitCode(), b.exitCode(), b::toString);
    assertEquals(1, b.traceErrors().size(), b::toString);
    assertEquals(a.traceErrors().get(0).get("message"), b.traceErrors().get(0).get("message"));
    assertEquals(a.traceErrors().get(0).get("failure_type"), b.traceErrors().get(0).get("failure_type"));
  }

  private JsonNode config(String file) {
    return Json.object("database", Json.object("engine", "sqlite", "path", dir.resolve(file).toString()));
  }
}

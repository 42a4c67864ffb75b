package io.destkit.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.runtime.DestinationDefinition;
import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.config.ConfigInput;
import io.destkit.runtime.secret.SecretMasker;
import io.destkit.runtime.engine.RecordingHandlers;
import io.destkit.runtime.write.WriteHandlers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher in process, with a hand-written definition standing in for a generated one. */
class LauncherTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "s3cr3t-Pa55";

  @TempDir
  Path dir;

  /** A destination whose config is {@code {"password": ..., "fail": ...}} and whose check does what "fail" says. */
  static final class Fake implements DestinationDefinition<JsonNode> {
    @Override
    public String name() {
      return "destination-fake";
    }

    @Override
    public JsonNode readConfig(JsonNode json, SecretMasker secrets) throws ConfigException {
      ConfigInput in = new ConfigInput(secrets);
      in.secret(in.member(json, "password", "$.password", true), "$.password");
      in.throwIfProblems("config");
      return json;
    }

    @Override
    public WriteHandlers writer(JsonNode config) {
      return new RecordingHandlers();
    }

    @Override
    public void check(JsonNode config) throws Exception {
      switch (config.path("fail").asText()) {
        case "leak" -> throw new IllegalStateException("login as admin:" + config.get("password").asText() + " refused");
        case "crash" -> throw new Error("out of luck");
        default -> { }
      }
    }
  }

  @Test
  void specIsOneCompactLine() throws Exception {
    Run run = run("spec");
    assertEquals(0, run.code);
    assertEquals(1, run.lines().size());
    assertEquals("SPEC", JSON.readTree(run.lines().get(0)).get("type").asText());
    assertTrue(JSON.readTree(run.lines().get(0)).at("/spec/connectionSpecification/properties/password")
        .get("airbyte_secret").asBoolean());
  }

  @Test
  void checkReportsConfigProblemsAsFailedAndExitsZero() throws Exception {
    Run run = run("check", "--config", config("{}").toString());
    assertEquals(0, run.code);
    JsonNode status = JSON.readTree(run.lines().get(0)).get("connectionStatus");
    assertEquals("FAILED", status.get("status").asText());
    assertEquals("The config is invalid (1 problem): $.password: is required", status.get("message").asText());
  }

  @Test
  void checkFailureMasksTheSecretEverywhere() throws Exception {
    Run run = run("check", "--config", config("{\"password\": \"" + PASSWORD + "\", \"fail\": \"leak\"}").toString());
    assertEquals(0, run.code);
    JsonNode status = JSON.readTree(run.lines().get(0)).get("connectionStatus");
    assertEquals("login as admin:**** refused", status.get("message").asText());
    assertFalse(run.stdout.contains(PASSWORD));
    assertFalse(run.stderr.contains(PASSWORD));
    assertTrue(run.stderr.contains("IllegalStateException"), run.stderr);
  }

  @Test
  void checkSucceeds() throws Exception {
    Run run = run("check", "--config", config("{\"password\": \"x\"}").toString());
    assertEquals(List.of("{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"SUCCEEDED\"}}"),
        run.lines());
  }

  @Test
  void writeWithABadConfigEndsWithAConfigErrorTrace() throws Exception {
    Run run = run("write", "--config", config("{}").toString(), "--catalog", config("{}").toString());
    assertEquals(1, run.code);
    JsonNode error = JSON.readTree(run.lines().get(0)).at("/trace/error");
    assertEquals("config_error", error.get("failure_type").asText());
    assertEquals("The config is invalid (1 problem): $.password: is required", error.get("message").asText());
  }

  @Test
  void badArgumentsEndWithAConfigErrorTraceAndUsageOnStderr() throws Exception {
    Run run = run("check", "--konfig", "x");
    assertEquals(1, run.code);
    assertEquals(1, run.lines().size());
    JsonNode error = JSON.readTree(run.lines().get(0)).at("/trace/error");
    assertEquals("Command check takes no option --konfig.", error.get("message").asText());
    assertTrue(run.stderr.startsWith("Usage: destination-fake spec"));
  }

  private Path config(String json) throws Exception {
    Path file = Files.createTempFile(dir, "config", ".json");
    Files.writeString(file, json);
    return file;
  }

  private record Run(int code, String stdout, String stderr) {
    List<String> lines() {
      return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
    }
  }

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Launcher.run(new Fake(), args, new ByteArrayInputStream(new byte[0]), out,
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}

package io.destkit.testkit.suite;

import static io.destkit.testkit.suite.SuiteChecks.assertProtocolOutput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.testkit.Draft07Validator;
import io.destkit.testkit.ProtocolSchema;
import io.destkit.testkit.harness.RunResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The tests of {@code spec} and {@code check}: the SPEC message is valid against the protocol, and check succeeds on a
 * working config and fails clearly, exiting 0, on a config the spec refuses or the destination cannot use.
 *
 * <p>{@link DestinationSuite} implements it: a connector's suite extends that class, not this interface.
 */
public interface SpecAndCheckSuite extends SuiteContext {
  /** spec prints one SPEC message, valid against the protocol, whose connectionSpecification is valid draft-07. */
  @Test
  default void specIsValidAgainstTheProtocol() {
    ProtocolSchema protocol = ProtocolSchema.require();
    RunResult result = runner().spec();
    assertEquals(0, result.exitCode(), () -> "spec must exit 0\n" + result);
    assertEquals(1, result.stdoutLines().size(), () -> "spec must print exactly one line, the SPEC message\n" + result);
    protocol.assertValidMessageLine(result.stdoutLines().get(0));
    JsonNode printed = result.spec().orElseThrow(() -> new AssertionError("no SPEC message\n" + result));
    Draft07Validator.assertValidSchema(printed.path("connectionSpecification"));
    assertTrue(printed.path("documentationUrl").isTextual(), () -> "the spec has no documentationUrl: " + printed);
    assertTrue(printed.path("supported_destination_sync_modes").size() > 0,
        () -> "the spec lists no supported_destination_sync_modes: " + printed);
  }

  /** check on a working config (which the spec accepts) prints CONNECTION_STATUS SUCCEEDED and exits 0. */
  @Test
  default void checkSucceedsWithAWorkingConfig() {
    List<String> problems = Draft07Validator.problems(spec().path("connectionSpecification"), config());
    assertTrue(problems.isEmpty(), () -> "The suite's fresh config does not match the connector's spec: " + problems);
    RunResult result = runner().check(config());
    assertProtocolOutput(this, result, config());
    assertEquals(0, result.exitCode(), () -> "check must exit 0\n" + result);
    JsonNode status = connectionStatus(result);
    assertEquals("SUCCEEDED", status.path("status").asText(), () -> "check failed on a working config\n" + result);
  }

  /**
   * check on a config the spec refuses (a required property left out) prints CONNECTION_STATUS FAILED, naming the
   * property, and exits 0.
   */
  @Test
  default void checkFailsClearlyOnAConfigTheSpecRefuses() {
    JsonNode required = spec().path("connectionSpecification").path("required");
    Assumptions.assumeTrue(required.size() > 0 && config().isObject(),
        "Skipped: the spec requires no top-level property, so the suite cannot make a config it refuses");
    String missing = required.get(0).asText();
    ObjectNode refused = config().deepCopy();
    refused.remove(missing);
    RunResult result = runner().check(refused);
    assertProtocolOutput(this, result, refused);
    assertEquals(0, result.exitCode(), () -> "check must exit 0 when the config is wrong (CONTRACT: Invocation)\n"
        + result);
    JsonNode status = connectionStatus(result);
    assertEquals("FAILED", status.path("status").asText(), () -> "check passed without '" + missing + "'\n" + result);
    String message = status.path("message").asText("");
    assertTrue(message.contains(missing), () -> "The message should name the missing property '" + missing
        + "', so that a person can fix it: \"" + message + "\"");
  }

  /**
   * check on a config with which the destination cannot work prints CONNECTION_STATUS FAILED with a message for a
   * person (no stack trace), exits 0, and never prints a secret of the config.
   */
  @Test
  default void checkFailsClearlyWhenTheDestinationCannotBeUsed() {
    Optional<JsonNode> unusable = unusableConfig();
    Assumptions.assumeTrue(unusable.isPresent(), "Skipped: no unusable config; override unusableConfig(...) to return"
        + " one (a wrong password, a folder that does not exist) and this test checks that check fails clearly");
    RunResult result = runner().check(unusable.get());
    assertProtocolOutput(this, result, unusable.get());
    assertEquals(0, result.exitCode(), () -> "check must exit 0 when the destination refuses the config"
        + " (CONTRACT: Invocation)\n" + result);
    JsonNode status = connectionStatus(result);
    assertEquals("FAILED", status.path("status").asText(), () -> "check passed on an unusable config\n" + result);
    String message = status.path("message").asText("");
    assertFalse(message.isBlank(), () -> "FAILED without a message\n" + result);
    assertFalse(message.contains("\tat ") || message.contains("\n\tat"), () -> "The message should speak to a person,"
        + " not hold a stack trace: \"" + message + "\"");
  }

  private static JsonNode connectionStatus(RunResult result) {
    return result.connectionStatus().orElseThrow(() -> new AssertionError("no CONNECTION_STATUS\n" + result));
  }
}

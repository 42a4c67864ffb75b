package io.destkit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.testkit.ConnectorProcess;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password never leaves the connector: with {@code s3cr3t-Pa55} in the config, no output of spec, check or write
 * (stdout, stderr, traces, stack traces) holds it, not even where the config puts it into the connection string or
 * the driver's error repeats the user or host name.
 */
class ReliabilitySecretsIT {
  private static final String SECRET = TestDatabase.PASSWORD;

  @TempDir
  Path dir;

  private String schema;

  @Test
  void noCommandPrintsThePasswordEvenWhenTheDriverEchoesTheConnectionString() throws Exception {
    TestDatabase.Postgres db = (TestDatabase.Postgres) TestDatabase.postgres();
    PostgresServer.Login login = db.login();
    schema = ((SampleConfig.Postgres) db.config().database()).schema();
    Path catalog = ReliabilityRun.corpusFile(dir, "catalog.json");
    byte[] input = ReliabilityRun.corpus("blank-lines.jsonl");
    List<ConnectorProcess.Result> results = new ArrayList<>();
    results.add(ReliabilityRun.CONNECTOR.run("spec"));

    // The right password: check succeeds, write works; then the same with the ways a driver repeats the config.
    Path good = config("good", login.host(), login.port(), login.database(), login.user());
    ConnectorProcess.Result write = ReliabilityRun.write(good, catalog, input);
    ReliabilityRun.assertSucceeded(write);
    results.add(write);
    results.add(check(good, "SUCCEEDED"));

    // The server says: password authentication failed for user "...s3cr3t-Pa55..."
    Path userHoldsIt = config("user", login.host(), login.port(), login.database(), "user-" + SECRET);
    results.add(check(userHoldsIt, "FAILED"));
    ConnectorProcess.Result rejected = ReliabilityRun.write(userHoldsIt, catalog, input);
    ReliabilityRun.assertFailed(rejected, "config_error");
    results.add(rejected);
    // The driver says: database "...s3cr3t-Pa55..." does not exist
    results.add(check(config("database", login.host(), login.port(), "db-" + SECRET, login.user()), "FAILED"));
    // The resolver says: unknown host ...s3cr3t-Pa55...
    results.add(check(config("host", SECRET + ".invalid", login.port(), login.database(), login.user()), "FAILED"));
    // A host that smuggles URL parameters: the password lands in the JDBC URL, URL-encoded or not.
    results.add(check(config("url", login.host() + ":" + login.port() + "/" + login.database() + "?password="
        + SECRET + "&options=" + URLEncoder.encode(SECRET + " x", StandardCharsets.UTF_8) + "#", login.port(),
        login.database(), login.user()), null));

    for (ConnectorProcess.Result result : results) {
      ReliabilityRun.messages(result);
      assertFalse(result.allOutput().contains(SECRET), () -> "the password is printed:\n" + result);
      assertFalse(result.allOutput().contains(URLEncoder.encode(SECRET, StandardCharsets.UTF_8)), result::toString);
    }
    assertTrue(results.stream().anyMatch(r -> r.allOutput().contains("user-")),
        "the messages still name what is wrong (the user), with the password masked");
  }

  private Path config(String name, String host, int port, String database, String user) throws Exception {
    ObjectNode postgres = ReliabilityRun.JSON.createObjectNode();
    postgres.put("engine", "postgres").put("host", host).put("port", port).put("database", database)
        .put("schema", schema).put("username", user).put("password", SECRET);
    ObjectNode config = ReliabilityRun.JSON.createObjectNode();
    config.set("database", postgres);
    return ReliabilityRun.file(dir, name + ".json", config.toString());
  }

  /** Runs check; {@code status} is what it must report, or null for either. */
  private static ConnectorProcess.Result check(Path config, String status) {
    ConnectorProcess.Result result = ReliabilityRun.CONNECTOR.run("check", "--config", config.toString());
    assertEquals(0, result.exitCode(), result::toString);
    List<JsonNode> messages = ReliabilityRun.messages(result);
    assertEquals(1, messages.size(), result::toString);
    if (status != null) {
      assertEquals(status, messages.get(0).at("/connectionStatus/status").asText(), result::toString);
    }
    return result;
  }
}

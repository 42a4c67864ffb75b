package io.destkit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.testkit.ConnectorProcess;
import io.destkit.testkit.Draft07Validator;
import io.destkit.testkit.ProtocolSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as the platform runs it: a child process per command, standard output parsed line by line.
 * Every line it prints must be a protocol message valid against the protocol's own schema (checked where the schema
 * file is present, see {@link ProtocolSchema}).
 */
class SampleDestinationIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path JAR = Path.of(System.getProperty("destkit.sampleJar", "target/sample-destination.jar"));
  private static final String PASSWORD = "s3cr3t-Pa55";

  @TempDir
  Path dir;

  @Test
  void specPrintsOneValidSpecMessage() throws IOException {
    ConnectorProcess.Result result = run("spec");
    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(1, result.stdoutLines().size(), result::toString);
    JsonNode message = JSON.readTree(result.stdoutLines().get(0));
    assertEquals("SPEC", message.get("type").asText());
    JsonNode spec = message.get("spec");
    Draft07Validator.assertValidSchema(spec.get("connectionSpecification"));
    JsonNode database = spec.at("/connectionSpecification/properties/database");
    assertEquals("engine", database.at("/oneOf/0/required/0").asText());
    assertEquals("sqlite", database.at("/oneOf/0/properties/engine/const").asText());
    assertEquals("postgres", database.at("/oneOf/1/properties/engine/const").asText());
    assertEquals("duckdb", database.at("/oneOf/2/properties/engine/const").asText());
    assertEquals(5432, database.at("/oneOf/1/properties/port/default").asInt());
    assertEquals("public", database.at("/oneOf/1/properties/schema/default").asText());
    assertTrue(database.at("/oneOf/1/properties/password/airbyte_secret").asBoolean());
    assertFalse(database.at("/oneOf/1/properties/ssl/default").asBoolean(true));
    assertValidProtocol(result);
  }

  @Test
  void specIsValidAgainstTheProtocolsConnectorSpecification() throws IOException {
    ConnectorProcess.Result result = run("spec");
    ProtocolSchema.require().assertValid("ConnectorSpecification", JSON.readTree(result.stdout()).get("spec"));
  }

  @Test
  void checkSucceedsOnAGoodSqliteConfigAndCreatesTheFile() throws IOException {
    Path database = dir.resolve("warehouse.sqlite");
    ConnectorProcess.Result result = check("{\"database\": {\"engine\": \"sqlite\", \"path\": \"" + database + "\"}}");
    assertEquals("SUCCEEDED", status(result), result::toString);
    assertTrue(Files.exists(database));
  }

  @Test
  void checkSucceedsOnAGoodDuckdbConfigAndCreatesTheFile() throws IOException {
    Path database = dir.resolve("warehouse.duckdb");
    ConnectorProcess.Result result = check("{\"database\": {\"engine\": \"duckdb\", \"path\": \"" + database + "\"}}");
    assertEquals("SUCCEEDED", status(result), result::toString);
    assertTrue(Files.exists(database));
  }

  @Test
  void checkFailsOnAnEmptyConfigNamingTheMissingProperty() throws IOException {
    ConnectorProcess.Result result = check("{}");
    assertEquals("FAILED", status(result), result::toString);
    assertTrue(message(result).contains("$.database: is required"), result::toString);
  }

  @Test
  void checkFailsOnWrongTypesNamingEveryBadPath() throws IOException {
    ConnectorProcess.Result result = check("""
        {"database": {"engine": "postgres", "host": 5, "port": "5432", "database": ["x"], "username": true,
                      "password": 12, "ssl": "yes", "schema": {}}}
        """);
    assertEquals("FAILED", status(result), result::toString);
    String message = message(result);
    for (String path : List.of("$.database.host", "$.database.port", "$.database.database", "$.database.username",
        "$.database.password", "$.database.ssl", "$.database.schema")) {
      assertTrue(message.contains(path + ":"), () -> path + " not named in: " + message);
    }
  }

  @Test
  void checkFailsOnAnUnknownEngine() throws IOException {
    ConnectorProcess.Result result = check("{\"database\": {\"engine\": \"oracle\"}}");
    assertEquals("FAILED", status(result), result::toString);
    assertTrue(message(result).contains("$.database.engine: must be one of sqlite, postgres, duckdb"),
        result::toString);
  }

  @Test
  void configThatIsNotJsonIsAClearErrorThatQuotesNothing() throws IOException {
    Path config = dir.resolve("config.json");
    Files.writeString(config, "{\"database\": {\"engine\": \"postgres\", \"password\": " + PASSWORD + "}}");
    ConnectorProcess.Result result = run("check", "--config", config.toString());
    assertEquals("FAILED", status(result), result::toString);
    assertTrue(message(result).contains("is not valid JSON (error at line 1, column"), result::toString);
    assertTrue(message(result).contains(config.toString()), result::toString);
    assertFalse(result.allOutput().contains(PASSWORD), result::toString);
  }

  @Test
  void missingConfigFileIsNamed() throws IOException {
    Path missing = dir.resolve("nowhere.json");
    ConnectorProcess.Result result = run("check", "--config", missing.toString());
    assertEquals("FAILED", status(result), result::toString);
    assertTrue(message(result).contains(missing + " does not exist"), result::toString);
  }

  @Test
  void checkSucceedsOnARealPostgresServer() throws IOException {
    PostgresServer.Login login = PostgresServer.get().createLogin("destkit_it", PASSWORD);
    ConnectorProcess.Result result = check(postgresConfig(login.host(), login.port(), login.database(), login.user(),
        PASSWORD));
    assertEquals("SUCCEEDED", status(result), result::toString);
    assertFalse(result.allOutput().contains(PASSWORD), result::toString);
  }

  @Test
  void wrongPostgresPasswordFailsAndNeverShowsIt() throws IOException {
    PostgresServer.Login login = PostgresServer.get().createLogin("destkit_it", PASSWORD);
    String wrong = "wr0ng-" + PASSWORD;
    ConnectorProcess.Result result = check(postgresConfig(login.host(), login.port(), login.database(), login.user(),
        wrong));
    assertEquals("FAILED", status(result), result::toString);
    assertTrue(message(result).toLowerCase(java.util.Locale.ROOT).contains("password"), result::toString);
    assertFalse(result.allOutput().contains(wrong), result::toString);
  }

  @Test
  void unreachablePostgresFailsWithTheAddress() throws IOException {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ConnectorProcess.Result result = check(postgresConfig("127.0.0.1", port, "db", "user", PASSWORD));
    assertEquals("FAILED", status(result), result::toString);
    assertTrue(message(result).contains("127.0.0.1:" + port), result::toString);
    assertFalse(result.allOutput().contains(PASSWORD), result::toString);
  }

  @Test
  void configsTheReaderAcceptsAreValidAgainstTheGeneratedSchemaAndTheOthersAreNot() throws IOException {
    JsonNode schema = JSON.readTree(run("spec").stdout()).at("/spec/connectionSpecification");
    List<String> good = List.of(
        "{\"database\": {\"engine\": \"sqlite\", \"path\": \"" + dir.resolve("a.sqlite") + "\"}}",
        "{\"database\": {\"engine\": \"sqlite\", \"path\": \"" + dir.resolve("b.sqlite") + "\"}, \"extra\": 1}");
    List<String> bad = List.of("{}", "{\"database\": {\"engine\": \"sqlite\"}}",
        "{\"database\": {\"engine\": \"postgres\", \"host\": \"h\", \"database\": \"d\", \"username\": \"u\","
            + " \"port\": 0}}",
        "{\"database\": {\"engine\": \"sqlite\", \"path\": 7}}");
    for (String config : good) {
      assertEquals(List.of(), Draft07Validator.problems(schema, JSON.readTree(config)), config);
      assertEquals("SUCCEEDED", status(check(config)), config);
    }
    for (String config : bad) {
      assertFalse(Draft07Validator.problems(schema, JSON.readTree(config)).isEmpty(), config);
      assertEquals("FAILED", status(check(config)), config);
    }
  }

  @Test
  void unknownCommandEndsWithAConfigErrorTrace() throws IOException {
    ConnectorProcess.Result result = run("destroy");
    assertEquals(1, result.exitCode(), result::toString);
    JsonNode trace = JSON.readTree(result.stdoutLines().get(0)).get("trace");
    assertEquals("ERROR", trace.get("type").asText());
    assertEquals("config_error", trace.at("/error/failure_type").asText());
    assertTrue(result.stderr().contains("Usage:"), result::toString);
    assertValidProtocol(result);
  }

  @Test
  void checkWithoutConfigOptionEndsWithAConfigErrorTrace() throws IOException {
    ConnectorProcess.Result result = run("check");
    assertEquals(1, result.exitCode(), result::toString);
    assertTrue(result.stdout().contains("needs --config FILE"), result::toString);
    assertValidProtocol(result);
  }

  private static String postgresConfig(String host, int port, String database, String user, String password) {
    return "{\"database\": {\"engine\": \"postgres\", \"host\": \"" + host + "\", \"port\": " + port
        + ", \"database\": \"" + database + "\", \"username\": \"" + user + "\", \"password\": \"" + password
        + "\"}}";
  }

  private ConnectorProcess.Result check(String config) throws IOException {
    Path file = Files.createTempFile(dir, "config", ".json");
    Files.writeString(file, config);
    ConnectorProcess.Result result = run("check", "--config", file.toString());
    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(1, result.stdoutLines().size(), result::toString);
    assertValidProtocol(result);
    return result;
  }

  private static ConnectorProcess.Result run(String... args) {
    return ConnectorProcess.of(JAR).run(args);
  }

  private static String status(ConnectorProcess.Result result) throws IOException {
    return JSON.readTree(result.stdoutLines().get(0)).at("/connectionStatus/status").asText();
  }

  private static String message(ConnectorProcess.Result result) throws IOException {
    return JSON.readTree(result.stdoutLines().get(0)).at("/connectionStatus/message").asText();
  }

  /** Every stdout line is a protocol message; checked against the schema when its file is present. */
  private static void assertValidProtocol(ConnectorProcess.Result result) throws IOException {
    for (String line : result.stdoutLines()) {
      JsonNode message = JSON.readTree(line);
      assertTrue(message.isObject() && message.has("type"), () -> "not a protocol message: " + line);
    }
    Optional<ProtocolSchema> schema = ProtocolSchema.locate();
    if (schema.isPresent()) {
      result.stdoutLines().forEach(schema.get()::assertValidMessageLine);
    }
  }
}

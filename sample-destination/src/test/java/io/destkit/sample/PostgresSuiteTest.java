package io.destkit.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.sql.SqlIdentifiers;
import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.messages.Json;
import io.destkit.testkit.suite.DestinationFeatures;
import io.destkit.testkit.suite.DestinationReader;
import io.destkit.testkit.suite.DestinationSuite;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The standard destination suite against the sample on the tests' PostgreSQL server, in process: a new database per
 * test, owned by the login the destination uses, so that each test's namespaces (schemas) are its own.
 */
class PostgresSuiteTest extends DestinationSuite {
  private static final String ROLE = "destkit_suite";
  private static final String PASSWORD = "suite-Pa55word";
  private static final String SCHEMA = "public";

  private PostgresServer.Login login;
  private int databases;

  @Override
  protected DestinationRunner connector() {
    return DestinationRunner.inProcess(new SampleDestinationMain());
  }

  @Override
  protected JsonNode freshConfig() throws SQLException {
    if (login == null) {
      login = PostgresServer.get().createLogin(ROLE, PASSWORD);
    }
    String database = ROLE + "_" + ProcessHandle.current().pid() + "_" + ++databases;
    admin("CREATE DATABASE " + SqlIdentifiers.quote(database) + " OWNER " + SqlIdentifiers.quote(ROLE));
    return Json.object("database", Json.object("engine", "postgres", "host", login.host(), "port", login.port(),
        "database", database, "schema", SCHEMA, "username", login.user(), "password", login.password(),
        "ssl", false));
  }

  @Override
  protected DestinationReader reader(JsonNode config) throws SQLException {
    return SampleReader.postgres(login.withDatabase(config.at("/database/database").asText()), SCHEMA);
  }

  @Override
  protected Optional<JsonNode> unusableConfig(JsonNode workingConfig) {
    ObjectNode wrongPassword = workingConfig.deepCopy();
    ((ObjectNode) wrongPassword.get("database")).put("password", "not-the-Pa55word");
    return Optional.of(wrongPassword);
  }

  @Override
  protected DestinationFeatures features(JsonNode spec) {
    return SampleFeatures.of(spec);
  }

  @Override
  protected void cleanUp(JsonNode config) throws SQLException {
    admin("DROP DATABASE IF EXISTS " + SqlIdentifiers.quote(config.at("/database/database").asText())
        + " WITH (FORCE)");
  }

  private static void admin(String sql) throws SQLException {
    PostgresServer server = PostgresServer.get();
    try (Connection admin = server.connectAsAdmin(server.database()); Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }
}

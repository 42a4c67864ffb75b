package io.destkit.sample;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.error.DestinationException;
import io.destkit.runtime.error.TransientException;
import io.destkit.sample.jdbc.JdbcConnections;
import io.destkit.sql.duckdb.DuckdbEngine;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionCheckTest {

  @Nested
  class Sqlite {
    @TempDir
    Path directory;

    @Test
    void createsTheFileAndLeavesNoTestTable() throws Exception {
      Path file = directory.resolve("warehouse.sqlite");

      check(new SampleConfig.Sqlite(file.toString()));

      assertTrue(Files.isRegularFile(file), "the database file is created");
      assertEquals(List.of(), sqliteTables(file));
    }

    @Test
    void keepsTheTablesOfAnExistingFile() throws Exception {
      Path file = directory.resolve("warehouse.sqlite");
      try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE users (id INTEGER)");
      }

      check(new SampleConfig.Sqlite(file.toString()));

      assertEquals(List.of("users"), sqliteTables(file));
    }

    @Test
    void failsWhenTheDirectoryIsMissing() {
      Path missing = directory.resolve("no-such-dir");
      Path file = missing.resolve("warehouse.sqlite");

      ConfigException e = assertThrows(ConfigException.class,
          () -> check(new SampleConfig.Sqlite(file.toString())));

      assertEquals("Cannot write to SQLite file " + file + ": directory " + missing + " does not exist. "
          + "Create it, or choose a file in an existing directory.", e.getMessage());
      assertTrue(Files.notExists(missing), "the check does not create directories");
    }

    @Test
    void failsWhenThePathIsADirectory() {
      ConfigException e = assertThrows(ConfigException.class,
          () -> check(new SampleConfig.Sqlite(directory.toString())));

      assertEquals("Cannot write to SQLite file " + directory + ": it is a directory. Give the path of a file, e.g. "
          + directory.resolve("warehouse.sqlite") + ".", e.getMessage());
    }

    @Test
    void failsWhenTheFileIsNotADatabase() throws IOException {
      Path file = Files.writeString(directory.resolve("notes.txt"), "these are not the tables you are looking for\n"
          .repeat(100));

      ConfigException e = assertThrows(ConfigException.class,
          () -> check(new SampleConfig.Sqlite(file.toString())));

      assertTrue(e.getMessage().startsWith("Cannot write to SQLite file " + file + ": "), e.getMessage());
      assertTrue(e.getMessage().contains("not a database"), e.getMessage());
    }
  }

  @Nested
  class Duckdb {
    @TempDir
    Path directory;

    @Test
    void createsTheFileAndLeavesNoTestTable() throws Exception {
      Path file = directory.resolve("warehouse.duckdb");

      check(new SampleConfig.Duckdb(file.toString(), DuckdbEngine.DEFAULT_MEMORY_LIMIT_MB));

      assertTrue(Files.isRegularFile(file), "the database file is created");
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
          Statement statement = connection.createStatement();
          ResultSet count = statement.executeQuery("SELECT count(*) FROM duckdb_tables()")) {
        count.next();
        assertEquals(0, count.getLong(1), "no table left");
      }
    }

    @Test
    void failsWhenTheDirectoryIsMissing() {
      Path missing = directory.resolve("no-such-dir");
      Path file = missing.resolve("warehouse.duckdb");

      ConfigException e = assertThrows(ConfigException.class,
          () -> check(new SampleConfig.Duckdb(file.toString(), DuckdbEngine.DEFAULT_MEMORY_LIMIT_MB)));

      assertEquals("Cannot write to DuckDB file " + file + ": directory " + missing + " does not exist. "
          + "Create it, or choose a file in an existing directory.", e.getMessage());
      assertTrue(Files.notExists(missing), "the check does not create directories");
    }

    @Test
    void failsWhenTheFileIsNotADatabase() throws IOException {
      Path file = Files.writeString(directory.resolve("notes.txt"), "these are not the tables you are looking for\n"
          .repeat(100));

      ConfigException e = assertThrows(ConfigException.class,
          () -> check(new SampleConfig.Duckdb(file.toString(), DuckdbEngine.DEFAULT_MEMORY_LIMIT_MB)));

      assertTrue(e.getMessage().startsWith("Cannot open DuckDB file " + file + ": "), e.getMessage());
    }

    @Test
    void refusesAPathThatTheDriverWouldReadOptionsFrom() {
      Path file = directory.resolve("warehouse.duckdb;session_init_sql_file=init.sql");

      ConfigException e = assertThrows(ConfigException.class,
          () -> check(new SampleConfig.Duckdb(file.toString(), DuckdbEngine.DEFAULT_MEMORY_LIMIT_MB)));

      assertTrue(e.getMessage().contains("the path holds a ';'"), e.getMessage());
    }
  }

  @Nested
  class Postgres {
    private static final String PASSWORD = "s3cr3t-Pa55";

    private PostgresServer.Login login;

    @BeforeEach
    void createLogin() {
      login = PostgresServer.get().createLogin("destkit_test", PASSWORD);
    }

    @Test
    void succeedsAndLeavesNoTestTable() throws Exception {

      check(login.config("public"));

      assertEquals(List.of(), probeTables(login, "public"));
    }

    @Test
    void succeedsInASchemaWhoseNameNeedsQuoting() throws Exception {
      String schema = "Sales \"EU\"";
      try (Connection connection = JdbcConnections.open(login.config("public"));
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS \"Sales \"\"EU\"\"\"");
      }

      check(login.config(schema));

      assertEquals(List.of(), probeTables(login, schema));
    }

    @Test
    void failsOnAWrongPasswordWithoutShowingIt() {
      String wrongPassword = "wr0ng-Pa55-" + PASSWORD;

      ConfigException e = assertThrows(ConfigException.class,
          () -> check(login.withPassword(wrongPassword).config("public")));

      assertEquals("Cannot log in to PostgreSQL at " + login.host() + ":" + login.port()
          + " as user 'destkit_test': password authentication failed for user \"destkit_test\". "
          + "Check the user name and the password.", e.getMessage());
      assertNoPassword(e, wrongPassword);
    }

    @Test
    void failsWithoutAPasswordWhenTheServerAsksForOne() {
      ConfigException e = assertThrows(ConfigException.class,
          () -> check(login.withPassword(null).config("public")));

      assertTrue(e.getMessage().startsWith("Cannot log in to PostgreSQL at " + login.host() + ":" + login.port()
          + " as user 'destkit_test': "), e.getMessage());
      assertTrue(e.getMessage().endsWith("no password was provided. Set the password."), e.getMessage());
    }

    @Test
    void failsWhenNothingListensOnThePort() throws IOException {
      int closedPort = freePort();
      SampleConfig.Postgres config = new SampleConfig.Postgres("127.0.0.1", closedPort, login.database(), "public",
          login.user(), PASSWORD, false);

      TransientException e = assertThrows(TransientException.class, () -> check(config));

      assertEquals("Cannot connect to PostgreSQL at 127.0.0.1:" + closedPort + ": the connection was refused. "
          + "Check the host and the port, and that the server accepts TCP/IP connections from here.", e.getMessage());
      assertNoPassword(e, PASSWORD);
    }

    @Test
    void failsOnAnUnknownHost() {
      // .invalid is reserved (RFC 2606): no resolver answers for it.
      SampleConfig.Postgres config = new SampleConfig.Postgres("warehouse.destkit.invalid", 5432, "db", "public",
          "destkit_test", PASSWORD, false);

      ConfigException e = assertThrows(ConfigException.class, () -> check(config));

      assertEquals("Cannot connect to PostgreSQL at warehouse.destkit.invalid:5432: unknown host "
          + "'warehouse.destkit.invalid'. Check the host name.", e.getMessage());
    }

    @Test
    void failsWhenTheSchemaIsMissing() throws Exception {

      ConfigException e = assertThrows(ConfigException.class, () -> check(login.config("no_such_schema")));

      assertEquals("Cannot create a table in schema 'no_such_schema' of database 'destkit_test' on PostgreSQL at "
          + login.host() + ":" + login.port() + ": schema \"no_such_schema\" does not exist. "
          + "Create the schema, or set the default schema to one that exists.", e.getMessage());
      assertNoPassword(e, PASSWORD);
    }

    @Test
    void failsWhenTheUserMayNotCreateTablesInTheSchema() throws Exception {
      PostgresServer.Login other = PostgresServer.get().createLogin("destkit_other", "0ther-Pa55");
      try (Connection connection = JdbcConnections.open(other.config("public"));
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS locked");
        statement.execute("GRANT USAGE ON SCHEMA locked TO destkit_test");
      }

      ConfigException e = assertThrows(ConfigException.class,
          () -> check(login.withDatabase(other.database()).config("locked")));

      assertEquals("Cannot create a table in schema 'locked' of database 'destkit_other' on PostgreSQL at "
          + login.host() + ":" + login.port() + ": permission denied for schema locked. Grant the user "
          + "'destkit_test' the USAGE and CREATE privileges on the schema, or choose another schema.",
          e.getMessage());
    }

    @Test
    void failsOnAnUnknownDatabase() {

      ConfigException e = assertThrows(ConfigException.class,
          () -> check(login.withDatabase("no_such_database").config("public")));

      assertEquals("Cannot open database 'no_such_database' on PostgreSQL at " + login.host() + ":" + login.port()
          + ": database \"no_such_database\" does not exist. Check the database name.", e.getMessage());
      assertNoPassword(e, PASSWORD);
    }

    private List<String> probeTables(PostgresServer.Login on, String schema) throws SQLException {
      List<String> names = new ArrayList<>();
      try (Connection connection = JdbcConnections.open(on.config(schema));
          PreparedStatement query = connection.prepareStatement(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_name LIKE ?")) {
        query.setString(1, schema);
        query.setString(2, "\\_airbyte\\_connection\\_test\\_%");
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            names.add(rows.getString(1));
          }
        }
      }
      return names;
    }
  }

  private static void check(SampleConfig.Database database) throws DestinationException {
    ConnectionCheck.forDatabase(database).run();
  }

  private static List<String> sqliteTables(Path file) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  /** A port on which nothing listens: taken from the system, then let go. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The password appears nowhere a user or a log could read it: message, causes, suppressed. */
  private static void assertNoPassword(Throwable e, String password) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertTrue(t.getMessage() == null || !t.getMessage().contains(password), "password in: " + t);
      for (Throwable suppressed : t.getSuppressed()) {
        assertNoPassword(suppressed, password);
      }
    }
  }
}

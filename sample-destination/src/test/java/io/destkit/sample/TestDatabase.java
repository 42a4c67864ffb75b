package io.destkit.sample;

import io.destkit.sample.jdbc.JdbcConnections;
import io.destkit.sql.SqlIdentifiers;
import io.destkit.sql.duckdb.DuckdbEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A database for one test, as the sample's user would inspect it: a fresh SQLite file, or fresh schemas on the tests'
 * PostgreSQL server (namespaces a test uses are made unique with {@link #namespace}, so tests never see each
 * other's tables).
 */
abstract class TestDatabase {
  static final String PASSWORD = "s3cr3t-Pa55";
  private static final AtomicInteger COUNTER = new AtomicInteger();

  /** The destination's config for this database. */
  abstract SampleConfig config();

  /** The config as the connector reads it from its file. */
  abstract String configJson();

  /** The namespace a test means by {@code base}: unique to this database. */
  abstract String namespace(String base);

  /** The SQL name of a table the destination made, given its schema (a namespace) or null and its name. */
  abstract String table(String namespace, String name);

  /** The names of the tables in schema {@code namespace} (the default schema for null; SQLite: every table), sorted. */
  abstract List<String> tables(String namespace) throws SQLException;

  /** How many indexes the table has; its schema is a namespace, or null for the default. */
  abstract long indexes(String namespace, String name) throws SQLException;

  Connection connect() throws SQLException {
    return JdbcConnections.open(config().database());
  }

  /** The rows of a query, each as the text of its values (null kept), in the order the query gives. */
  List<List<String>> rows(String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData meta = result.getMetaData();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(result.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** The values of one column of a query, as text. */
  List<String> column(String sql) throws SQLException {
    return rows(sql).stream().map(row -> row.get(0)).toList();
  }

  long count(String table) throws SQLException {
    return Long.parseLong(column("SELECT count(*) FROM " + table).get(0));
  }

  /** A SQLite file in {@code directory}. */
  static TestDatabase sqlite(Path directory) {
    return new Sqlite(directory.resolve("warehouse-" + COUNTER.incrementAndGet() + ".sqlite"));
  }

  /** A DuckDB file in {@code directory}. */
  static TestDatabase duckdb(Path directory) {
    return new Duckdb(directory.resolve("warehouse-" + COUNTER.incrementAndGet() + ".duckdb"));
  }

  /** The database of {@code engine} (sqlite, postgres or duckdb), files in {@code directory}. */
  static TestDatabase of(String engine, Path directory) {
    return switch (engine) {
      case "sqlite" -> sqlite(directory);
      case "postgres" -> postgres();
      case "duckdb" -> duckdb(directory);
      default -> throw new IllegalArgumentException("No test database for engine " + engine);
    };
  }

  /** A default schema of its own on the tests' PostgreSQL server, as user {@code destkit_sample}. */
  static TestDatabase postgres() {
    return new Postgres(PostgresServer.get().createLogin("destkit_sample", PASSWORD),
        "t" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid());
  }

  /** SQLite. */
  static final class Sqlite extends TestDatabase {
    private final Path file;

    Sqlite(Path file) {
      this.file = file;
    }

    Path file() {
      return file;
    }

    @Override
    SampleConfig config() {
      return new SampleConfig(new SampleConfig.Sqlite(file.toString()), null);
    }

    @Override
    String configJson() {
      return "{\"database\":{\"engine\":\"sqlite\",\"path\":" + Sync.JSON.valueToTree(file.toString()) + "}}";
    }

    @Override
    String namespace(String base) {
      return base;
    }

    @Override
    String table(String namespace, String name) {
      return SqlIdentifiers.quote(namespace == null ? name : namespace + "_" + name);
    }

    @Override
    List<String> tables(String namespace) throws SQLException {
      return column("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    }

    @Override
    long indexes(String namespace, String name) throws SQLException {
      String table = namespace == null ? name : namespace + "_" + name;
      return Long.parseLong(column("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = '"
          + table.replace("'", "''") + "'").get(0));
    }

    @Override
    public String toString() {
      return "SQLite";
    }
  }

  /** PostgreSQL. */
  static final class Postgres extends TestDatabase {
    private final PostgresServer.Login login;
    private final String unique;

    Postgres(PostgresServer.Login login, String unique) {
      this.login = login;
      this.unique = unique;
    }

    PostgresServer.Login login() {
      return login;
    }

    @Override
    SampleConfig config() {
      return new SampleConfig(login.config(unique), null);
    }

    @Override
    String configJson() {
      com.fasterxml.jackson.databind.node.ObjectNode database = Sync.JSON.createObjectNode();
      database.put("engine", "postgres").put("host", login.host()).put("port", login.port())
          .put("database", login.database()).put("schema", unique).put("username", login.user())
          .put("password", login.password());
      return "{\"database\":" + database + "}";
    }

    @Override
    String namespace(String base) {
      return base + "_" + unique;
    }

    @Override
    String table(String namespace, String name) {
      return SqlIdentifiers.qualified(namespace == null ? unique : namespace, name);
    }

    @Override
    List<String> tables(String namespace) throws SQLException {
      List<String> names = new ArrayList<>();
      try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name")) {
        query.setString(1, namespace == null ? unique : namespace);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            names.add(rows.getString(1));
          }
        }
      }
      return names;
    }

    @Override
    long indexes(String namespace, String name) throws SQLException {
      return Long.parseLong(column("SELECT count(*) FROM pg_indexes WHERE schemaname = '"
          + (namespace == null ? unique : namespace).replace("'", "''") + "' AND tablename = '"
          + name.replace("'", "''") + "'").get(0));
    }

    @Override
    public String toString() {
      return "PostgreSQL";
    }
  }

  /**
   * DuckDB: streams without namespace in schema {@code main}. A connection of this JVM shares the file with the
   * connector run in process; one to a connector run as a child process must be closed before it runs.
   */
  static final class Duckdb extends TestDatabase {
    private final Path file;

    Duckdb(Path file) {
      this.file = file;
    }

    Path file() {
      return file;
    }

    @Override
    SampleConfig config() {
      return new SampleConfig(new SampleConfig.Duckdb(file.toString(), DuckdbEngine.DEFAULT_MEMORY_LIMIT_MB), null);
    }

    @Override
    String configJson() {
      return "{\"database\":{\"engine\":\"duckdb\",\"path\":" + Sync.JSON.valueToTree(file.toString()) + "}}";
    }

    @Override
    String namespace(String base) {
      return base;
    }

    @Override
    String table(String namespace, String name) {
      return SqlIdentifiers.qualified(namespace == null ? "main" : namespace, name);
    }

    @Override
    List<String> tables(String namespace) throws SQLException {
      List<String> names = new ArrayList<>();
      try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
          "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
              + " AND lower(schema_name) = lower(?) ORDER BY table_name")) {
        query.setString(1, namespace == null ? "main" : namespace);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            names.add(rows.getString(1));
          }
        }
      }
      return names;
    }

    @Override
    long indexes(String namespace, String name) throws SQLException {
      return Long.parseLong(column("SELECT count(*) FROM duckdb_indexes() WHERE lower(schema_name) = lower('"
          + (namespace == null ? "main" : namespace).replace("'", "''") + "') AND lower(table_name) = lower('"
          + name.replace("'", "''") + "')").get(0));
    }

    @Override
    public String toString() {
      return "DuckDB";
    }
  }
}

package io.destkit.sample.jdbc;

import io.destkit.sample.Engines;
import io.destkit.sample.SampleConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Opens JDBC connections to the configured database. The password travels only in the driver's {@link Properties},
 * never in the URL, so no URL built here (nor an error that quotes one) can leak it.
 */
public final class JdbcConnections {
  /** How long to wait for the TCP connection to a PostgreSQL server before giving up. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** How long connecting and logging in to a PostgreSQL server may take in all, for a server that accepts but stalls. */
  public static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(30);

  private static final String APPLICATION_NAME = "destkit";

  private JdbcConnections() {}

  /**
   * A connection without a read timeout, for loading: a COPY or a merge of a large table may rightly take long.
   * The caller closes it.
   */
  public static Connection open(SampleConfig.Database database) throws SQLException {
    return open(database, Duration.ZERO);
  }

  /**
   * A connection on which any wait for the server longer than {@code readTimeout} fails, for short work like a
   * connection check; {@link Duration#ZERO} means no limit. SQLite and DuckDB have no server to wait for and ignore
   * it.
   */
  public static Connection open(SampleConfig.Database database, Duration readTimeout) throws SQLException {
    return Engines.of(database).connect(readTimeout);
  }

  /**
   * A connection to a SQLite file. The driver's generated keys are off: with them on, every INSERT is followed by a
   * search of its SQL text and a {@code SELECT last_insert_rowid()} of its own, for keys nothing here asks for.
   */
  public static Connection openSqlite(SampleConfig.Sqlite sqlite) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("jdbc.get_generated_keys", "false");
    return connect(new org.sqlite.JDBC(), sqliteUrl(sqlite), properties);
  }

  /** A connection to a PostgreSQL server, waiting for it at most {@code readTimeout} ({@link Duration#ZERO}: no limit). */
  public static Connection openPostgres(SampleConfig.Postgres postgres, Duration readTimeout) throws SQLException {
    return connect(new org.postgresql.Driver(), postgresUrl(postgres), postgresProperties(postgres, readTimeout));
  }

  /** A connection to a DuckDB file. */
  public static Connection openDuckdb(SampleConfig.Duckdb duckdb) throws SQLException {
    return connect(new org.duckdb.DuckDBDriver(), duckdbUrl(duckdb), new Properties());
  }

  /**
   * A connection from the one driver the engine needs, asked directly: {@code DriverManager} would first load every
   * driver on the class path, and DuckDB's starts a memory monitor with the JVM's flight recorder, which cost a sync
   * into SQLite or PostgreSQL 0.1 s of start-up (BENCHMARKS.md).
   */
  private static Connection connect(Driver driver, String url, Properties properties) throws SQLException {
    Connection connection = driver.connect(url, properties);
    if (connection == null) {
      throw new SQLException("the " + driver.getClass().getName() + " driver does not take the URL " + url);
    }
    return connection;
  }

  /** The JDBC URL of a SQLite file. */
  public static String sqliteUrl(SampleConfig.Sqlite sqlite) {
    return "jdbc:sqlite:" + sqlite.path();
  }

  /**
   * The JDBC URL of a DuckDB file. The driver reads what follows a {@code ;} in it as connection options (a file of
   * SQL to run, among others), and has no way to escape one: a path that holds one is refused.
   */
  public static String duckdbUrl(SampleConfig.Duckdb duckdb) throws SQLException {
    if (duckdb.path().indexOf(';') >= 0) {
      throw new SQLException("the path holds a ';', which the DuckDB driver would read as the start of connection"
          + " options: choose a path without one");
    }
    return "jdbc:duckdb:" + duckdb.path();
  }

  /** The JDBC URL of a PostgreSQL database; it holds no credentials. */
  public static String postgresUrl(SampleConfig.Postgres postgres) {
    String host = postgres.host();
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      host = "[" + host + "]"; // an IPv6 address
    }
    // The driver URL-decodes the database name, so a name with '/', '?' or '%' must be encoded.
    return "jdbc:postgresql://" + host + ":" + postgres.port() + "/"
        + URLEncoder.encode(postgres.database(), StandardCharsets.UTF_8);
  }

  /** {@code host:port}, as messages name a server. */
  public static String serverAddress(SampleConfig.Postgres postgres) {
    return postgres.host() + ":" + postgres.port();
  }

  private static Properties postgresProperties(SampleConfig.Postgres postgres, Duration readTimeout) {
    Properties properties = new Properties();
    properties.setProperty("user", postgres.username());
    if (postgres.password() != null) {
      properties.setProperty("password", postgres.password());
    }
    properties.setProperty("sslmode", postgres.ssl() ? "require" : "disable");
    properties.setProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds()));
    properties.setProperty("loginTimeout", Long.toString(LOGIN_TIMEOUT.toSeconds()));
    properties.setProperty("socketTimeout", Long.toString(readTimeout.toSeconds()));
    // Keep long idle waits (a slow merge on the server) from being cut by a firewall.
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("ApplicationName", APPLICATION_NAME);
    return properties;
  }
}

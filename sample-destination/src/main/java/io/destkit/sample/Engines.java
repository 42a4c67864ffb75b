package io.destkit.sample;

import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.retry.RetryPolicy;
import io.destkit.sample.duckdb.DuckdbConnectionCheck;
import io.destkit.sample.duckdb.DuckdbConnector;
import io.destkit.sql.duckdb.DuckdbEngine;
import io.destkit.sample.jdbc.JdbcConnections;
import io.destkit.sample.postgres.PostgresConnectionCheck;
import io.destkit.sample.postgres.PostgresConnector;
import io.destkit.sql.postgres.PostgresWarehouse;
import io.destkit.sample.sqlite.SqliteConnectionCheck;
import io.destkit.sql.JdbcWarehouse;
import io.destkit.sql.SqlWarehouse;
import io.destkit.sql.sqlite.SqliteEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The sample's database engines, told apart in this one place: {@link #of} switches over the configured engine and
 * gives what a write, a check, a report and the tests need of it. An engine added to {@link SampleConfig.Engine}
 * does not compile until it is handled here.
 */
public final class Engines {
  /** What the sample does with the configured database, the way its engine does it. */
  public interface Access {
    /** The database, as messages name it: {@code SQLite file /local/warehouse.sqlite}. */
    String describe();

    /** Whether there is a database to read: a file engine's file exists (opening it would create it). */
    boolean exists();

    /**
     * A JDBC connection on which any wait for a server longer than {@code readTimeout} fails ({@link Duration#ZERO}:
     * no limit). The caller closes it.
     */
    Connection connect(Duration readTimeout) throws SQLException;

    /** A query of the destination's tables, as (schema or null, name), sorted. */
    String tablesQuery();

    /** The warehouse a write loads into, connected. */
    SqlWarehouse openWarehouse() throws Exception;

    /** The check of the {@code check} command. */
    ConnectionCheck check();
  }

  private Engines() {}

  /** What the sample does with {@code database}. */
  public static Access of(SampleConfig.Database database) {
    return switch (database.engine()) {
      case SQLITE -> sqlite((SampleConfig.Sqlite) database);
      case POSTGRES -> postgres((SampleConfig.Postgres) database);
      case DUCKDB -> duckdb((SampleConfig.Duckdb) database);
    };
  }

  private static Access sqlite(SampleConfig.Sqlite sqlite) {
    return new Access() {
      @Override
      public String describe() {
        return "SQLite file " + sqlite.path();
      }

      @Override
      public boolean exists() {
        return Files.isRegularFile(Path.of(sqlite.path()));
      }

      @Override
      public Connection connect(Duration readTimeout) throws SQLException {
        return JdbcConnections.openSqlite(sqlite);
      }

      @Override
      public String tablesQuery() {
        return "SELECT NULL, name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
            + " ORDER BY name";
      }

      @Override
      public SqlWarehouse openWarehouse() throws Exception {
        Connection connection;
        try {
          connection = JdbcConnections.openSqlite(sqlite);
        } catch (SQLException e) {
          throw new ConfigException("Cannot open the SQLite file " + sqlite.path() + ": " + e.getMessage()
              + ". Check that its folder exists and can be written.", e);
        }
        return new JdbcWarehouse(new SqliteEngine(sqlite.path()), connection, null);
      }

      @Override
      public ConnectionCheck check() {
        return new SqliteConnectionCheck(sqlite);
      }
    };
  }

  private static Access postgres(SampleConfig.Postgres postgres) {
    return new Access() {
      @Override
      public String describe() {
        return "PostgreSQL database " + postgres.database() + " at " + JdbcConnections.serverAddress(postgres);
      }

      @Override
      public boolean exists() {
        return true;
      }

      @Override
      public Connection connect(Duration readTimeout) throws SQLException {
        return JdbcConnections.openPostgres(postgres, readTimeout);
      }

      @Override
      public String tablesQuery() {
        return "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
            + " AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_temp\\_%'"
            + " ORDER BY 1, 2";
      }

      /** Every step, connecting included, is retried through outages. */
      @Override
      public SqlWarehouse openWarehouse() {
        return new PostgresWarehouse(new PostgresConnector(postgres), postgres.schema(), RetryPolicy.defaults());
      }

      @Override
      public ConnectionCheck check() {
        return new PostgresConnectionCheck(postgres);
      }
    };
  }

  private static Access duckdb(SampleConfig.Duckdb duckdb) {
    return new Access() {
      @Override
      public String describe() {
        return "DuckDB file " + duckdb.path();
      }

      @Override
      public boolean exists() {
        return Files.isRegularFile(Path.of(duckdb.path()));
      }

      @Override
      public Connection connect(Duration readTimeout) throws SQLException {
        return JdbcConnections.openDuckdb(duckdb);
      }

      @Override
      public String tablesQuery() {
        return "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
            + " AND table_catalog = current_database() ORDER BY 1, 2";
      }

      /** Waits, retrying, while another program holds the file. */
      @Override
      public SqlWarehouse openWarehouse() throws Exception {
        return new JdbcWarehouse(new DuckdbEngine(duckdb.path(), duckdb.memoryLimitMb()), DuckdbConnector.open(duckdb,
            RetryPolicy.defaults()), DuckdbEngine.DEFAULT_SCHEMA);
      }

      @Override
      public ConnectionCheck check() {
        return new DuckdbConnectionCheck(duckdb);
      }
    };
  }
}

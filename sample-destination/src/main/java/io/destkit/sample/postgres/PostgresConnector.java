package io.destkit.sample.postgres;

import io.destkit.runtime.error.DestinationException;
import io.destkit.sample.SampleConfig;
import io.destkit.sample.jdbc.JdbcConnections;
import io.destkit.sample.postgres.PostgresErrors;
import io.destkit.sql.postgres.PostgresWarehouse;
import java.sql.Connection;
import java.sql.SQLException;

/** Connections to the configured PostgreSQL server for loading, and their failures told without the password. */
public record PostgresConnector(SampleConfig.Postgres postgres) implements PostgresWarehouse.Connector {
  @Override
  public Connection open() throws DestinationException {
    try {
      return JdbcConnections.open(postgres);
    } catch (SQLException e) {
      throw PostgresErrors.connectFailure(postgres, e);
    }
  }

  @Override
  public String reason(SQLException e) {
    return PostgresErrors.reason(postgres, e);
  }

  @Override
  public String server() {
    return "PostgreSQL at " + JdbcConnections.serverAddress(postgres);
  }

  @Override
  public String user() {
    return postgres.username();
  }
}

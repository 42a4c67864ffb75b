package io.destkit.sample;

import io.destkit.runtime.error.DestinationException;
import io.destkit.sample.jdbc.JdbcConnections;
import io.destkit.sample.jdbc.PostgresErrors;
import io.destkit.sample.sql.PostgresWarehouse;
import java.sql.Connection;
import java.sql.SQLException;

/** Connections to the configured PostgreSQL server for loading, and their failures told without the password. */
record PostgresConnector(SampleConfig.Postgres postgres) implements PostgresWarehouse.Connector {
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

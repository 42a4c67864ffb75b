package io.destkit.sample.postgres;

import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.error.DestinationException;
import io.destkit.runtime.error.TransientException;
import io.destkit.sample.ConnectionCheck;
import io.destkit.sample.ProbeTable;
import io.destkit.sample.SampleConfig;
import io.destkit.sample.jdbc.JdbcConnections;
import io.destkit.sample.postgres.PostgresErrors;
import io.destkit.sql.SqlIdentifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** Checks that the PostgreSQL server takes a login and that the user can create and fill a table in the schema. */
public record PostgresConnectionCheck(SampleConfig.Postgres postgres) implements ConnectionCheck {
  /** Every statement of the check is tiny: a server that does not answer in this time is not usable. */
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private static final String INSUFFICIENT_PRIVILEGE = "42501";
  private static final String UNKNOWN_SCHEMA = "3F000";

  @Override
  public void run() throws DestinationException {
    Connection connection;
    try {
      connection = JdbcConnections.open(postgres, READ_TIMEOUT);
    } catch (SQLException e) {
      throw PostgresErrors.connectFailure(postgres, e);
    }
    try (connection) {
      ProbeTable.roundTrip(connection, SqlIdentifiers.qualified(postgres.schema(), ProbeTable.newName()));
    } catch (ProbeTable.StepFailedException e) {
      throw tableFailure(e);
    } catch (SQLException e) {
      // Only closing the connection throws this; the check itself went through.
    }
  }

  private DestinationException tableFailure(ProbeTable.StepFailedException failure) {
    String where = "in schema '" + postgres.schema() + "' of database '" + postgres.database() + "' on PostgreSQL at "
        + JdbcConnections.serverAddress(postgres);
    String action = failure.step() == ProbeTable.Step.CREATE ? "Cannot create a table " : "Cannot write to a table ";
    if (!(failure.getCause() instanceof SQLException)) {
      return new ConfigException(action + where + ": " + failure.getMessage() + ".", failure);
    }
    SQLException e = (SQLException) failure.getCause();
    String message = action + where + ": " + PostgresErrors.reason(postgres, e) + ".";
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals(UNKNOWN_SCHEMA)) {
      return new ConfigException(message + " Create the schema, or set the default schema to one that exists.", e);
    }
    if (state.equals(INSUFFICIENT_PRIVILEGE)) {
      return new ConfigException(message + " Grant the user '" + postgres.username()
          + "' the USAGE and CREATE privileges on the schema, or choose another schema.", e);
    }
    return PostgresErrors.isOutage(state) ? new TransientException(message, e) : new ConfigException(message, e);
  }
}

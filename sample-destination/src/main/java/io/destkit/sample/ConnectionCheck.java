package io.destkit.sample;

import io.destkit.runtime.error.DestinationException;
import io.destkit.sample.postgres.PostgresConnectionCheck;
import io.destkit.sample.sqlite.SqliteConnectionCheck;

/**
 * Proves that the configured database can take data: connects, then creates a throwaway table, writes a row, reads it
 * back and drops the table. A failure says what went wrong and what to check; it never holds the password.
 */
public interface ConnectionCheck {

  /** The check for the engine of {@code database}. */
  static ConnectionCheck forDatabase(SampleConfig.Database database) {
    if (database instanceof SampleConfig.Sqlite sqlite) {
      return new SqliteConnectionCheck(sqlite);
    } else if (database instanceof SampleConfig.Postgres postgres) {
      return new PostgresConnectionCheck(postgres);
    }
    throw new IllegalArgumentException("Unknown database engine: " + database.getClass().getName());
  }

  /** Returns when the database works; throws, with a message for the person who configured it, when not. */
  void run() throws DestinationException;
}

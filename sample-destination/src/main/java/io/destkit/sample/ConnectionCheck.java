package io.destkit.sample;

import io.destkit.runtime.error.DestinationException;

/**
 * Proves that the configured database can take data: connects, then creates a throwaway table, writes a row, reads it
 * back and drops the table. A failure says what went wrong and what to check; it never holds the password.
 */
public interface ConnectionCheck {

  /** The check for the engine of {@code database}. */
  static ConnectionCheck forDatabase(SampleConfig.Database database) {
    return Engines.of(database).check();
  }

  /** Returns when the database works; throws, with a message for the person who configured it, when not. */
  void run() throws DestinationException;
}

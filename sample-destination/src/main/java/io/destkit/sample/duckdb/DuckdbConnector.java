package io.destkit.sample.duckdb;

import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.error.DestinationException;
import io.destkit.runtime.error.TransientException;
import io.destkit.runtime.retry.RetryPolicy;
import io.destkit.sample.SampleConfig;
import io.destkit.sample.jdbc.JdbcConnections;
import io.destkit.sql.duckdb.DuckdbEngine;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens the configured DuckDB file. DuckDB lets one program at a time write to a file and locks it while open: a file
 * another program holds is an outage, waited for by retrying; any other failure to open it is the user's to fix.
 */
public final class DuckdbConnector {
  private DuckdbConnector() {}

  /** A connection to the file; while another program holds it, tried again with backoff as {@code retry} says. */
  public static Connection open(SampleConfig.Duckdb duckdb, RetryPolicy retry) throws Exception {
    return retry.call("open DuckDB file " + duckdb.path(), () -> open(duckdb));
  }

  /** A connection to the file, on the first try. */
  public static Connection open(SampleConfig.Duckdb duckdb) throws DestinationException {
    try {
      return JdbcConnections.open(duckdb);
    } catch (SQLException e) {
      String message = "Cannot open DuckDB file " + duckdb.path() + ": " + e.getMessage();
      if (DuckdbEngine.isLockConflict(e)) {
        throw new TransientException(message + ". Another program holds the file (DuckDB lets one program at a time"
            + " write to it): close it, then sync again.", e);
      }
      throw new ConfigException(message + (DuckdbEngine.isFileProblem(e) ? ". Check that its folder exists and can"
          + " be written, and that the path is a file, not a folder." : ""), e);
    }
  }
}

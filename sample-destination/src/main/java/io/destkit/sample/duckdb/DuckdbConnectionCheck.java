package io.destkit.sample.duckdb;

import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.error.DestinationException;
import io.destkit.sample.ConnectionCheck;
import io.destkit.sample.ProbeTable;
import io.destkit.sample.SampleConfig;
import io.destkit.sample.jdbc.DatabaseFiles;
import io.destkit.sql.SqlIdentifiers;
import io.destkit.sql.duckdb.DuckdbEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Checks that the DuckDB file can be opened (or created) and written, in its default schema. A file another
 * program holds fails the check at once as an outage (a sync would wait for it a while).
 */
public record DuckdbConnectionCheck(SampleConfig.Duckdb duckdb) implements ConnectionCheck {

  @Override
  public void run() throws DestinationException {
    Path file = DatabaseFiles.checked("DuckDB", duckdb.path(), "/local/warehouse.duckdb");
    try (Connection connection = DuckdbConnector.open(duckdb)) {
      ProbeTable.roundTrip(connection, SqlIdentifiers.qualified(DuckdbEngine.DEFAULT_SCHEMA, ProbeTable.newName()));
    } catch (ProbeTable.StepFailedException e) {
      throw new ConfigException("Cannot write to DuckDB file " + file + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      // Only closing the connection throws this; the check itself went through.
    }
  }
}

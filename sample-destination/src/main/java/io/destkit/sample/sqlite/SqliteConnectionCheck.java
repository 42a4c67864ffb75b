package io.destkit.sample.sqlite;

import io.destkit.runtime.config.ConfigException;
import io.destkit.sample.ConnectionCheck;
import io.destkit.sample.ProbeTable;
import io.destkit.sample.SampleConfig;
import io.destkit.sample.jdbc.DatabaseFiles;
import io.destkit.sample.jdbc.JdbcConnections;
import io.destkit.sql.SqlIdentifiers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Checks that the SQLite file can be opened (or created) and written. */
public record SqliteConnectionCheck(SampleConfig.Sqlite sqlite) implements ConnectionCheck {

  @Override
  public void run() throws ConfigException {
    Path file = DatabaseFiles.checked("SQLite", sqlite.path(), "/local/warehouse.sqlite");
    String prefix = "Cannot write to SQLite file " + file + ": ";
    try (Connection connection = JdbcConnections.open(sqlite)) {
      ProbeTable.roundTrip(connection, SqlIdentifiers.quote(ProbeTable.newName()));
    } catch (SQLException e) {
      throw new ConfigException(prefix + e.getMessage(), e);
    } catch (ProbeTable.StepFailedException e) {
      throw new ConfigException(prefix + e.getMessage(), e);
    }
  }
}

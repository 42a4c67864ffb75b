package io.destkit.sample.sqlite;

import io.destkit.runtime.config.ConfigException;
import io.destkit.sample.ConnectionCheck;
import io.destkit.sample.ProbeTable;
import io.destkit.sample.SampleConfig;
import io.destkit.sample.jdbc.JdbcConnections;
import io.destkit.sql.SqlIdentifiers;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Checks that the SQLite file can be opened (or created) and written. */
public record SqliteConnectionCheck(SampleConfig.Sqlite sqlite) implements ConnectionCheck {

  @Override
  public void run() throws ConfigException {
    Path file = file();
    String prefix = "Cannot write to SQLite file " + file + ": ";
    // The driver's own messages for these cases ("out of memory", "path ... does not exist") send people astray.
    if (Files.isDirectory(file)) {
      throw new ConfigException(prefix + "it is a directory. Give the path of a file, e.g. "
          + file.resolve("warehouse.sqlite") + ".");
    }
    Path directory = file.getParent();
    if (directory != null && !Files.isDirectory(directory)) {
      String problem = Files.exists(directory) ? " is not a directory." : " does not exist.";
      throw new ConfigException(prefix + "directory " + directory + problem
          + " Create it, or choose a file in an existing directory.");
    }
    try (Connection connection = JdbcConnections.open(sqlite)) {
      ProbeTable.roundTrip(connection, SqlIdentifiers.quote(ProbeTable.newName()));
    } catch (SQLException e) {
      throw new ConfigException(prefix + e.getMessage(), e);
    } catch (ProbeTable.StepFailedException e) {
      throw new ConfigException(prefix + e.getMessage(), e);
    }
  }

  private Path file() throws ConfigException {
    String path = sqlite.path();
    if (path == null || path.isBlank()) {
      throw new ConfigException("The SQLite database file is not set. Give its path, e.g. /local/warehouse.sqlite.");
    }
    try {
      return Path.of(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new ConfigException("The SQLite database file '" + path + "' is not a valid path: " + e.getReason()
          + ".", e);
    }
  }
}

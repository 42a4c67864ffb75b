package io.destkit.sample.jdbc;

import io.destkit.runtime.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** The file of an embedded database (SQLite, DuckDB), looked at before its driver opens it. */
public final class DatabaseFiles {
  private DatabaseFiles() {}

  /**
   * The absolute path of the {@code engine} file {@code path}, once it is known to be set, valid, not a directory, and
   * in a directory that exists: the drivers' own messages for these cases ("out of memory", "Cannot open file") send
   * people astray. {@code example} is a path to suggest.
   */
  public static Path checked(String engine, String path, String example) throws ConfigException {
    if (path == null || path.isBlank()) {
      throw new ConfigException("The " + engine + " database file is not set. Give its path, e.g. " + example + ".");
    }
    Path file;
    try {
      file = Path.of(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new ConfigException("The " + engine + " database file '" + path + "' is not a valid path: "
          + e.getReason() + ".", e);
    }
    String prefix = "Cannot write to " + engine + " file " + file + ": ";
    if (Files.isDirectory(file)) {
      throw new ConfigException(prefix + "it is a directory. Give the path of a file, e.g. "
          + file.resolve(Path.of(example).getFileName()) + ".");
    }
    Path directory = file.getParent();
    if (directory != null && !Files.isDirectory(directory)) {
      String problem = Files.exists(directory) ? " is not a directory." : " does not exist.";
      throw new ConfigException(prefix + "directory " + directory + problem
          + " Create it, or choose a file in an existing directory.");
    }
    return file;
  }
}

package io.destkit.sample;

import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.config.JsonFiles;
import io.destkit.runtime.secret.SecretMasker;
import io.destkit.sql.SqlIdentifiers;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the tables of the configured database with the number of rows in each: what a sync left, for a person to
 * look at without a SQL client. Tables whose name holds a {@code $} are the destination's own (staging, tombstones).
 *
 * <pre>java -cp sample-destination.jar io.destkit.sample.Report CONFIG_FILE</pre>
 */
public final class Report {
  private Report() {}

  /** Prints the report of the database that the config file names; exit code 1 (and why, on stderr) on failure. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("Usage: java -cp sample-destination.jar io.destkit.sample.Report CONFIG_FILE");
      System.exit(2);
    }
    SecretMasker masker = new SecretMasker();
    try {
      SampleConfig config = SampleConfigReader.read(JsonFiles.readObject(Path.of(args[0]), "config"), masker);
      print(config.database(), System.out);
    } catch (ConfigException | SQLException e) {
      System.err.println(masker.mask("Cannot report on the database: " + e.getMessage()));
      System.exit(1);
    }
  }

  /** Writes one line per table: its name and its row count, after a line naming the database. */
  static void print(SampleConfig.Database database, PrintStream out) throws ConfigException, SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    Engines.Access engine = Engines.of(database);
    String where = engine.describe();
    if (!engine.exists()) {
      throw new ConfigException("There is no " + where + " yet: run a write first.");
    }
    try (Connection connection = engine.connect(Duration.ZERO)) {
      count(connection, tables(connection, engine.tablesQuery()), counts);
    }
    out.println(where + ": " + (counts.isEmpty() ? "no tables" : counts.size() + (counts.size() == 1 ? " table"
        : " tables")));
    int width = counts.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Map.Entry<String, Long> table : counts.entrySet()) {
      long rows = table.getValue();
      out.printf(Locale.ROOT, "  %-" + width + "s  %,d %s%n", table.getKey(), rows, rows == 1 ? "row" : "rows");
    }
  }

  /** Each table as {schema or null, name}. */
  private static List<String[]> tables(Connection connection, String query) throws SQLException {
    List<String[]> tables = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        tables.add(new String[] {rows.getString(1), rows.getString(2)});
      }
    }
    return tables;
  }

  private static void count(Connection connection, List<String[]> tables, Map<String, Long> counts)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String[] table : tables) {
        String sql = table[0] == null ? SqlIdentifiers.quote(table[1]) : SqlIdentifiers.qualified(table[0], table[1]);
        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + sql)) {
          count.next();
          counts.put(table[0] == null ? table[1] : table[0] + "." + table[1], count.getLong(1));
        }
      }
    }
  }
}

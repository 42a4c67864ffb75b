package io.destkit.sample;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A throwaway table that a connection check creates, writes a row to, reads it back from and drops: the least that
 * proves the destination can load data. Its name is random, so that checks running at once do not collide.
 */
public final class ProbeTable {
  /** The start of every probe table's name; a leftover one can be told by it. */
  public static final String NAME_PREFIX = "_airbyte_connection_test_";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PROBE_TEXT = "destkit connection check";

  /** What the check was doing when the database refused. */
  public enum Step {
    CREATE, WRITE, READ, DROP
  }

  /** The database refused one step of the round trip. */
  public static final class StepFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Step step;

    StepFailedException(Step step, String message, SQLException cause) {
      super(message, cause);
      this.step = step;
    }

    public Step step() {
      return step;
    }
  }

  private ProbeTable() {}

  /** A new table name, {@link #NAME_PREFIX} and 16 random hex digits (41 characters: within every engine's limit). */
  public static String newName() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return NAME_PREFIX + HexFormat.of().formatHex(bytes);
  }

  /**
   * Creates the table named {@code qualifiedName} (already quoted), writes one row, reads it back and drops the table.
   * Once created, the table is dropped even when a later step fails.
   */
  public static void roundTrip(Connection connection, String qualifiedName) throws StepFailedException {
    run(connection, Step.CREATE, "CREATE TABLE " + qualifiedName + " (id INTEGER NOT NULL, note VARCHAR(100))");
    StepFailedException failure = null;
    try {
      write(connection, qualifiedName);
      readBack(connection, qualifiedName);
    } catch (StepFailedException e) {
      failure = e;
    } finally {
      try {
        run(connection, Step.DROP, "DROP TABLE " + qualifiedName);
      } catch (StepFailedException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void write(Connection connection, String qualifiedName) throws StepFailedException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO " + qualifiedName + " (id, note) VALUES (?, ?)")) {
      insert.setInt(1, 1);
      insert.setString(2, PROBE_TEXT);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new StepFailedException(Step.WRITE, e.getMessage(), e);
    }
  }

  private static void readBack(Connection connection, String qualifiedName) throws StepFailedException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT note FROM " + qualifiedName + " WHERE id = 1")) {
      if (!rows.next() || !PROBE_TEXT.equals(rows.getString(1))) {
        throw new StepFailedException(Step.READ, "the row just written could not be read back", null);
      }
    } catch (SQLException e) {
      throw new StepFailedException(Step.READ, e.getMessage(), e);
    }
  }

  private static void run(Connection connection, Step step, String sql) throws StepFailedException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new StepFailedException(step, e.getMessage(), e);
    }
  }
}

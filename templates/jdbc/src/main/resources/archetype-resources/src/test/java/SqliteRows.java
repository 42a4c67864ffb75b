package ${package};

import io.destkit.runtime.write.StreamDescriptor;
import io.destkit.sql.SqlIdentifiers;
import io.destkit.sql.TableName;
import io.destkit.sql.TableReader;
import io.destkit.sql.sqlite.SqliteEngine;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.suite.DestinationReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Reads a stream's table back for the testkit's suite, with the warehouse's own naming ({@link TableReader}): each
 * column under the name of the field it holds.
 */
final class SqliteRows implements DestinationReader {
  private final Connection connection;
  private final TableReader tables;

  SqliteRows(String jdbcUrl) throws SQLException {
    connection = DriverManager.getConnection(jdbcUrl);
    tables = new TableReader(connection, new SqliteEngine(), null);
  }

  @Override
  public List<Map<String, Object>> rows(ConfiguredCatalog catalog, ConfiguredStream stream) throws SQLException {
    return tables.rows(descriptors(catalog), stream.descriptor(), stream.fieldNames());
  }

  /** Adds a text column to the stream's table, as the database's user might between syncs. */
  @Override
  public void addColumn(ConfiguredCatalog catalog, ConfiguredStream stream, String column) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE " + table(catalog, stream).sql() + " ADD COLUMN " + SqlIdentifiers.quote(column)
          + " TEXT");
    }
  }

  private TableName table(ConfiguredCatalog catalog, ConfiguredStream stream) throws SQLException {
    return tables.table(descriptors(catalog), stream.descriptor());
  }

  private static List<StreamDescriptor> descriptors(ConfiguredCatalog catalog) {
    return catalog.streams().stream().map(ConfiguredStream::descriptor).toList();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}

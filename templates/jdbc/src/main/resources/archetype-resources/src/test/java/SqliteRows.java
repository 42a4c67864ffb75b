package ${package};

import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.suite.DestinationReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a stream's table back for the testkit's suite, with the connector's own naming: each column under the name
 * of the field it holds.
 */
final class SqliteRows implements DestinationReader {
  private final SqlDialect dialect = new SqliteDialect();
  private final Connection connection;

  SqliteRows(String jdbcUrl) throws SQLException {
    connection = DriverManager.getConnection(jdbcUrl);
  }

  @Override
  public List<Map<String, Object>> rows(ConfiguredCatalog catalog, ConfiguredStream stream) throws SQLException {
    TableName table = dialect.tableName(stream.descriptor());
    List<Map<String, Object>> rows = new ArrayList<>();
    try (ResultSet tables = connection.getMetaData().getTables(null, null, table.name(), null)) {
      boolean found = false;
      while (tables.next()) {
        found |= table.name().equals(tables.getString("TABLE_NAME"));
      }
      if (!found) {
        return rows;
      }
    }
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM " + dialect.qualified(table))) {
      while (result.next()) {
        Map<String, Object> row = new HashMap<>();
        for (String airbyteColumn : List.of(RAW_ID, EXTRACTED_AT, META, GENERATION_ID)) {
          row.put(airbyteColumn, result.getObject(airbyteColumn));
        }
        for (String field : stream.fieldNames()) {
          row.put(field, result.getObject(Names.column(field)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Adds a text column to the stream's table, as the database's user might between syncs. */
  @Override
  public void addColumn(ConfiguredCatalog catalog, ConfiguredStream stream, String column) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE " + dialect.qualified(dialect.tableName(stream.descriptor())) + " ADD COLUMN "
          + dialect.quote(column) + " TEXT");
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}

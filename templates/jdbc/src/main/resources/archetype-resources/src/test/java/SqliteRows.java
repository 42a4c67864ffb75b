package ${package};

import static io.destkit.runtime.write.RecordJson.EXTRACTED_AT;
import static io.destkit.runtime.write.RecordJson.GENERATION_ID;
import static io.destkit.runtime.write.RecordJson.META;
import static io.destkit.runtime.write.RecordJson.RAW_ID;

import io.destkit.sql.SqlIdentifiers;
import io.destkit.sql.TableName;
import io.destkit.sql.TableNames;
import io.destkit.sql.sqlite.SqliteEngine;
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
 * Reads a stream's table back for the testkit's suite, with the warehouse's own naming ({@link TableNames}): each
 * column under the name of the field it holds.
 */
final class SqliteRows implements DestinationReader {
  private final SqliteEngine engine = new SqliteEngine();
  private final Connection connection;

  SqliteRows(String jdbcUrl) throws SQLException {
    connection = DriverManager.getConnection(jdbcUrl);
  }

  @Override
  public List<Map<String, Object>> rows(ConfiguredCatalog catalog, ConfiguredStream stream) throws SQLException {
    TableName table = table(catalog, stream);
    List<Map<String, Object>> rows = new ArrayList<>();
    if (engine.columns(connection, table).isEmpty()) {
      return rows;
    }
    Map<String, String> columns = TableNames.columns(engine, stream.fieldNames());
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM " + table.sql())) {
      while (result.next()) {
        Map<String, Object> row = new HashMap<>();
        for (String airbyteColumn : List.of(RAW_ID, EXTRACTED_AT, META, GENERATION_ID)) {
          row.put(airbyteColumn, result.getObject(airbyteColumn));
        }
        for (Map.Entry<String, String> field : columns.entrySet()) {
          row.put(field.getKey(), result.getObject(field.getValue()));
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
      statement.execute("ALTER TABLE " + table(catalog, stream).sql() + " ADD COLUMN " + SqlIdentifiers.quote(column)
          + " TEXT");
    }
  }

  private TableName table(ConfiguredCatalog catalog, ConfiguredStream stream) throws SQLException {
    return TableNames.of(connection, engine, null,
        catalog.streams().stream().map(ConfiguredStream::descriptor).toList(), stream.descriptor());
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}

package io.destkit.examples.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.sql.SqlIdentifiers;
import io.destkit.sql.TableReader;
import io.destkit.sql.duckdb.DuckdbEngine;
import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.Json;
import io.destkit.testkit.suite.DestinationReader;
import io.destkit.testkit.suite.DestinationSuite;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The testkit's whole standard suite against the example, in process, a new DuckDB file per test. */
class DuckdbDestinationSuiteTest extends DestinationSuite {
  @TempDir
  Path dir;

  private int files;

  @Override
  protected DestinationRunner connector() {
    return DestinationRunner.inProcess(new DuckdbDestinationMain());
  }

  @Override
  protected JsonNode freshConfig() {
    return Json.object("path", dir.resolve("warehouse-" + ++files + ".duckdb").toString());
  }

  /** Rows read with the warehouse's own naming; in one process the reader shares the driver's DuckDB instance. */
  @Override
  protected DestinationReader reader(JsonNode config) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:duckdb:" + config.path("path").asText());
    TableReader tables = new TableReader(connection, new DuckdbEngine(), DuckdbEngine.DEFAULT_SCHEMA);
    return new DestinationReader() {
      @Override
      public List<Map<String, Object>> rows(ConfiguredCatalog catalog, ConfiguredStream stream) throws SQLException {
        return tables.rows(catalog.streams().stream().map(ConfiguredStream::descriptor).toList(),
            stream.descriptor(), stream.fieldNames());
      }

      @Override
      public void addColumn(ConfiguredCatalog catalog, ConfiguredStream stream, String column) throws SQLException {
        try (Statement statement = connection.createStatement()) {
          statement.execute("ALTER TABLE " + tables.table(catalog.streams().stream().map(ConfiguredStream::descriptor)
              .toList(), stream.descriptor()).sql() + " ADD COLUMN " + SqlIdentifiers.quote(column) + " VARCHAR");
        }
      }

      @Override
      public void close() throws SQLException {
        connection.close();
      }
    };
  }

  @Override
  protected Optional<JsonNode> unusableConfig(JsonNode workingConfig) {
    return Optional.of(Json.object("path", dir.resolve("no such folder").resolve("warehouse.duckdb").toString()));
  }
}

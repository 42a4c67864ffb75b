package ${package};

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.bool;
import static io.destkit.testkit.messages.FieldTypes.integer;
import static io.destkit.testkit.messages.FieldTypes.number;
import static io.destkit.testkit.messages.FieldTypes.string;
import static io.destkit.testkit.messages.FieldTypes.timestampWithTimezone;
import static io.destkit.testkit.messages.Json.object;
import static io.destkit.testkit.messages.Messages.record;
import static io.destkit.testkit.messages.Messages.streamStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.sql.TableNames;
import io.destkit.sql.sqlite.SqliteEngine;
import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.harness.RunResult;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.StreamStatus;
import io.destkit.testkit.messages.SyncInput;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What this destination adds to the standard suite: the tables it makes and how they grow. */
class ${connectorName}DestinationTest {
  private final DestinationRunner connector = DestinationRunner.inProcess(new ${connectorName}DestinationMain());

  @TempDir
  Path dir;

  @Test
  void eachStreamIsATableWithTheAirbyteColumnsAndATypedColumnPerField() throws SQLException {
    ConfiguredStream orders = ConfiguredStream.named("orders").inNamespace("Sales")
        .withFields(field("id", integer()), field("Total", number()), field("paid", bool()),
            field("placed_at", timestampWithTimezone()))
        .append();
    RunResult result = connector.write(config(), ConfiguredCatalog.of(orders), SyncInput.of(
        record(orders, object("id", 1, "Total", new BigDecimal("19.90"), "paid", true,
            "placed_at", "2024-05-01T12:00:00+02:00")),
        streamStatus(orders, StreamStatus.COMPLETE)));
    assertTrue(result.succeeded(), result::toString);

    String table;
    try (Connection connection = DriverManager.getConnection(jdbcUrl())) {
      table = TableNames.of(connection, new SqliteEngine(), null, List.of(orders.descriptor()), orders.descriptor())
          .name();
    }
    assertEquals("Sales_orders", table, "SQLite has no schemas: the namespace prefixes the table");
    Map<String, String> columns = columns(table);
    assertEquals("{_airbyte_raw_id=TEXT, _airbyte_extracted_at=TEXT, _airbyte_meta=TEXT,"
        + " _airbyte_generation_id=INTEGER, id=INTEGER, Total=NUMERIC, paid=BOOLEAN, placed_at=TIMESTAMPTZ}",
        columns.toString());
    try (Connection connection = DriverManager.getConnection(jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
      assertTrue(row.next());
      assertEquals(19.9, row.getDouble("Total"), "decimals as numbers");
      assertEquals(1, row.getInt("paid"));
      assertEquals("2024-05-01T10:00:00Z", row.getString("placed_at"), "timestamps with a zone in UTC");
    }
  }

  @Test
  void aFieldNewToTheSchemaBecomesANewColumn() throws SQLException {
    ConfiguredStream before = ConfiguredStream.named("users").withFields(field("id", integer())).append();
    ConfiguredStream after = ConfiguredStream.named("users").withFields(field("id", integer()),
        field("email", string())).append();
    assertTrue(connector.write(config(), ConfiguredCatalog.of(before), SyncInput.of(
        record(before, object("id", 1)), streamStatus(before, StreamStatus.COMPLETE))).succeeded());
    RunResult result = connector.write(config(), ConfiguredCatalog.of(after), SyncInput.of(
        record(after, object("id", 2, "email", "grace@example.com")), streamStatus(after, StreamStatus.COMPLETE)));
    assertTrue(result.succeeded(), result::toString);

    assertTrue(columns("users").containsKey("email"));
    try (Connection connection = DriverManager.getConnection(jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, email FROM users ORDER BY id")) {
      assertTrue(rows.next());
      assertNull(rows.getString("email"), "the earlier row has no value for the new column");
      assertTrue(rows.next());
      assertEquals("grace@example.com", rows.getString("email"));
    }
  }

  @Test
  void aDatabaseWithoutEngineFailsTheCheckSayingWhatToDo() {
    RunResult result = connector.check(object("jdbcUrl", "jdbc:postgresql://localhost:5432/warehouse"));
    JsonNode status = result.connectionStatus().orElseThrow();
    assertEquals("FAILED", status.path("status").asText(), result::toString);
    assertTrue(status.path("message").asText().contains("No SQL engine for jdbc:postgresql: URLs"), result::toString);
  }

  private JsonNode config() {
    return object("jdbcUrl", jdbcUrl());
  }

  private String jdbcUrl() {
    return "jdbc:sqlite:" + dir.resolve("warehouse.sqlite");
  }

  private Map<String, String> columns(String table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet info = statement.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
      while (info.next()) {
        columns.put(info.getString("name"), info.getString("type"));
      }
    }
    return columns;
  }
}

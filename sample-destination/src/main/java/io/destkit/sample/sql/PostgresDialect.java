package io.destkit.sample.sql;

import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.types.RawJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** PostgreSQL: namespaces are schemas; every Airbyte type has a native column type; JSON is JSONB. */
public final class PostgresDialect implements SqlDialect {
  @Override
  public int maxIdentifierLength() {
    return 63;
  }

  @Override
  public boolean caseInsensitiveNames() {
    return false;
  }

  @Override
  public TableName tableName(String namespace, String stream, String defaultSchema, Names tables) {
    String schema = Names.normalize(namespace == null ? defaultSchema : namespace, maxIdentifierLength());
    return new TableName(schema, tables.assign(stream));
  }

  @Override
  public void createSchema(Connection connection, TableName table) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + io.destkit.sample.jdbc.SqlIdentifiers.quote(table.schema()));
    }
  }

  @Override
  public Set<String> existingColumns(Connection connection, TableName table) throws SQLException {
    Set<String> columns = new LinkedHashSet<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
            + " ORDER BY ordinal_position")) {
      statement.setString(1, table.schema());
      statement.setString(2, table.name());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          columns.add(rows.getString(1));
        }
      }
    }
    return columns;
  }

  @Override
  public String columnType(AirbyteType type) {
    switch (type.kind()) {
      case STRING:
        return "TEXT";
      case BOOLEAN:
        return "BOOLEAN";
      case INTEGER:
        return "BIGINT";
      case NUMBER:
        return "NUMERIC";
      case DATE:
        return "DATE";
      case TIMESTAMP_WITH_TIMEZONE:
        return "TIMESTAMPTZ";
      case TIMESTAMP_WITHOUT_TIMEZONE:
        return "TIMESTAMP";
      case TIME_WITH_TIMEZONE:
        return "TIMETZ";
      case TIME_WITHOUT_TIMEZONE:
        return "TIME";
      case BINARY:
        return "BYTEA";
      default:
        return "JSONB";
    }
  }

  @Override
  public String rawIdType() {
    return "UUID NOT NULL";
  }

  @Override
  public String extractedAtType() {
    return "TIMESTAMPTZ NOT NULL";
  }

  @Override
  public String metaType() {
    return "JSONB NOT NULL";
  }

  @Override
  public String generationIdType() {
    return "BIGINT";
  }

  @Override
  public void bind(PreparedStatement statement, int index, Object value, AirbyteType type) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NULL);
    } else if (value instanceof RawJson json) {
      statement.setObject(index, json.json(), Types.OTHER);
    } else {
      statement.setObject(index, value);
    }
  }

  @Override
  public void bindRawId(PreparedStatement statement, int index, UUID rawId) throws SQLException {
    statement.setObject(index, rawId);
  }

  @Override
  public void bindExtractedAt(PreparedStatement statement, int index, long epochMillis) throws SQLException {
    statement.setObject(index, OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
  }

  @Override
  public void bindMeta(PreparedStatement statement, int index, String json) throws SQLException {
    statement.setObject(index, json, Types.OTHER);
  }
}

package io.destkit.sample.sql;

import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.types.RawJson;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import static java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME;
import static java.time.format.DateTimeFormatter.ISO_LOCAL_TIME;
import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;
import static java.time.format.DateTimeFormatter.ISO_OFFSET_TIME;

/**
 * SQLite: one file, no schemas (a namespace becomes a table-name prefix), dynamic typing. Dates and times are ISO-8601
 * text, always with seconds (timestamps with a zone in UTC, so that text order is time order), JSON is text, booleans
 * are 0 and 1.
 */
public final class SqliteDialect implements SqlDialect {
  private static final BigDecimal MAX_DOUBLE = new BigDecimal(Double.MAX_VALUE);

  @Override
  public int maxIdentifierLength() {
    // SQLite has no limit; a readable one keeps hashes of very long names short.
    return 128;
  }

  @Override
  public boolean caseInsensitiveNames() {
    return true;
  }

  @Override
  public TableName tableName(String namespace, String stream, String defaultSchema, Names tables) {
    String name = namespace == null ? stream : namespace + "_" + stream;
    return new TableName(null, tables.assign(name));
  }

  @Override
  public void createSchema(Connection connection, TableName table) {
    // No schemas in SQLite.
  }

  @Override
  public Set<String> existingColumns(Connection connection, TableName table) throws SQLException {
    Set<String> columns = new LinkedHashSet<>();
    try (PreparedStatement statement = connection.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
      statement.setString(1, table.name());
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
      case BOOLEAN:
      case INTEGER:
        return "INTEGER";
      case NUMBER:
        return "NUMERIC";
      case BINARY:
        return "BLOB";
      default:
        return "TEXT";
    }
  }

  @Override
  public String rawIdType() {
    return "TEXT NOT NULL";
  }

  @Override
  public String extractedAtType() {
    return "TEXT NOT NULL";
  }

  @Override
  public String metaType() {
    return "TEXT NOT NULL";
  }

  @Override
  public String generationIdType() {
    return "INTEGER";
  }

  /** SQLite stores numbers as 64-bit integers or doubles: a number beyond the double's range would become infinity. */
  @Override
  public boolean fits(Object value) {
    return !(value instanceof BigDecimal decimal) || decimal.abs().compareTo(MAX_DOUBLE) <= 0;
  }

  @Override
  public void bind(PreparedStatement statement, int index, Object value, AirbyteType type) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NULL);
    } else if (value instanceof String text) {
      statement.setString(index, text);
    } else if (value instanceof Long number) {
      statement.setLong(index, number);
    } else if (value instanceof Boolean bool) {
      statement.setInt(index, bool ? 1 : 0);
    } else if (value instanceof BigDecimal decimal) {
      statement.setBigDecimal(index, decimal);
    } else if (value instanceof byte[] bytes) {
      statement.setBytes(index, bytes);
    } else if (value instanceof OffsetDateTime timestamp) {
      statement.setString(index, ISO_OFFSET_DATE_TIME.format(timestamp.withOffsetSameInstant(ZoneOffset.UTC)));
    } else if (value instanceof LocalDateTime timestamp) {
      statement.setString(index, ISO_LOCAL_DATE_TIME.format(timestamp));
    } else if (value instanceof LocalTime time) {
      statement.setString(index, ISO_LOCAL_TIME.format(time));
    } else if (value instanceof OffsetTime time) {
      statement.setString(index, ISO_OFFSET_TIME.format(time));
    } else if (value instanceof RawJson json) {
      statement.setString(index, json.json());
    } else {
      // LocalDate: yyyy-MM-dd.
      statement.setString(index, value.toString());
    }
  }

  @Override
  public void bindRawId(PreparedStatement statement, int index, UUID rawId) throws SQLException {
    statement.setString(index, rawId.toString());
  }

  @Override
  public void bindExtractedAt(PreparedStatement statement, int index, long epochMillis) throws SQLException {
    statement.setString(index, Instant.ofEpochMilli(epochMillis).toString());
  }

  @Override
  public void bindMeta(PreparedStatement statement, int index, String json) throws SQLException {
    statement.setString(index, json);
  }
}

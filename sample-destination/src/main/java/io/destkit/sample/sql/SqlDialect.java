package io.destkit.sample.sql;

import io.destkit.runtime.types.AirbyteType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;

/** What differs between the engines: names, column types, DDL, and how values are bound. */
public interface SqlDialect {
  /** The longest identifier the engine keeps. */
  int maxIdentifierLength();

  /** Whether two identifiers that differ only by case are the same to the engine, even quoted. */
  boolean caseInsensitiveNames();

  /** The table of a stream: its namespace (or the default) as schema where the engine has schemas. */
  TableName tableName(String namespace, String stream, String defaultSchema, Names tables);

  /** Creates the table's schema when missing; nothing where the engine has no schemas. */
  void createSchema(Connection connection, TableName table) throws SQLException;

  /** The names of the table's columns; empty when it does not exist. */
  Set<String> existingColumns(Connection connection, TableName table) throws SQLException;

  /** The column type for values of an Airbyte type. */
  String columnType(AirbyteType type);

  /** Column types of {@code _airbyte_raw_id}, {@code _airbyte_extracted_at}, {@code _airbyte_meta}, {@code _airbyte_generation_id}. */
  String rawIdType();

  String extractedAtType();

  String metaType();

  String generationIdType();

  /**
   * Whether a decoded value fits its column; one that does not is stored as null, with a
   * {@code DESTINATION_FIELD_SIZE_LIMITATION} change.
   */
  default boolean fits(Object value) {
    return true;
  }

  /** Binds a column value (as the runtime decoded it, or null) for a column of {@code type}. */
  void bind(PreparedStatement statement, int index, Object value, AirbyteType type) throws SQLException;

  void bindRawId(PreparedStatement statement, int index, UUID rawId) throws SQLException;

  void bindExtractedAt(PreparedStatement statement, int index, long epochMillis) throws SQLException;

  void bindMeta(PreparedStatement statement, int index, String json) throws SQLException;
}

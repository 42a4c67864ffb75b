package ${package};

import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.write.StreamDescriptor;

/**
 * SQLite: one database file, no schemas, so a stream in a namespace goes to the table
 * {@code <namespace>__<stream>} ({@link Names#tablePart} keeps that unambiguous). SQLite's column types are loose:
 * decimals are stored as text, since its REAL would round them; dates and times as ISO-8601 text; objects, arrays and
 * unions as JSON text.
 */
public final class SqliteDialect implements SqlDialect {
  @Override
  public TableName tableName(StreamDescriptor stream) {
    String name = Names.tablePart(stream.name());
    return new TableName(null, stream.namespace() == null ? name : Names.tablePart(stream.namespace()) + "__" + name);
  }

  @Override
  public String columnType(AirbyteType type) {
    return switch (type.kind()) {
      case BOOLEAN, INTEGER -> "INTEGER";
      case BINARY -> "BLOB";
      case STRING, NUMBER, DATE, TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_WITHOUT_TIMEZONE, TIME_WITH_TIMEZONE,
          TIME_WITHOUT_TIMEZONE, ARRAY, OBJECT, UNION, UNKNOWN -> "TEXT";
    };
  }

  @Override
  public Object bindValue(Object value, AirbyteType type) {
    if (value instanceof Boolean) {
      return (Boolean) value ? 1 : 0;
    }
    return SqlValues.plain(value);
  }
}

package ${package};

import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.write.Column;
import io.destkit.runtime.write.StreamContext;
import java.util.ArrayList;
import java.util.List;

/**
 * How a stream lands: its table, and a column per field of its schema (in the order of the record's values) after
 * the Airbyte columns.
 *
 * @param table the stream's table
 * @param columns the column of each field of the stream, in schema order
 */
public record TablePlan(TableName table, List<ColumnDefinition> columns) {
  /** The id of the record, a UUID. */
  public static final String RAW_ID = "_airbyte_raw_id";
  /** When the source extracted the record, ISO-8601 in UTC. */
  public static final String EXTRACTED_AT = "_airbyte_extracted_at";
  /** {@code {sync_id, changes}} as JSON. */
  public static final String META = "_airbyte_meta";
  /** The generation the record was written in. */
  public static final String GENERATION_ID = "_airbyte_generation_id";

  /** A column: its identifier and the Airbyte type of its values. */
  public record ColumnDefinition(String name, AirbyteType type) {}

  /** The plan of {@code stream} in {@code dialect}. */
  public static TablePlan of(StreamContext stream, SqlDialect dialect) {
    List<ColumnDefinition> columns = new ArrayList<>();
    for (Column column : stream.columns()) {
      columns.add(new ColumnDefinition(Names.column(column.name()), column.type()));
    }
    return new TablePlan(dialect.tableName(stream.descriptor()), columns);
  }

  /** The Airbyte columns, then the fields'. */
  public List<ColumnDefinition> allColumns() {
    List<ColumnDefinition> all = new ArrayList<>();
    all.add(new ColumnDefinition(RAW_ID, AirbyteType.STRING));
    all.add(new ColumnDefinition(EXTRACTED_AT, AirbyteType.TIMESTAMP_WITH_TIMEZONE));
    all.add(new ColumnDefinition(META, AirbyteType.UNKNOWN));
    all.add(new ColumnDefinition(GENERATION_ID, AirbyteType.INTEGER));
    all.addAll(columns);
    return all;
  }
}

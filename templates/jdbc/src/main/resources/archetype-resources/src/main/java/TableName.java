package ${package};

/**
 * A table: its schema (null where the database has none, as SQLite) and its name, both identifiers as
 * {@link Names} makes them (unquoted; {@link SqlDialect#qualified} quotes them).
 */
public record TableName(String schema, String name) {
  /**
   * Where an overwrite stages its rows until the stream is complete: the table's name with {@code $airbyte_stage}
   * appended. No stream's table has a {@code $} in its name, so a staging table never takes one's place.
   */
  public TableName stage() {
    return new TableName(schema, name + "$airbyte_stage");
  }
}

package io.destkit.sql;

/**
 * The tables of one stream. The final table is what people query. Overwrite and truncate refresh load into the
 * staging table and swap it in when the stream ends COMPLETE; dedup keeps the rows that CDC deleted (the newest
 * version of each deleted key) in a tombstone table beside its target, so that an older version arriving later
 * cannot bring the row back. The load table receives batches before they are moved or merged into the target.
 */
public record StreamTables(TableName finalTable, TableName staging, TableName deleted, TableName stagingDeleted,
    TableName load) {

  static final String STAGING = "$airbyte_tmp";
  static final String DELETED = "$airbyte_deleted";
  static final String STAGING_DELETED = "$airbyte_tmp_deleted";
  static final String LOAD = "$airbyte_load";

  /** The tables of the stream whose final table is {@code finalTable}; the load table goes to {@code loadSchema}. */
  static StreamTables of(TableName finalTable, String loadSchema, int maxIdentifierLength) {
    String name = finalTable.name();
    return new StreamTables(finalTable,
        new TableName(finalTable.schema(), Names.helper(name, STAGING, maxIdentifierLength)),
        new TableName(finalTable.schema(), Names.helper(name, DELETED, maxIdentifierLength)),
        new TableName(finalTable.schema(), Names.helper(name, STAGING_DELETED, maxIdentifierLength)),
        new TableName(loadSchema == null ? finalTable.schema() : loadSchema,
            Names.helper(name, LOAD, maxIdentifierLength)));
  }
}

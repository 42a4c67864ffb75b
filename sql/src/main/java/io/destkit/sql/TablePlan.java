package io.destkit.sql;

import io.destkit.runtime.write.StreamContext;
import java.util.List;
import java.util.Set;

/**
 * How a stream is loaded, fixed when it starts: its tables, the column identifier and (widened) storage type of each
 * of its fields in the stream's column order, the columns of its primary key, cursor and CDC deletion time (indexes
 * into the columns, -1 when absent), and the {@code _airbyte_meta} of records without changes.
 *
 * @param keyColumns the columns of the primary key and cursor in any mode: their values are never nulled or changed
 * @param staged overwrite or truncate refresh: rows go to the staging table, swapped in at COMPLETE
 * @param dedup append_dedup: rows are merged by primary key
 */
public record TablePlan(StreamContext stream, StreamTables tables, List<String> columns, List<StorageType> types,
    List<Integer> primaryKey, int cursor, int deletedAt, Set<Integer> keyColumns, boolean staged, boolean dedup,
    String plainMeta) {

  /** The table that rows end up in during this sync. */
  TableName target() {
    return staged ? tables.staging() : tables.finalTable();
  }

  /** The tombstone table beside {@link #target()}. */
  TableName targetDeleted() {
    return staged ? tables.stagingDeleted() : tables.deleted();
  }

  /** The identifiers of the primary key's columns. */
  List<String> primaryKeyColumns() {
    return primaryKey.stream().map(columns::get).toList();
  }
}

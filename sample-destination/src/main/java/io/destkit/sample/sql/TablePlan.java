package io.destkit.sample.sql;

import io.destkit.runtime.write.StreamContext;
import java.util.List;

/**
 * Where a stream lands: its table, the column identifier of each of its fields (in the stream's column order), the
 * insert statement, and the {@code _airbyte_meta} of records without changes.
 */
record TablePlan(StreamContext stream, TableName table, List<String> columns, String insertSql, String plainMeta) {}

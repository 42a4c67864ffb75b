package io.destkit.sql;

import static io.destkit.sql.SqlIdentifiers.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The statements that move a stream's load table into its target, run in one transaction with the commit. Append
 * and overwrite insert the rows as they are. Dedup merges them by primary key: a version of a key is
 * newer than another when its cursor is newer (a null cursor being older than any), then when its
 * {@code _airbyte_extracted_at} is; between equal versions the one loaded last wins, so that loading the same
 * records again leaves the same table. Deleted keys (a non-null {@code _ab_cdc_deleted_at}) keep their newest
 * version in the tombstone table, so that an older version loaded later does not bring the row back:
 * <ol>
 *   <li>keep only the newest version of each key in the load table;</li>
 *   <li>drop from it the keys whose target row or tombstone is newer;</li>
 *   <li>delete the target rows and tombstones of the keys that remain;</li>
 *   <li>insert those rows into the target, or into the tombstones when deleted;</li>
 *   <li>empty the load table.</li>
 * </ol>
 * Rows whose key has a null part cannot be matched: each is kept, as in append.
 */
public final class MergeStatements {
  private static final String RANK = "_airbyte_rank";

  private MergeStatements() {}

  /** The statements that merge a dedup stream's load table into its target and tombstones. */
  static List<String> dedup(SqlDialect dialect, TablePlan plan) {
    TableName load = plan.tables().load();
    List<String> key = plan.primaryKeyColumns();
    String cursor = plan.cursor() < 0 ? null : quote(plan.columns().get(plan.cursor()));
    StorageType cursorType = plan.cursor() < 0 ? null : plan.types().get(plan.cursor());
    String deletedAt = plan.deletedAt() < 0 ? null : quote(plan.columns().get(plan.deletedAt()));
    String sequence = quote(TableEvolution.LOAD_SEQUENCE);
    String extractedAt = quote(TableEvolution.EXTRACTED_AT);

    StringJoiner partition = new StringJoiner(", ");
    StringJoiner anyNull = new StringJoiner(" OR ");
    for (String column : key) {
      partition.add(quote(column));
      anyNull.add(quote(column) + " IS NULL");
    }
    partition.add("CASE WHEN " + anyNull + " THEN " + sequence + " END");
    StringJoiner newestFirst = new StringJoiner(", ");
    if (cursor != null) {
      newestFirst.add("CASE WHEN " + cursor + " IS NULL THEN 0 ELSE 1 END DESC");
      newestFirst.add(dialect.orderKey(cursor, cursorType) + " DESC");
    }
    newestFirst.add(extractedAt + " DESC").add(sequence + " DESC");

    String columns = columnList(plan);
    List<String> statements = new ArrayList<>();
    if (dialect.analyze(load) != null) {
      statements.add(dialect.analyze(load));
    }
    statements.add("DELETE FROM " + load.sql() + " WHERE " + sequence + " IN (SELECT " + sequence + " FROM (SELECT "
        + sequence + ", ROW_NUMBER() OVER (PARTITION BY " + partition + " ORDER BY " + newestFirst + ") AS " + RANK
        + " FROM " + load.sql() + ") AS ranked WHERE " + RANK + " > 1)");
    String newer = newer("e", "w", cursor, cursorType, dialect);
    for (TableName existing : deduplicatedTables(plan)) {
      statements.add("DELETE FROM " + load.sql() + " AS w WHERE EXISTS (SELECT 1 FROM " + existing.sql()
          + " AS e WHERE " + SqlDialect.keysEqual("e", "w", key) + " AND " + newer + ")");
    }
    for (TableName existing : deduplicatedTables(plan)) {
      statements.add(dialect.deleteMatching(existing, load, key));
    }
    if (deletedAt == null) {
      statements.add("INSERT INTO " + plan.target().sql() + " (" + columns + ") SELECT " + columns + " FROM "
          + load.sql());
    } else {
      StringJoiner keyPresent = new StringJoiner(" AND ");
      key.forEach(column -> keyPresent.add(quote(column) + " IS NOT NULL"));
      statements.add("INSERT INTO " + plan.target().sql() + " (" + columns + ") SELECT " + columns + " FROM "
          + load.sql() + " WHERE " + deletedAt + " IS NULL");
      statements.add("INSERT INTO " + plan.targetDeleted().sql() + " (" + columns + ") SELECT " + columns + " FROM "
          + load.sql() + " WHERE " + deletedAt + " IS NOT NULL AND " + keyPresent);
    }
    statements.add(dialect.clear(load));
    return statements;
  }

  /** The statements that move an append or overwrite stream's load table into its target. */
  static List<String> append(SqlDialect dialect, TablePlan plan) {
    String columns = columnList(plan);
    return List.of(
        "INSERT INTO " + plan.target().sql() + " (" + columns + ") SELECT " + columns + " FROM "
            + plan.tables().load().sql(),
        dialect.clear(plan.tables().load()));
  }

  /** The target and its tombstones; only the target when the stream has no CDC deletions. */
  private static List<TableName> deduplicatedTables(TablePlan plan) {
    return plan.deletedAt() < 0 ? List.of(plan.target()) : List.of(plan.target(), plan.targetDeleted());
  }

  /** Every column of the target: Airbyte's, then the stream's. */
  public static String columnList(TablePlan plan) {
    StringJoiner names = new StringJoiner(", ");
    columnNames(plan).forEach(column -> names.add(quote(column)));
    return names.toString();
  }

  /** The names of {@link #columnList}, unquoted, in its order. */
  public static List<String> columnNames(TablePlan plan) {
    List<String> names = new ArrayList<>(List.of(TableEvolution.RAW_ID, TableEvolution.EXTRACTED_AT,
        TableEvolution.META, TableEvolution.GENERATION_ID));
    names.addAll(plan.columns());
    return names;
  }

  /** Whether row {@code e} is a strictly newer version of its key than row {@code w}. */
  private static String newer(String e, String w, String cursor, StorageType cursorType, SqlDialect dialect) {
    String extractedAt = quote(TableEvolution.EXTRACTED_AT);
    String laterExtraction = e + "." + extractedAt + " > " + w + "." + extractedAt;
    if (cursor == null) {
      return "(" + laterExtraction + ")";
    }
    String ec = e + "." + cursor;
    String wc = w + "." + cursor;
    String ek = dialect.orderKey(ec, cursorType);
    String wk = dialect.orderKey(wc, cursorType);
    return "(CASE WHEN " + ec + " IS NULL AND " + wc + " IS NULL THEN " + laterExtraction
        + " WHEN " + ec + " IS NULL THEN FALSE WHEN " + wc + " IS NULL THEN TRUE"
        + " WHEN " + ek + " = " + wk + " THEN " + laterExtraction
        + " ELSE " + ek + " > " + wk + " END)";
  }
}

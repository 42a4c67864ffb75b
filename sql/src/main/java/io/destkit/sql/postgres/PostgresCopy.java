package io.destkit.sql.postgres;

import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.sql.MergeStatements;
import io.destkit.sql.SqlIdentifiers;
import io.destkit.sql.TableEvolution;
import io.destkit.sql.TableName;
import io.destkit.sql.TablePlan;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Batches as COPY data, for {@link PostgresWarehouse}: in COPY's binary format ({@link PostgresBinary}) into a table
 * whose every column type has one here, as CSV ({@link PostgresCsv}) into any other; sent to the driver in chunks.
 */
final class PostgresCopy {
  /** Bytes of COPY data handed to the driver at a time. */
  private static final int COPY_CHUNK = 1 << 20;

  /** The size of the array chunks are written in: a chunk and room for the row that ends it. */
  private static final int CHUNK_CAPACITY = COPY_CHUNK + (1 << 16);
  /** Kept chunks' buffers held for later chunks at most (about 70 MB): twice what a commit's window of input makes. */
  private static final int MAX_FREE = 64;

  /**
   * A chunk of COPY data, kept to be sent again: bytes {@code [0, length)} of {@code data}. A chunk of a quarter of
   * {@link #COPY_CHUNK} or more is kept outside the heap, in a direct buffer of the pool; a smaller one (a small
   * batch's), or one that a large row made longer than the pool's buffers, in an array of its own size.
   */
  record Chunk(ByteBuffer data, int length) {}

  /** A batch as copied: its COPY statement and data, to send again on a new connection until the commit. */
  record Copied(String sql, List<Chunk> chunks) {}
  /** Gives a record's values in the form their columns store, and its {@code _airbyte_meta}. */
  interface Rows {
    String row(TablePlan plan, RecordBatch batch, int index, Object[] values);
  }

  /** Per table copied to in this sync: its binary column kinds, or null for CSV ({@link #binaryKinds}). */
  private final Map<TableName, PostgresBinary.Kind[]> forms = new HashMap<>();
  /**
   * The array COPY data is written in, batch after batch; null before the first or after a large row grew it far. A
   * batch's data is kept until the commit, to send again after a lost connection, but not in the heap: kept there
   * (as 1 MB arrays, reused across commits) it was the bulk of what each young collection copied, 90 MB by the
   * first second of a sync, and the JVM's default collector grew its heap to 1.4 GB for it (BENCHMARKS.md, issue 18).
   * Copied into direct buffers, it is written once and read again only to be replayed.
   */
  private byte[] scratch;
  private final ArrayDeque<ByteBuffer> free = new ArrayDeque<>();

  /**
   * Copies {@code records} of {@code plan} into {@code table}, numbered from {@code firstSequence} in the load
   * sequence column (-1: the table has none); in COPY's binary format when every column has one here ({@link
   * PostgresBinary}), else as CSV. {@code rows} gives each record's values in the form their columns store. Returns
   * what was sent, as bytes: kept in place of the records, it takes less memory than they do.
   */
  Copied copy(Connection current, TableName table, TablePlan plan, RecordBatch records, long firstSequence,
      Rows rows) throws SQLException {
    boolean withSequence = firstSequence >= 0;
    StringJoiner columns = new StringJoiner(", ");
    columns.add(MergeStatements.columnList(plan));
    if (withSequence) {
      columns.add(SqlIdentifiers.quote(TableEvolution.LOAD_SEQUENCE));
    }
    PostgresBinary.Kind[] kinds = binaryKinds(current, table, plan, withSequence);
    String copySql = "COPY " + table.sql() + " (" + columns + ") FROM STDIN WITH (FORMAT "
        + (kinds == null ? "csv" : "binary") + ")";
    List<Chunk> chunks = new ArrayList<>();
    CopyIn copy = current.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    try {
      CopyData out = kinds == null ? new PostgresCsv()
          : new PostgresBinary(Arrays.copyOfRange(kinds, 4, 4 + plan.columns().size()));
      out.writeInto(scratch == null ? new byte[CHUNK_CAPACITY] : scratch);
      try {
        write(copy, out, plan, records, firstSequence, rows, chunks);
      } finally {
        // Written in by the next batch, unless a large row grew it far past a chunk's size.
        scratch = out.bytes().length > 4 * CHUNK_CAPACITY ? null : out.bytes();
      }
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
    return new Copied(copySql, chunks);
  }

  /** Sends a batch copied before (on a connection since lost) again. */
  static void replay(Connection current, Copied copied) throws SQLException {
    CopyIn copy = current.unwrap(PGConnection.class).getCopyAPI().copyIn(copied.sql());
    try {
      byte[] transfer = null;
      for (Chunk chunk : copied.chunks()) {
        if (chunk.data().hasArray()) {
          copy.writeToCopy(chunk.data().array(), 0, chunk.length());
        } else {
          transfer = transfer == null || transfer.length < chunk.length() ? new byte[chunk.length()] : transfer;
          chunk.data().get(0, transfer, 0, chunk.length());
          copy.writeToCopy(transfer, 0, chunk.length());
        }
      }
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  /** Sends {@code bytes[0, length)} and keeps a copy of them in {@code chunks}. */
  private void send(CopyIn copy, byte[] bytes, int length, List<Chunk> chunks) throws SQLException {
    copy.writeToCopy(bytes, 0, length);
    ByteBuffer kept;
    if (length < COPY_CHUNK / 4 || length > CHUNK_CAPACITY) {
      kept = ByteBuffer.wrap(Arrays.copyOf(bytes, length));
    } else {
      kept = free.poll();
      kept = kept != null ? kept : ByteBuffer.allocateDirect(CHUNK_CAPACITY);
      kept.put(0, bytes, 0, length);
    }
    chunks.add(new Chunk(kept, length));
  }

  /** The batches were committed: their data will not be sent again, and their buffers take later chunks. */
  void release(List<Copied> committed) {
    for (Copied batch : committed) {
      for (Chunk chunk : batch.chunks()) {
        // A small chunk's array is left to the collector; a direct buffer beyond the pool's size to its cleaner.
        if (chunk.data().isDirect() && free.size() < MAX_FREE) {
          free.push(chunk.data());
        }
      }
    }
  }

  /**
   * The binary kinds of the columns a batch of {@code plan} is copied to, in COPY's order, or null when the table has
   * a column type without one here (a table made by hand, say): such a table is copied as CSV. Asked once per table
   * and sync; tables change only while streams are prepared, before anything is copied.
   */
  private PostgresBinary.Kind[] binaryKinds(Connection current, TableName table, TablePlan plan, boolean withSequence)
      throws SQLException {
    if (forms.containsKey(table)) {
      return forms.get(table);
    }
    Map<String, String> types = new HashMap<>();
    try (PreparedStatement statement = current.prepareStatement("SELECT attname, format_type(atttypid, atttypmod) "
        + "FROM pg_attribute WHERE attrelid = CAST(? AS regclass) AND attnum > 0 AND NOT attisdropped")) {
      statement.setString(1, table.sql());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          types.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    for (String column : MergeStatements.columnNames(plan)) {
      ordered.add(types.getOrDefault(column, ""));
    }
    if (withSequence) {
      ordered.add(types.getOrDefault(TableEvolution.LOAD_SEQUENCE, ""));
    }
    PostgresBinary.Kind[] kinds = PostgresBinary.kinds(ordered);
    // The Airbyte columns as the warehouse makes them, and each data column of the kind its values are written as.
    boolean binary = kinds != null && kinds[0] == PostgresBinary.Kind.UUID
        && kinds[1] == PostgresBinary.Kind.TIMESTAMPTZ && kinds[2] == PostgresBinary.Kind.JSONB
        && kinds[3] == PostgresBinary.Kind.BIGINT
        && (!withSequence || kinds[kinds.length - 1] == PostgresBinary.Kind.BIGINT);
    for (int i = 0; binary && i < plan.types().size(); i++) {
      binary = kinds[4 + i] == PostgresBinary.kindOf(plan.types().get(i));
    }
    PostgresBinary.Kind[] form = binary ? kinds : null;
    forms.put(table, form);
    return form;
  }

  /**
   * Writes the rows in COPY's column order ({@link MergeStatements#columnNames}, then the load sequence) and sends
   * them a chunk at a time.
   */
  private void write(CopyIn copy, CopyData out, TablePlan plan, RecordBatch records, long firstSequence,
      Rows rows, List<Chunk> chunks) throws SQLException {
    Object[] values = new Object[plan.columns().size()];
    long generation = plan.stream().generationId();
    String plainMeta = plan.plainMeta();
    int fields = 4 + values.length + (firstSequence >= 0 ? 1 : 0);
    out.startData();
    for (int r = 0; r < records.size(); r++) {
      Record record = records.records().get(r);
      String meta = rows.row(plan, records, r, values);
      out.startRow(fields);
      out.uuid(record.rawId());
      out.extractedAt(record.emittedAt());
      String cleanMeta = meta == plainMeta ? null : JsonEscapes.forPostgres(meta);
      out.meta(cleanMeta == null ? meta : cleanMeta);
      out.bigint(generation);
      for (int i = 0; i < values.length; i++) {
        out.column(i, values[i]);
      }
      if (firstSequence >= 0) {
        out.bigint(firstSequence + r);
      }
      out.endRow();
      if (out.length() >= COPY_CHUNK) {
        send(copy, out.bytes(), out.length(), chunks);
        out.clear();
      }
    }
    out.endData();
    send(copy, out.bytes(), out.length(), chunks);
    out.clear();
  }
}

package io.destkit.testkit.memory;

import io.destkit.annotations.DestinationSyncMode;
import io.destkit.runtime.files.StagedFile;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.StreamDescriptor;
import io.destkit.runtime.write.WriteHandlers;
import io.destkit.testkit.suite.DestinationReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes into a {@link MemoryStore}: records wait in a transaction until commit; overwrite stages rows and swaps them
 * in when the stream completes; append_dedup keeps the newest record per key (and that of each deleted key apart,
 * so that an older version does not bring it back); a truncate refresh removes older generations when the stream
 * completes. Files of append streams are kept by relative path, committed with their records.
 */
final class MemoryWriter implements WriteHandlers {
  private static final Set<DestinationSyncMode> MODES = Set.of(DestinationSyncMode.APPEND,
      DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND_DEDUP);

  private final MemoryStore store;
  private final MemoryDestination.Flaw flaw;
  private final Map<StreamDescriptor, StreamContext> streams = new HashMap<>();
  private final Map<StreamDescriptor, List<Map<String, Object>>> pending = new LinkedHashMap<>();
  private final Map<StreamDescriptor, List<Map<String, Object>>> staged = new HashMap<>();
  private final Map<StreamDescriptor, Map<String, byte[]>> pendingFiles = new HashMap<>();
  /** Where a file would go, for the runtime's check that its path stays inside. */
  private static final Path ROOT = Path.of("/memory");

  MemoryWriter(MemoryStore store, MemoryDestination.Flaw flaw) {
    this.store = store;
    this.flaw = flaw;
  }

  @Override
  public boolean accepts(StreamContext stream) {
    return MODES.contains(stream.destinationSyncMode());
  }

  @Override
  public boolean acceptsFiles(StreamContext stream) {
    return stream.destinationSyncMode() == DestinationSyncMode.APPEND;
  }

  @Override
  public void streamStart(StreamContext stream) {
    streams.put(stream.descriptor(), stream);
    if (stream.destinationSyncMode() == DestinationSyncMode.OVERWRITE) {
      staged.put(stream.descriptor(), new ArrayList<>());
    }
  }

  @Override
  public void records(RecordBatch batch) throws Exception {
    StreamContext stream = batch.stream();
    List<Map<String, Object>> rows = pending.computeIfAbsent(stream.descriptor(), k -> new ArrayList<>());
    for (int i = 0; i < batch.size(); i++) {
      Record record = batch.records().get(i);
      refuseANulledCursor(stream, record);
      if (flaw == MemoryDestination.Flaw.TRUSTS_STAGED_FILES && record.file() != null) {
        pendingFiles.computeIfAbsent(stream.descriptor(), k -> new HashMap<>()).put(
            record.file().sourceFileRelativePath(), Files.readAllBytes(Path.of(record.file().stagingFileUrl())));
        rows.add(row(stream, record));
        continue;
      }
      Optional<StagedFile> file = batch.file(i);
      if (file.isPresent()) {
        file.get().target(ROOT);
        pendingFiles.computeIfAbsent(stream.descriptor(), k -> new HashMap<>())
            .put(file.get().relativePath(), Files.readAllBytes(file.get().path()));
      }
      rows.add(row(stream, record));
    }
  }

  /** The runtime nulls a cursor value that does not fit its type; the contract never lets it be stored so. */
  private static void refuseANulledCursor(StreamContext stream, Record record) {
    for (MetaChange change : record.changes()) {
      if (!stream.cursorField().isEmpty() && change.field().equals(stream.cursorField().get(0))) {
        throw new IllegalStateException("A record of stream " + stream.descriptor() + " has a value of its cursor"
            + " field '" + change.field() + "' that does not fit the field's type; a cursor is never nulled.");
      }
    }
  }

  private Map<String, Object> row(StreamContext stream, Record record) {
    Map<String, Object> row = new LinkedHashMap<>();
    int columns = stream.columns().size();
    for (int i = 0; i < columns; i++) {
      String name = stream.columns().get(i).name();
      if (flaw == MemoryDestination.Flaw.DROPS_THE_LAST_FIELD && i == columns - 1 && columns > 1) {
        continue;
      }
      boolean key = stream.primaryKey().stream().anyMatch(path -> path.get(0).equals(name));
      row.put(name, flaw == MemoryDestination.Flaw.NULLS_THE_PRIMARY_KEY && key ? null : record.value(i));
    }
    row.put(DestinationReader.RAW_ID, record.rawId());
    row.put(DestinationReader.EXTRACTED_AT, Instant.ofEpochMilli(record.emittedAt()));
    row.put(DestinationReader.META, meta(stream.syncId(), record.changes()));
    row.put(DestinationReader.GENERATION_ID, stream.generationId());
    return row;
  }

  @Override
  public void commit() {
    if (flaw != MemoryDestination.Flaw.COMMITS_ONLY_AT_CLOSE) {
      apply();
    }
  }

  private void apply() {
    synchronized (store) {
      for (Map.Entry<StreamDescriptor, List<Map<String, Object>>> entry : pending.entrySet()) {
        StreamContext stream = streams.get(entry.getKey());
        switch (stream.destinationSyncMode()) {
          case OVERWRITE:
            staged.get(entry.getKey()).addAll(entry.getValue());
            break;
          case APPEND_DEDUP:
            List<Map<String, Object>> table = store.tables.computeIfAbsent(entry.getKey(), k -> new ArrayList<>());
            List<Map<String, Object>> deleted = store.deleted.computeIfAbsent(entry.getKey(),
                k -> new ArrayList<>());
            entry.getValue().forEach(row -> upsert(table, deleted, row, stream));
            break;
          default:
            store.tables.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).addAll(entry.getValue());
        }
      }
      pendingFiles.forEach((stream, files) -> store.files.computeIfAbsent(stream, k -> new HashMap<>())
          .putAll(files));
    }
    pending.clear();
    pendingFiles.clear();
  }

  /**
   * Keeps {@code row} if it is the newest version of its key, in {@code table}, or among the {@code deleted} rows
   * when the source deleted it: the newest version of a deleted key stays there, so that an older one cannot bring
   * the row back. A key with a null part matches nothing (CONTRACT: Sync modes): the row is kept as in append.
   */
  private void upsert(List<Map<String, Object>> table, List<Map<String, Object>> deleted,
      Map<String, Object> row, StreamContext stream) {
    boolean isDelete = row.get("_ab_cdc_deleted_at") != null;
    List<Object> key = key(row, stream);
    if (key.contains(null) && flaw != MemoryDestination.Flaw.MATCHES_NULL_KEY_PARTS) {
      if (!isDelete) {
        table.add(row);
      }
      return;
    }
    Map<String, Object> existing = find(table, key, stream);
    Map<String, Object> tombstone = find(deleted, key, stream);
    Map<String, Object> current = existing != null ? existing : tombstone;
    if (current != null && !newer(row, current, stream)) {
      return;
    }
    table.remove(existing);
    deleted.remove(tombstone);
    if (!isDelete) {
      table.add(row);
    } else if (flaw != MemoryDestination.Flaw.FORGETS_DELETED_KEYS) {
      deleted.add(row);
    }
  }

  private static Map<String, Object> find(List<Map<String, Object>> rows, List<Object> key, StreamContext stream) {
    for (Map<String, Object> candidate : rows) {
      if (key(candidate, stream).equals(key)) {
        return candidate;
      }
    }
    return null;
  }

  private static List<Object> key(Map<String, Object> row, StreamContext stream) {
    List<Object> key = new ArrayList<>();
    stream.primaryKey().forEach(path -> key.add(row.get(path.get(0))));
    return key;
  }

  /** The newest cursor wins, a null cursor being the oldest; then the newest extraction. */
  private static boolean newer(Map<String, Object> row, Map<String, Object> than, StreamContext stream) {
    if (!stream.cursorField().isEmpty()) {
      String cursor = stream.cursorField().get(0);
      int order = compare(row.get(cursor), than.get(cursor));
      if (order != 0) {
        return order > 0;
      }
    }
    return ((Instant) row.get(DestinationReader.EXTRACTED_AT))
        .compareTo((Instant) than.get(DestinationReader.EXTRACTED_AT)) > 0;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a == null || b == null) {
      return a == b ? 0 : a == null ? -1 : 1;
    }
    if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
      return x.toInstant().compareTo(y.toInstant());
    }
    return ((Comparable) a).compareTo(b);
  }

  @Override
  public void streamComplete(StreamContext stream) {
    synchronized (store) {
      if (stream.destinationSyncMode() == DestinationSyncMode.OVERWRITE) {
        store.tables.put(stream.descriptor(), staged.remove(stream.descriptor()));
      } else if (stream.truncatesOlderGenerations()) {
        store.tables.getOrDefault(stream.descriptor(), new ArrayList<>()).removeIf(
            row -> ((Long) row.get(DestinationReader.GENERATION_ID)) < stream.generationId());
      }
    }
  }

  @Override
  public void close() {
    if (flaw == MemoryDestination.Flaw.COMMITS_ONLY_AT_CLOSE) {
      apply();
    }
    pending.clear();
  }

  private static String meta(long syncId, List<MetaChange> changes) {
    StringBuilder json = new StringBuilder("{\"sync_id\":").append(syncId).append(",\"changes\":[");
    for (int i = 0; i < changes.size(); i++) {
      MetaChange change = changes.get(i);
      json.append(i == 0 ? "" : ",").append("{\"field\":\"").append(change.field().replace("\\", "\\\\")
          .replace("\"", "\\\"")).append("\",\"change\":\"").append(change.change().protocolValue())
          .append("\",\"reason\":\"").append(change.reason().protocolValue()).append("\"}");
    }
    return json.append("]}").toString();
  }
}

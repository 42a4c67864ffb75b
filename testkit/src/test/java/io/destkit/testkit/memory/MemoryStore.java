package io.destkit.testkit.memory;

import io.destkit.runtime.write.StreamDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The committed tables of one in-memory destination, found by name. Thread-safe: callers lock the store. */
public final class MemoryStore {
  private static final Map<String, MemoryStore> STORES = new ConcurrentHashMap<>();

  final Map<StreamDescriptor, List<Map<String, Object>>> tables = new HashMap<>();
  /** The newest version of each key deleted at the source, per append_dedup stream: never read back as rows. */
  final Map<StreamDescriptor, List<Map<String, Object>>> deleted = new HashMap<>();
  /** The committed files of each stream, by their relative path. */
  final Map<StreamDescriptor, Map<String, byte[]>> files = new HashMap<>();

  private MemoryStore() {}

  /** The store called {@code name}, created on first use. */
  public static MemoryStore named(String name) {
    return STORES.computeIfAbsent(name, n -> new MemoryStore());
  }

  /** The names of the stores not dropped. */
  public static Set<String> names() {
    return Set.copyOf(STORES.keySet());
  }

  /** Forgets the store called {@code name}. */
  public static void drop(String name) {
    STORES.remove(name);
  }

  /** The committed file of {@code stream} at {@code relativePath}, if there is one. */
  public synchronized Optional<byte[]> file(StreamDescriptor stream, String relativePath) {
    return Optional.ofNullable(files.getOrDefault(stream, Map.of()).get(relativePath)).map(byte[]::clone);
  }

  /** Gives each row of {@code stream} a null {@code column}, as a user altering the table would. */
  public synchronized void addColumn(StreamDescriptor stream, String column) {
    for (Map<String, Object> row : tables.getOrDefault(stream, List.of())) {
      row.putIfAbsent(column, null);
    }
  }

  /** Copies of the committed rows of {@code stream}; empty when it has none. */
  public synchronized List<Map<String, Object>> rows(StreamDescriptor stream) {
    List<Map<String, Object>> copies = new ArrayList<>();
    for (Map<String, Object> row : tables.getOrDefault(stream, List.of())) {
      copies.add(new LinkedHashMap<>(row));
    }
    return copies;
  }
}

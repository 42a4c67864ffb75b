package io.destkit.testkit.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.testkit.messages.ConfiguredStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Compares the rows a {@link DestinationReader} read with the records that should have landed: rows are matched by
 * the stream's primary key (or its {@code id} field), then every field and Airbyte column is compared by meaning.
 * Gives every problem at once, each a line a person can act on.
 */
final class RowCheck {
  private final ConfiguredStream stream;
  private final Map<String, AirbyteType> types;
  private final List<String> keyFields = new ArrayList<>();

  RowCheck(ConfiguredStream stream) {
    this.stream = stream;
    this.types = stream.fieldTypes();
    for (List<String> path : stream.primaryKey()) {
      keyFields.add(path.get(0));
    }
    if (keyFields.isEmpty()) {
      keyFields.add("id");
    }
    for (String key : keyFields) {
      if (!types.containsKey(key)) {
        throw new IllegalArgumentException("Stream " + stream + " has no field '" + key
            + "' to match rows by: give it a primary key or an id field");
      }
    }
  }

  /**
   * The problems of {@code rows} against {@code expected}; with {@code onlyThese}, rows that match no expected record
   * are problems too.
   */
  List<String> problems(List<Map<String, Object>> rows, List<ExpectedRow> expected, boolean onlyThese) {
    List<String> problems = new ArrayList<>();
    Map<String, List<Map<String, Object>>> byKey = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      String key = landedKey(row);
      if (key == null) {
        problems.add("a row landed without its key (" + String.join(", ", keyFields) + " null or unreadable): "
            + showRow(row));
      } else {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
      }
    }
    Set<String> expectedKeys = new HashSet<>();
    for (ExpectedRow row : expected) {
      String key = sentKey(row);
      expectedKeys.add(key);
      List<Map<String, Object>> landed = byKey.getOrDefault(key, List.of());
      if (landed.isEmpty()) {
        problems.add("row " + key + " did not land (sent: " + ValueMeaning.show(row.record.data()) + ")");
        continue;
      }
      if (landed.size() > 1) {
        problems.add("row " + key + " landed " + landed.size() + " times, expected once");
      }
      for (String problem : compare(row, landed.get(0))) {
        problems.add("row " + key + ": " + problem);
      }
    }
    if (onlyThese) {
      for (Map.Entry<String, List<Map<String, Object>>> entry : byKey.entrySet()) {
        if (!expectedKeys.contains(entry.getKey())) {
          problems.add("row " + entry.getKey() + " is there but should not be: " + showRow(entry.getValue().get(0)));
        }
      }
    }
    Set<Object> rawIds = new HashSet<>();
    for (Map<String, Object> row : rows) {
      Object rawId = ValueMeaning.rawId(row.get(DestinationReader.RAW_ID));
      if (rawId != null && !(rawId instanceof ValueMeaning.Unreadable) && !rawIds.add(rawId)) {
        problems.add("two rows have the same " + DestinationReader.RAW_ID + " " + rawId);
      }
    }
    return problems;
  }

  /** The problems of one landed row against what should have landed. */
  List<String> compare(ExpectedRow expected, Map<String, Object> row) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, AirbyteType> field : types.entrySet()) {
      String name = field.getKey();
      AirbyteType type = field.getValue();
      Object sent = expected.nulled.containsKey(name) ? null
          : ValueMeaning.ofSent(type, expected.record.value(name));
      Object landed = ValueMeaning.ofLanded(type, row.get(name));
      if (!ValueMeaning.same(sent, landed)) {
        String because = expected.nulled.containsKey(name) ? " (it should have been nulled)" : "";
        problems.add("field '" + name + "' (" + ValueMeaning.name(type) + "): sent "
            + ValueMeaning.show(expected.record.value(name)) + because + ", landed "
            + ValueMeaning.show(row.get(name)) + (row.containsKey(name) ? "" : " (no such column was read)"));
      }
    }
    problems.addAll(airbyteColumnProblems(expected, row));
    return problems;
  }

  private List<String> airbyteColumnProblems(ExpectedRow expected, Map<String, Object> row) {
    List<String> problems = new ArrayList<>();
    Object rawId = ValueMeaning.rawId(row.get(DestinationReader.RAW_ID));
    if (rawId == null || rawId instanceof ValueMeaning.Unreadable) {
      problems.add(DestinationReader.RAW_ID + " is " + ValueMeaning.show(row.get(DestinationReader.RAW_ID))
          + ", expected a UUID");
    }
    Instant emitted = Instant.ofEpochMilli(expected.record.emittedAt());
    Object extracted = ValueMeaning.extractedAt(row.get(DestinationReader.EXTRACTED_AT));
    if (!ValueMeaning.same(emitted, extracted)) {
      problems.add(DestinationReader.EXTRACTED_AT + " is " + ValueMeaning.show(row.get(DestinationReader.EXTRACTED_AT))
          + ", expected the record's emitted_at " + emitted);
    }
    problems.addAll(metaProblems(expected, row.get(DestinationReader.META)));
    Long generation = expected.stream.generationId();
    Object landedGeneration = ValueMeaning.ofLanded(AirbyteType.INTEGER, row.get(DestinationReader.GENERATION_ID));
    if (generation != null && !ValueMeaning.same(BigDecimal.valueOf(generation), landedGeneration)) {
      problems.add(DestinationReader.GENERATION_ID + " is "
          + ValueMeaning.show(row.get(DestinationReader.GENERATION_ID))
          + ", expected the stream's generation_id " + generation);
    }
    return problems;
  }

  private List<String> metaProblems(ExpectedRow expected, Object landed) {
    if (landed == null) {
      return List.of(DestinationReader.META + " is null, expected {sync_id, changes}");
    }
    JsonNode meta = ValueMeaning.json(landed);
    List<String> problems = new ArrayList<>();
    Long syncId = expected.stream.syncId();
    if (syncId != null && !(meta.path("sync_id").isNumber()
        && meta.path("sync_id").decimalValue().compareTo(BigDecimal.valueOf(syncId)) == 0)) {
      problems.add(DestinationReader.META + ".sync_id is " + ValueMeaning.show(meta.get("sync_id"))
          + ", expected the stream's sync_id " + syncId);
    }
    List<String> want = new ArrayList<>(expected.changes());
    List<String> got = landedChanges(meta);
    List<String> wantSorted = new ArrayList<>(want);
    List<String> gotSorted = new ArrayList<>(got);
    Collections.sort(wantSorted);
    Collections.sort(gotSorted);
    if (!wantSorted.equals(gotSorted)) {
      problems.add(DestinationReader.META + ".changes is " + got + ", expected " + want);
    }
    return problems;
  }

  /** The changes of a landed {@code _airbyte_meta}, each as {@link ExpectedRow#change} writes it. */
  static List<String> landedChanges(JsonNode meta) {
    List<String> changes = new ArrayList<>();
    for (JsonNode change : meta.path("changes")) {
      changes.add(ExpectedRow.change(change.path("field").asText(), change.path("change").asText(),
          change.path("reason").asText()));
    }
    return changes;
  }

  private String landedKey(Map<String, Object> row) {
    StringJoiner key = new StringJoiner(", ");
    for (String field : keyFields) {
      Object meaning = ValueMeaning.ofLanded(types.get(field), row.get(field));
      if (meaning == null || meaning instanceof ValueMeaning.Unreadable) {
        return null;
      }
      key.add(field + "=" + ValueMeaning.key(meaning));
    }
    return key.toString();
  }

  private String sentKey(ExpectedRow row) {
    StringJoiner key = new StringJoiner(", ");
    for (String field : keyFields) {
      key.add(field + "=" + ValueMeaning.key(ValueMeaning.ofSent(types.get(field), row.record.value(field))));
    }
    return key.toString();
  }

  private static String showRow(Map<String, Object> row) {
    StringJoiner text = new StringJoiner(", ", "{", "}");
    row.forEach((column, value) -> text.add(column + "=" + ValueMeaning.show(value)));
    return text.toString();
  }
}

package io.destkit.testkit.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.RecordMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record as it should have landed: sent in a sync whose catalog configured its stream as {@code stream} (sync id,
 * generation), with the fields the destination must have nulled and why.
 */
final class ExpectedRow {
  final ConfiguredStream stream;
  final RecordMessage record;
  final Map<String, String> nulled;

  private ExpectedRow(ConfiguredStream stream, RecordMessage record, Map<String, String> nulled) {
    this.stream = stream;
    this.record = record;
    this.nulled = Map.copyOf(nulled);
  }

  static ExpectedRow of(ConfiguredStream stream, RecordMessage record) {
    return new ExpectedRow(stream, record, Map.of());
  }

  static List<ExpectedRow> of(ConfiguredStream stream, List<RecordMessage> records) {
    List<ExpectedRow> rows = new ArrayList<>();
    for (RecordMessage record : records) {
      rows.add(of(stream, record));
    }
    return rows;
  }

  /** The same row with {@code field} nulled by the destination, with a NULLED change for {@code reason}. */
  ExpectedRow nulled(String field, String reason) {
    Map<String, String> more = new LinkedHashMap<>(nulled);
    more.put(field, reason);
    return new ExpectedRow(stream, record, more);
  }

  /** The changes {@code _airbyte_meta} must list: the source's, then the destination's. */
  List<String> changes() {
    List<String> changes = new ArrayList<>();
    for (JsonNode change : record.sourceChanges()) {
      changes.add(change(change.path("field").asText(), change.path("change").asText(),
          change.path("reason").asText()));
    }
    nulled.forEach((field, reason) -> changes.add(change(field, "NULLED", reason)));
    return changes;
  }

  static String change(String field, String change, String reason) {
    return "{field: " + field + ", change: " + change + ", reason: " + reason + "}";
  }
}

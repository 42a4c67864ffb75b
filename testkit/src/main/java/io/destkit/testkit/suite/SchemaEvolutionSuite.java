package io.destkit.testkit.suite;

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.integer;
import static io.destkit.testkit.messages.FieldTypes.string;
import static io.destkit.testkit.messages.Json.object;
import static io.destkit.testkit.messages.Messages.DEFAULT_EMITTED_AT;
import static io.destkit.testkit.messages.Messages.record;
import static io.destkit.testkit.messages.Messages.streamStatus;
import static io.destkit.testkit.messages.StreamStatus.COMPLETE;
import static io.destkit.testkit.suite.SuiteChecks.assertLanded;
import static io.destkit.testkit.suite.SuiteChecks.ids;
import static io.destkit.testkit.suite.SuiteChecks.requireFeature;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.Field;
import io.destkit.testkit.messages.Message;
import io.destkit.testkit.messages.RecordMessage;
import io.destkit.testkit.messages.SyncInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The tests of a stream whose schema changes between syncs, as sources' schemas do: a field's type changes (integer
 * to string, string to integer), a field appears, a field disappears, and the user alters the table between syncs.
 * Every sync succeeds, and the rows of earlier syncs keep their values (CONTRACT: Types in the destination, one bad
 * value never fails a sync; Messages in, a field missing is null). Each test runs a stream in append and one in
 * append_dedup, for each of these modes the destination supports, since their tables are loaded differently; it is
 * skipped, saying why, when the destination supports neither. The tests of a type change and of a dropped field's
 * values need {@link DestinationFeatures.Feature#SCHEMA_EVOLUTION}.
 *
 * <p>{@link DestinationSuite} implements it: a connector's suite extends that class, not this interface.
 */
public interface SchemaEvolutionSuite extends SuiteContext {
  /**
   * A field whose type changes from integer to string: the second sync succeeds and its text lands, and the rows of
   * the first sync keep their numbers, read as text or as numbers (a destination may keep two columns, widen the
   * column to text or to JSON), a 64-bit integer included, to the last digit.
   */
  @Test
  default void anIntegerFieldThatBecomesAStringKeepsItsEarlierValues() {
    requireFeature(this, DestinationFeatures.Feature.SCHEMA_EVOLUTION);
    assertEarlierValuesKept("payments", "amount", integer(), List.of(5, -12, 9_007_199_254_740_993L), string(),
        List.of("5 EUR", "twelve", "0042"));
  }

  /**
   * A field whose type changes from string to integer in the catalog: the second sync succeeds and its numbers land,
   * and the rows of the first sync keep their text as it was ({@code "0042"} keeps its zeros, {@code "A-1"} is not
   * lost to a column that cannot hold it).
   */
  @Test
  default void aStringFieldThatBecomesAnIntegerKeepsItsEarlierValues() {
    requireFeature(this, DestinationFeatures.Feature.SCHEMA_EVOLUTION);
    assertEarlierValuesKept("tickets", "code", string(), List.of("A-1", "0042", "12"), integer(),
        List.of(7, 9_007_199_254_740_993L, -1));
  }

  /** A field that appears in the second sync lands with its values; the rows of the first sync have it null. */
  @Test
  default void aNewFieldLandsAndEarlierRowsHaveItNull() {
    List<ConfiguredStream> first = inAppendAndDedup("contacts", field("id", integer()), field("name", string()));
    List<ConfiguredStream> second = new ArrayList<>();
    for (ConfiguredStream stream : first) {
      second.add(stream.withFields(field("id", integer()), field("name", string()), field("email", string()))
          .withSyncId(2));
    }
    SyncInput sync1 = sync(first, stream -> List.of(object("id", 1, "name", "Ada"), object("id", 2, "name",
        "Grace")));
    SyncInput sync2 = sync(second, stream -> List.of(object("id", 3, "name", "Linus", "email",
        "linus@example.com"), object("id", 4, "name", "Ken", "email", null)));
    writeSuccessfully(ConfiguredCatalog.of(first), sync1);
    writeSuccessfully(ConfiguredCatalog.of(second), sync2);
    for (int i = 0; i < first.size(); i++) {
      List<ExpectedRow> expected = new ArrayList<>(ExpectedRow.of(first.get(i), sync1.records(first.get(i))));
      expected.addAll(ExpectedRow.of(second.get(i), sync2.records(second.get(i))));
      assertLanded(this, ConfiguredCatalog.of(second), second.get(i), expected, true);
    }
  }

  /**
   * A field that disappears from the schema in the second sync: the sync succeeds, and every row of both syncs is
   * there with the fields the stream still has.
   */
  @Test
  default void aDroppedFieldDoesNotStopTheNextSync() {
    assertDroppedFieldLands(false);
  }

  /**
   * A field that disappears from the schema in the second sync keeps the values the first sync gave it (read back
   * with the first sync's fields), and the second sync's rows have it null: a source that stops sending a field
   * does not take its history away.
   */
  @Test
  default void aDroppedFieldKeepsItsEarlierValues() {
    requireFeature(this, DestinationFeatures.Feature.SCHEMA_EVOLUTION);
    assertDroppedFieldLands(true);
  }

  /**
   * Writes a stream with a field {@code phone} that the second sync's schema no longer has; fails unless both syncs
   * succeeded and every row landed, and, with {@code readTheDroppedField}, unless the first sync's rows still hold
   * their phone numbers.
   */
  private void assertDroppedFieldLands(boolean readTheDroppedField) {
    List<ConfiguredStream> first = inAppendAndDedup("devices", field("id", integer()), field("name", string()),
        field("phone", string()));
    List<ConfiguredStream> second = new ArrayList<>();
    for (ConfiguredStream stream : first) {
      second.add(stream.withFields(field("id", integer()), field("name", string())).withSyncId(2));
    }
    SyncInput sync1 = sync(first, stream -> List.of(object("id", 1, "name", "kettle", "phone", "+44 20 7946 0000"),
        object("id", 2, "name", "teapot", "phone", "+33 1 70 36 00 00")));
    SyncInput sync2 = sync(second, stream -> List.of(object("id", 3, "name", "mug")));
    writeSuccessfully(ConfiguredCatalog.of(first), sync1);
    writeSuccessfully(ConfiguredCatalog.of(second), sync2);
    for (int i = 0; i < first.size(); i++) {
      List<ExpectedRow> expected = new ArrayList<>(ExpectedRow.of(first.get(i), sync1.records(first.get(i))));
      expected.addAll(ExpectedRow.of(second.get(i), sync2.records(second.get(i))));
      assertLanded(this, ConfiguredCatalog.of(second), second.get(i), expected, true);
      if (readTheDroppedField) {
        // Read as the first sync's stream: its rows hold the phone numbers still, the second sync's rows none.
        assertLanded(this, ConfiguredCatalog.of(second), first.get(i), expected, true);
      }
    }
  }

  /**
   * A table the user altered between syncs (a column of their own added) takes the next sync: it succeeds, in
   * append, overwrite and append_dedup (each the destination supports), and the rows are those the mode keeps.
   * Needs {@link DestinationReader#addColumn}; skipped without it.
   */
  @Test
  default void aSyncLandsInATableTheUserAddedAColumnTo() {
    List<ConfiguredStream> first = new ArrayList<>();
    for (DestinationSyncMode mode : List.of(DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE,
        DestinationSyncMode.APPEND_DEDUP)) {
      inMode("notes", mode, field("id", integer()), field("text", string())).ifPresent(first::add);
    }
    requireAny(first, DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND_DEDUP);
    List<ConfiguredStream> second = new ArrayList<>();
    for (ConfiguredStream stream : first) {
      second.add(stream.destinationSyncMode() == DestinationSyncMode.OVERWRITE
          ? stream.withGeneration(2, 2).withSyncId(2) : stream.withSyncId(2));
    }
    SyncInput sync1 = sync(first, stream -> List.of(object("id", 1, "text", "first"), object("id", 2, "text",
        "second")));
    ConfiguredCatalog catalog1 = ConfiguredCatalog.of(first);
    writeSuccessfully(catalog1, sync1);
    for (ConfiguredStream stream : first) {
      addUserColumn(catalog1, stream, "added_by_user");
    }
    List<Message> messages = new ArrayList<>();
    for (ConfiguredStream stream : second) {
      if (stream.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP) {
        // Emitted later than the first sync's version: the newer one, which replaces it.
        messages.add(record(stream, object("id", 1, "text", "first, edited"), DEFAULT_EMITTED_AT + 1_000));
      }
      messages.add(record(stream, object("id", 3, "text", "third"), DEFAULT_EMITTED_AT + 1_000));
      messages.add(streamStatus(stream, COMPLETE));
    }
    SyncInput sync2 = SyncInput.of(messages);
    writeSuccessfully(ConfiguredCatalog.of(second), sync2);
    for (int i = 0; i < first.size(); i++) {
      ConfiguredStream before = first.get(i);
      ConfiguredStream after = second.get(i);
      List<RecordMessage> kept = sync1.records(before);
      if (after.destinationSyncMode() == DestinationSyncMode.OVERWRITE) {
        kept = List.of();
      } else if (after.destinationSyncMode() == DestinationSyncMode.APPEND_DEDUP) {
        kept = kept.subList(1, 2);
      }
      List<ExpectedRow> expected = new ArrayList<>(ExpectedRow.of(before, kept));
      expected.addAll(ExpectedRow.of(after, sync2.records(after)));
      assertLanded(this, ConfiguredCatalog.of(second), after, expected, true);
    }
  }

  /**
   * Writes a stream whose field {@code field} has type {@code before} in a first sync (values {@code earlier}) and
   * {@code after} in a second (values {@code later}), then fails unless both syncs succeeded and every row is there:
   * the second sync's exactly as its catalog types them, the first sync's with their other fields exact and
   * {@code field} holding the value sent, read as text, number or JSON ({@link ValueMeaning#sameLoosely}).
   */
  private void assertEarlierValuesKept(String name, String field, ObjectNode before, List<Object> earlier,
      ObjectNode after, List<Object> later) {
    List<ConfiguredStream> first = inAppendAndDedup(name, field("id", integer()), field(field, before),
        field("note", string()));
    List<ConfiguredStream> second = new ArrayList<>();
    for (ConfiguredStream stream : first) {
      second.add(stream.withFields(field("id", integer()), field(field, after), field("note", string()))
          .withSyncId(2));
    }
    SyncInput sync1 = sync(first, stream -> values(field, earlier, 1, "first sync"));
    SyncInput sync2 = sync(second, stream -> values(field, later, earlier.size() + 1, "second sync"));
    writeSuccessfully(ConfiguredCatalog.of(first), sync1);
    writeSuccessfully(ConfiguredCatalog.of(second), sync2);
    String change = ValueMeaning.name(first.get(0).fieldTypes().get(field)) + " to "
        + ValueMeaning.name(second.get(0).fieldTypes().get(field));
    for (int i = 0; i < first.size(); i++) {
      ConfiguredStream then = first.get(i);
      ConfiguredStream now = second.get(i);
      List<Map<String, Object>> rows = rows(ConfiguredCatalog.of(second), now);
      List<String> problems = new ArrayList<>();
      Set<String> wanted = new TreeSet<>();
      for (int id = 1; id <= earlier.size() + later.size(); id++) {
        wanted.add(String.valueOf(id));
      }
      if (!ids(rows).equals(wanted) || rows.size() != wanted.size()) {
        problems.add("expected one row for each id " + wanted + ", read " + rows.size() + " rows with ids "
            + new TreeSet<>(ids(rows)));
      }
      problems.addAll(new RowCheck(now).problems(rows, ExpectedRow.of(now, sync2.records(now)), false));
      // The first sync's rows: every other field as it was typed then; the changed one compared loosely below.
      problems.addAll(new RowCheck(without(then, field)).problems(rows, ExpectedRow.of(then, sync1.records(then)),
          false));
      for (RecordMessage record : sync1.records(then)) {
        String id = record.value("id").asText();
        for (Map<String, Object> row : rows) {
          Object landedId = ValueMeaning.ofLanded(AirbyteType.INTEGER, row.get("id"));
          if (id.equals(ValueMeaning.key(landedId)) && !ValueMeaning.sameLoosely(record.value(field),
              row.get(field))) {
            problems.add("row id=" + id + " of the first sync: field '" + field + "' was sent "
                + ValueMeaning.show(record.value(field)) + ", reads back " + ValueMeaning.show(row.get(field))
                + (row.containsKey(field) ? "" : " (no such column was read)"));
          }
        }
      }
      if (!problems.isEmpty()) {
        fail("Stream " + now + ": after field '" + field + "' changed from " + change + ", the second sync's rows"
            + " must land as sent and the first sync's keep their values (" + problems.size() + " problems, connector "
            + runner().describe() + "):\n  - " + String.join("\n  - ", problems));
      }
    }
  }

  /** Records with ids from {@code firstId}, one per value of {@code field}, each with a note saying its sync. */
  private static List<ObjectNode> values(String field, List<Object> values, int firstId, String note) {
    List<ObjectNode> data = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      data.add(object("id", firstId + i, field, values.get(i), "note", note + ", record " + (i + 1)));
    }
    return data;
  }

  /** The same stream without {@code field} in its schema. */
  private static ConfiguredStream without(ConfiguredStream stream, String field) {
    ObjectNode schema = stream.jsonSchema();
    ((ObjectNode) schema.get("properties")).remove(field);
    return stream.withJsonSchema(schema);
  }

  /** A sync of {@code streams}: the records {@code data} gives for each, then its COMPLETE. */
  private static SyncInput sync(List<ConfiguredStream> streams,
      Function<ConfiguredStream, List<ObjectNode>> data) {
    List<Message> messages = new ArrayList<>();
    for (ConfiguredStream stream : streams) {
      for (ObjectNode each : data.apply(stream)) {
        messages.add(record(stream, each));
      }
      messages.add(streamStatus(stream, COMPLETE));
    }
    return SyncInput.of(messages);
  }

  /**
   * A stream of these fields in append and one in append_dedup (key {@code id}, no cursor: the newest extraction
   * wins), each the destination supports, named {@code name} with the mode appended; skips the test when it supports
   * neither.
   */
  private List<ConfiguredStream> inAppendAndDedup(String name, Field... fields) {
    List<ConfiguredStream> streams = new ArrayList<>();
    inMode(name, DestinationSyncMode.APPEND, fields).ifPresent(streams::add);
    inMode(name, DestinationSyncMode.APPEND_DEDUP, fields).ifPresent(streams::add);
    requireAny(streams, DestinationSyncMode.APPEND, DestinationSyncMode.APPEND_DEDUP);
    return streams;
  }

  /** A stream named {@code name} and its mode, with these fields, in {@code mode}; empty when unsupported. */
  private Optional<ConfiguredStream> inMode(String name, DestinationSyncMode mode, Field... fields) {
    if (!features().supports(mode)) {
      return Optional.empty();
    }
    ConfiguredStream stream = ConfiguredStream.named(name + "_" + mode.protocolValue()).withFields(fields)
        .withSyncId(1);
    switch (mode) {
      case OVERWRITE:
        return Optional.of(stream.overwrite().withGeneration(1, 1));
      case APPEND_DEDUP:
        return Optional.of(stream.incremental().withDestinationSyncMode(mode).withPrimaryKey("id"));
      default:
        return Optional.of(stream.withDestinationSyncMode(mode));
    }
  }

  /** Skips the test, with the reasons, when {@code streams} is empty: the destination supports none of the modes. */
  private void requireAny(List<ConfiguredStream> streams, DestinationSyncMode... modes) {
    StringJoiner why = new StringJoiner("; ");
    for (DestinationSyncMode mode : modes) {
      features().whyNot(mode).ifPresent(why::add);
    }
    Assumptions.assumeFalse(streams.isEmpty(), why::toString);
  }
}

package io.destkit.testkit.suite;

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.anyOf;
import static io.destkit.testkit.messages.FieldTypes.anything;
import static io.destkit.testkit.messages.FieldTypes.arrayOf;
import static io.destkit.testkit.messages.FieldTypes.bigNumber;
import static io.destkit.testkit.messages.FieldTypes.binary;
import static io.destkit.testkit.messages.FieldTypes.bool;
import static io.destkit.testkit.messages.FieldTypes.date;
import static io.destkit.testkit.messages.FieldTypes.integer;
import static io.destkit.testkit.messages.FieldTypes.nullable;
import static io.destkit.testkit.messages.FieldTypes.number;
import static io.destkit.testkit.messages.FieldTypes.numberAsInteger;
import static io.destkit.testkit.messages.FieldTypes.object;
import static io.destkit.testkit.messages.FieldTypes.oneOf;
import static io.destkit.testkit.messages.FieldTypes.schemalessArray;
import static io.destkit.testkit.messages.FieldTypes.schemalessObject;
import static io.destkit.testkit.messages.FieldTypes.string;
import static io.destkit.testkit.messages.FieldTypes.timeWithTimezone;
import static io.destkit.testkit.messages.FieldTypes.timeWithoutTimezone;
import static io.destkit.testkit.messages.FieldTypes.timestampWithTimezone;
import static io.destkit.testkit.messages.FieldTypes.timestampWithoutTimezone;
import static io.destkit.testkit.messages.FieldTypes.typeUnion;
import static io.destkit.testkit.messages.Json.array;
import static io.destkit.testkit.messages.Json.object;
import static io.destkit.testkit.messages.Messages.DEFAULT_EMITTED_AT;
import static io.destkit.testkit.messages.Messages.record;
import static io.destkit.testkit.messages.Messages.streamState;
import static io.destkit.testkit.messages.Messages.streamStatus;
import static io.destkit.testkit.messages.StreamStatus.COMPLETE;
import static io.destkit.testkit.messages.StreamStatus.STARTED;
import static io.destkit.testkit.suite.SuiteChecks.SIZE_LIMIT;
import static io.destkit.testkit.suite.SuiteChecks.TYPECAST;
import static io.destkit.testkit.suite.SuiteChecks.assertLanded;
import static io.destkit.testkit.suite.SuiteChecks.assertStatesEchoed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.testkit.harness.RunResult;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.FieldTypes.WellKnown;
import io.destkit.testkit.messages.Message;
import io.destkit.testkit.messages.RecordMessage;
import io.destkit.testkit.messages.SyncInput;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tests of values: every field of a record lands with its meaning, for every Airbyte type in the v0 and v1 schema
 * styles, big numbers, dates and times, and text of any characters; explicit nulls and missing fields land as null;
 * a value that does not fit its type is nulled with a change in {@code _airbyte_meta}, but a primary key or cursor
 * never is.
 *
 * <p>{@link DestinationSuite} implements it: a connector's suite extends that class, not this interface.
 */
public interface ValueSuite extends SuiteContext {
  /** Records land with every field, and each row has its raw id, extraction time, meta and generation. */
  @Test
  default void writeLandsEveryRecordWithEveryField() {
    ConfiguredStream customers = ConfiguredStream.named("customers")
        .withFields(field("id", integer()), field("name", string()), field("email", string()),
            field("signed_up", timestampWithTimezone()), field("balance", number()), field("vip", bool()))
        .withGeneration(3, 0)
        .withSyncId(42);
    ConfiguredCatalog catalog = ConfiguredCatalog.of(customers);
    SyncInput input = SyncInput.of(
        streamStatus(customers, STARTED),
        record(customers, object("id", 1, "name", "Ada", "email", "ada@example.com",
            "signed_up", "2024-03-01T09:30:00Z", "balance", new BigDecimal("12.50"), "vip", true), DEFAULT_EMITTED_AT),
        record(customers, object("id", 2, "name", "Grace", "email", "grace@example.com",
            "signed_up", "2024-03-02T10:00:00+02:00", "balance", 0, "vip", false), DEFAULT_EMITTED_AT + 1),
        record(customers, object("id", 3, "name", "Linus", "email", null,
            "signed_up", "2024-03-03T23:59:59.999Z", "balance", new BigDecimal("-7.25"), "vip", null),
            DEFAULT_EMITTED_AT + 2),
        streamState(customers, object("cursor", 3)),
        streamStatus(customers, COMPLETE));
    writeSuccessfully(catalog, input);
    assertLandedExactly(catalog, customers, input.records(customers));
  }

  /**
   * Every Airbyte type (v0 schema style) lands with its value: text, boolean, integers to 64 bits, decimals, dates,
   * timestamps and times with and without zone, binary, nested objects and arrays, unions, schemaless objects and
   * arrays, untyped fields; explicit nulls and missing fields land as null.
   */
  @Test
  default void everyAirbyteTypeLandsWithItsValue() {
    ConfiguredStream everyType = ConfiguredStream.named("every_type").withFields(
        field("id", integer()),
        field("a_string", string()),
        field("a_boolean", bool()),
        field("an_integer", integer()),
        field("a_number", number()),
        field("a_number_as_integer", numberAsInteger()),
        field("a_date", date()),
        field("a_timestamp_with_timezone", timestampWithTimezone()),
        field("a_timestamp_without_timezone", timestampWithoutTimezone()),
        field("a_time_with_timezone", timeWithTimezone()),
        field("a_time_without_timezone", timeWithoutTimezone()),
        field("a_binary", binary()),
        field("an_object", object(field("x", integer()), field("y", string()),
            field("nested", object(field("deep", schemalessArray()))))),
        field("an_array", arrayOf(string())),
        field("an_array_of_objects", arrayOf(object(field("k", string())))),
        field("a_type_union", typeUnion("string", "integer")),
        field("a_one_of", oneOf(string(), number())),
        field("an_any_of", anyOf(bool(), object(field("code", integer())))),
        field("a_schemaless_object", schemalessObject()),
        field("a_schemaless_array", schemalessArray()),
        field("anything", anything()),
        field("a_nullable_string", nullable(string())));
    ConfiguredCatalog catalog = ConfiguredCatalog.of(everyType);
    SyncInput input = SyncInput.of(
        record(everyType, object("id", 1, "a_string", "Ada Lovelace", "a_boolean", true,
            "an_integer", Long.MAX_VALUE, "a_number", new BigDecimal("12.5"), "a_number_as_integer", 42,
            "a_date", "2024-02-29", "a_timestamp_with_timezone", "2024-03-01T09:30:00.123+02:00",
            "a_timestamp_without_timezone", "2024-03-01T09:30:00.123456", "a_time_with_timezone", "10:15:30+05:30",
            "a_time_without_timezone", "23:59:59.999", "a_binary", new byte[] {0, 1, 2, 127, -128, -1},
            "an_object", object("x", 1, "y", "two", "nested", object("deep", array(1, 2, object("z", null)))),
            "an_array", array("a", "b"), "an_array_of_objects", array(object("k", "v1"), object("k", "v2")),
            "a_type_union", "text", "a_one_of", "text", "an_any_of", true,
            "a_schemaless_object", object("any", "keys", "n", new BigDecimal("1.50")),
            "a_schemaless_array", array(1, "two", true, null, object("x", array())),
            "anything", object("free", "form"), "a_nullable_string", "present"), DEFAULT_EMITTED_AT),
        record(everyType, object("id", 2, "a_string", "", "a_boolean", false,
            "an_integer", Long.MIN_VALUE, "a_number", new BigDecimal("-0.001"), "a_number_as_integer", -1,
            "a_date", "1970-01-01", "a_timestamp_with_timezone", "1970-01-01T00:00:00Z",
            "a_timestamp_without_timezone", "1970-01-01T00:00:00", "a_time_with_timezone", "00:00:00Z",
            "a_time_without_timezone", "00:00:00", "a_binary", new byte[0],
            "an_object", object(), "an_array", array(), "an_array_of_objects", array(),
            "a_type_union", 42, "a_one_of", new BigDecimal("1.5"), "an_any_of", object("code", 7),
            "a_schemaless_object", object(), "a_schemaless_array", array(array(1), array()),
            "anything", 42, "a_nullable_string", null), DEFAULT_EMITTED_AT + 1),
        record(everyType, nullsFor(everyType, 3), DEFAULT_EMITTED_AT + 2),
        record(everyType, object("id", 4), DEFAULT_EMITTED_AT + 3),
        streamStatus(everyType, COMPLETE));
    writeSuccessfully(catalog, input);
    assertLandedExactly(catalog, everyType, input.records());
  }

  /** The v1 schema style, {@code $ref} to WellKnownTypes, is understood for every type, numbers sent as text too. */
  @Test
  default void wellKnownTypeReferencesLandWithTheirValues() {
    ConfiguredStream v1 = ConfiguredStream.named("well_known").withFields(
        field("id", WellKnown.INTEGER.ref()),
        field("s", WellKnown.STRING.ref()),
        field("b", WellKnown.BOOLEAN.ref()),
        field("i", WellKnown.INTEGER.ref()),
        field("n", WellKnown.NUMBER.ref()),
        field("d", WellKnown.DATE.ref()),
        field("tstz", WellKnown.TIMESTAMP_WITH_TIMEZONE.ref()),
        field("ts", WellKnown.TIMESTAMP_WITHOUT_TIMEZONE.ref()),
        field("ttz", WellKnown.TIME_WITH_TIMEZONE.ref()),
        field("t", WellKnown.TIME_WITHOUT_TIMEZONE.ref()),
        field("bin", WellKnown.BINARY_DATA.ref()),
        field("dates", arrayOf(WellKnown.DATE.ref())),
        field("point", object(field("lat", WellKnown.NUMBER.ref()), field("lon", WellKnown.NUMBER.ref()))));
    ConfiguredCatalog catalog = ConfiguredCatalog.of(v1);
    SyncInput input = SyncInput.of(
        record(v1, object("id", 1, "s", "text", "b", true, "i", 123456789012L, "n", new BigDecimal("3.14159"),
            "d", "2024-02-29", "tstz", "2024-03-01T09:30:00.5-03:00", "ts", "2024-03-01T09:30:00",
            "ttz", "09:30:00-03:00", "t", "09:30:00.5", "bin", Base64.getEncoder().encodeToString(
                "destkit".getBytes(StandardCharsets.UTF_8)),
            "dates", array("2024-01-01", "2024-12-31"), "point", object("lat", new BigDecimal("48.8566"),
                "lon", new BigDecimal("2.3522")))),
        record(v1, object("id", "2", "s", "numbers as text", "b", false, "i", "-42", "n", "-0.5",
            "d", "2000-01-01", "tstz", "2000-01-01T00:00:00Z", "ts", "2000-01-01T00:00:00.000001",
            "ttz", "23:59:59+00:00", "t", "23:59:59", "bin", "AAEC", "dates", array(), "point", object())),
        streamStatus(v1, COMPLETE));
    writeSuccessfully(catalog, input);
    assertLandedExactly(catalog, v1, input.records());
  }

  /**
   * Numbers beyond double precision and beyond 64 bits land exactly, or, where the destination cannot hold them,
   * null with a {@code DESTINATION_FIELD_SIZE_LIMITATION} change: never rounded silently.
   */
  @Test
  default void bigNumbersLandExactlyOrAreNulledWithAChange() {
    ConfiguredStream big = ConfiguredStream.named("big_numbers").withFields(field("id", integer()),
        field("a_number", number()), field("an_integer", integer()), field("a_big_number", bigNumber()));
    ConfiguredCatalog catalog = ConfiguredCatalog.of(big);
    SyncInput input = SyncInput.of(
        record(big, object("id", 1, "a_number", new BigDecimal("123456789012345678901234567890.123456789"),
            "an_integer", Long.MAX_VALUE, "a_big_number", "98765432109876543210.0123456789")),
        record(big, object("id", 2, "a_number", new BigDecimal("0.1000000000000000055511151231257827"),
            "an_integer", Long.MIN_VALUE, "a_big_number", "-0.000000000000000000000000000001")),
        record(big, object("id", 3, "a_number", new BigDecimal("1E+400"),
            "an_integer", new BigInteger("123456789012345678901234567890"), "a_big_number", "1e400")),
        record(big, object("id", 4, "a_number", new BigDecimal("-9999999999999999999999.99"),
            "an_integer", 9007199254740993L, "a_big_number", "9007199254740993")),
        streamStatus(big, COMPLETE));
    writeSuccessfully(catalog, input);
    Map<String, Map<String, Object>> rows = byId(rows(catalog, big));
    List<String> problems = new ArrayList<>();
    for (RecordMessage record : input.records()) {
      String id = record.value("id").asText();
      Map<String, Object> row = rows.get(id);
      if (row == null) {
        problems.add("row id=" + id + " did not land");
        continue;
      }
      List<String> changes = RowCheck.landedChanges(ValueMeaning.json(row.getOrDefault(DestinationReader.META,
          "{}")));
      for (String field : List.of("a_number", "an_integer", "a_big_number")) {
        AirbyteType type = big.fieldTypes().get(field);
        Object sent = ValueMeaning.ofSent(type, record.value(field));
        Object landed = ValueMeaning.ofLanded(type, row.get(field));
        boolean exact = ValueMeaning.same(sent, landed);
        boolean nulled = landed == null && changes.contains(ExpectedRow.change(field, "NULLED", SIZE_LIMIT));
        boolean truncated = changes.contains(ExpectedRow.change(field, "TRUNCATED", SIZE_LIMIT));
        if (!exact && !nulled && !truncated) {
          problems.add("row id=" + id + ", field '" + field + "': sent " + record.value(field) + ", landed "
              + ValueMeaning.show(row.get(field)) + " with changes " + changes);
        }
      }
    }
    assertTrue(problems.isEmpty(), () -> "A number must land exactly, or be nulled or truncated with a "
        + SIZE_LIMIT + " change (CONTRACT: Types in the destination):\n  " + String.join("\n  ", problems));
  }

  /**
   * Dates, timestamps and times keep their meaning: offsets that cross midnight, fractions to the microsecond,
   * dates before 1970 and far ahead, years before Christ, wall-clock values without zone.
   */
  @Test
  default void datesAndTimesKeepTheirMeaning() {
    ConfiguredStream moments = ConfiguredStream.named("moments").withFields(field("id", integer()),
        field("d", date()), field("tstz", timestampWithTimezone()), field("ts", timestampWithoutTimezone()),
        field("ttz", timeWithTimezone()), field("t", timeWithoutTimezone()));
    ConfiguredCatalog catalog = ConfiguredCatalog.of(moments);
    SyncInput input = SyncInput.of(
        record(moments, object("id", 1, "d", "1969-07-20", "tstz", "1969-07-20T20:17:40Z",
            "ts", "1969-07-20T20:17:40", "ttz", "20:17:40Z", "t", "20:17:40")),
        record(moments, object("id", 2, "d", "2024-02-29", "tstz", "2024-03-01T23:30:00-05:00",
            "ts", "2024-12-31T23:59:59.999999", "ttz", "23:30:00-05:00", "t", "00:00:00")),
        record(moments, object("id", 3, "d", "9999-12-31", "tstz", "9999-12-31T23:59:59Z",
            "ts", "0001-01-01T00:00:00", "ttz", "12:00:00+14:00", "t", "12:00:00.5")),
        record(moments, object("id", 4, "d", "0044-03-15 BC", "tstz", "2024-06-01T12:00:00.123456+05:45",
            "ts", "2024-06-01T12:00:00", "ttz", "00:00:00.001+00:00", "t", "23:59:59.999999")),
        streamStatus(moments, COMPLETE));
    writeSuccessfully(catalog, input);
    assertLandedExactly(catalog, moments, input.records());
  }

  /**
   * Text with line breaks, carriage returns, the Unicode line and paragraph separators, next-line, tabs, quotes,
   * backslashes, emoji, other scripts and invisible characters lands unchanged, in text and in JSON.
   */
  @Test
  default void lineBreaksAndUnicodeSeparatorsInValuesSurvive() {
    ConfiguredStream texts = ConfiguredStream.named("texts").withFields(field("id", integer()), field("value",
        string()), field("json", schemalessObject()));
    List<String> values = List.of("line one\nline two", "windows\r\nline", "carriage\ronly",
        "line\u2028separator and paragraph\u2029separator", "next\u0085line", "tab\tand vertical\u000Btab",
        "quotes \" ' ` and a backslash \\ and \\n as text", "emoji 🦆 and a clef 𝄞",
        "accents é ñ ü Å and 漢字 한국어",
        "zero\u200Bwidth and\u200Djoiner and bidi \u202E reversed", "   spaces around   ", "");
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      messages.add(record(texts, object("id", i, "value", values.get(i), "json", object("value", values.get(i)))));
    }
    messages.add(streamStatus(texts, COMPLETE));
    ConfiguredCatalog catalog = ConfiguredCatalog.of(texts);
    SyncInput input = SyncInput.of(messages);
    writeSuccessfully(catalog, input);
    assertLandedExactly(catalog, texts, input.records());
  }

  /**
   * A value that does not fit its type becomes null, and the row's {@code _airbyte_meta.changes} says so
   * ({@code NULLED}, {@code DESTINATION_TYPECAST_ERROR}); changes the source made are kept; the sync succeeds.
   */
  @Test
  default void aBadValueIsNulledWithAMetaChange() {
    ConfiguredStream readings = ConfiguredStream.named("readings").withFields(field("id", integer()),
        field("count", integer()), field("ratio", number()), field("day", date()), field("at",
            timestampWithTimezone()), field("flag", bool()), field("tags", arrayOf(string())), field("note",
            string()));
    ConfiguredCatalog catalog = ConfiguredCatalog.of(readings);
    RecordMessage bad = record(readings, object("id", 1, "count", "twelve", "ratio", "n/a", "day", "not a date",
        "at", "yesterday", "flag", "maybe", "tags", "not an array", "note", "the rest is fine"))
        .withSourceChange("comment", "TRUNCATED", "SOURCE_FIELD_SIZE_LIMITATION");
    RecordMessage good = record(readings, object("id", 2, "count", 12, "ratio", new BigDecimal("0.5"),
        "day", "2024-01-01", "at", "2024-01-01T00:00:00Z", "flag", true, "tags", array("ok"), "note", "fine"));
    SyncInput input = SyncInput.of(bad, streamState(readings, object("id", 1)).withId(1), good,
        streamState(readings, object("id", 2)).withId(2), streamStatus(readings, COMPLETE));
    RunResult result = writeSuccessfully(catalog, input);
    assertStatesEchoed(this, input, result);
    // The six values the destination nulled are counted with the state after them; the source's change is not.
    assertEquals(List.of(6L, 0L), result.states().stream()
        .map(state -> state.at("/state/destinationStats/additionalStats/nulledValueCount").asLong(-1)).toList(),
        () -> "nulledValueCount of each state\n" + result);
    ExpectedRow badRow = ExpectedRow.of(readings, bad);
    for (String field : List.of("count", "ratio", "day", "at", "flag", "tags")) {
      badRow = badRow.nulled(field, TYPECAST);
    }
    assertLanded(this, catalog, readings, List.of(badRow, ExpectedRow.of(readings, good)), true);
  }

  /** Primary key fields (a composite key) and the cursor land intact in every row. */
  @Test
  default void primaryKeyAndCursorValuesLandIntact() {
    ConfiguredStream subscriptions = ConfiguredStream.named("subscriptions")
        .withFields(field("tenant", string()), field("id", integer()), field("plan", string()),
            field("updated_at", timestampWithTimezone()))
        .incremental().withPrimaryKey("tenant", "id").withCursor("updated_at");
    ConfiguredCatalog catalog = ConfiguredCatalog.of(subscriptions);
    SyncInput input = SyncInput.of(
        record(subscriptions, object("tenant", "acme", "id", 1, "plan", "free", "updated_at", "2024-01-01T00:00:00Z")),
        record(subscriptions, object("tenant", "acme", "id", 2, "plan", "pro", "updated_at", "2024-01-02T00:00:00Z")),
        record(subscriptions, object("tenant", "globex", "id", 1, "plan", "team", "updated_at",
            "2024-01-03T00:00:00+01:00")),
        record(subscriptions, object("tenant", "globex", "id", 2, "plan", "free", "updated_at", null)),
        streamState(subscriptions, object("updated_at", "2024-01-03T00:00:00+01:00")),
        streamStatus(subscriptions, COMPLETE));
    writeSuccessfully(catalog, input);
    assertLandedExactly(catalog, subscriptions, input.records());
  }

  /**
   * A primary key value that does not fit its type is never stored as null: the destination fails the sync with a
   * TRACE ERROR, or keeps the value; it never drops the record silently either.
   */
  @Test
  default void aPrimaryKeyIsNeverNulledWhenItsValueDoesNotFit() {
    ConfiguredStream invoices = ConfiguredStream.named("invoices")
        .withFields(field("number", integer()), field("amount", number())).incremental().withPrimaryKey("number");
    assertNeverNulled(invoices, "number", SyncInput.of(
        record(invoices, object("number", 1, "amount", 10)),
        record(invoices, object("number", "INV-2", "amount", 20)),
        record(invoices, object("number", 3, "amount", 30)),
        streamStatus(invoices, COMPLETE)));
  }

  /**
   * A cursor value that does not fit its type is never stored as null: the destination fails the sync with a TRACE
   * ERROR, or keeps the value; it never drops the record silently either.
   */
  @Test
  default void aCursorIsNeverNulledWhenItsValueDoesNotFit() {
    ConfiguredStream invoices = ConfiguredStream.named("invoices")
        .withFields(field("number", integer()), field("issued_at", timestampWithTimezone()))
        .incremental().withCursor("issued_at");
    assertNeverNulled(invoices, "issued_at", SyncInput.of(
        record(invoices, object("number", 1, "issued_at", "2024-01-01T00:00:00Z")),
        record(invoices, object("number", 2, "issued_at", "the second of January")),
        record(invoices, object("number", 3, "issued_at", "2024-01-03T00:00:00Z")),
        streamStatus(invoices, COMPLETE)));
  }

  /** Writes {@code input}, whose records all have {@code field}, and fails if a row lands with it null. */
  private void assertNeverNulled(ConfiguredStream stream, String field, SyncInput input) {
    ConfiguredCatalog catalog = ConfiguredCatalog.of(stream);
    RunResult result = write(catalog, input);
    List<Map<String, Object>> rows = rows(catalog, stream);
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      if (row.get(field) == null) {
        problems.add(field + " is null in row " + row);
      }
    }
    if (result.exitCode() == 0) {
      if (rows.size() != input.records().size()) {
        problems.add("the sync succeeded with " + rows.size() + " rows for " + input.records().size()
            + " records: a record must not be dropped silently");
      }
    } else {
      assertEquals(1, result.traceErrors().size(), () -> "a failed sync ends with one TRACE ERROR\n" + result);
    }
    assertTrue(problems.isEmpty(), () -> "Primary key and cursor are never nulled (CONTRACT: Types in the"
        + " destination): " + problems + "\n" + result);
  }

  private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> rows) {
    Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      byId.put(ValueMeaning.key(ValueMeaning.ofLanded(AirbyteType.INTEGER, row.get("id"))), row);
    }
    return byId;
  }

  /** Data with {@code id} and every other field of {@code stream} an explicit null. */
  private static ObjectNode nullsFor(ConfiguredStream stream, int id) {
    ObjectNode data = object("id", id);
    for (String field : stream.fieldNames()) {
      if (!field.equals("id")) {
        data.putNull(field);
      }
    }
    return data;
  }
}

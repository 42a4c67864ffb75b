package io.destkit.testkit.suite;

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.integer;
import static io.destkit.testkit.messages.FieldTypes.nullable;
import static io.destkit.testkit.messages.FieldTypes.number;
import static io.destkit.testkit.messages.FieldTypes.string;
import static io.destkit.testkit.messages.FieldTypes.timestampWithTimezone;
import static io.destkit.testkit.messages.Json.object;
import static io.destkit.testkit.messages.Messages.DEFAULT_EMITTED_AT;
import static io.destkit.testkit.messages.Messages.record;
import static io.destkit.testkit.messages.Messages.streamState;
import static io.destkit.testkit.messages.Messages.streamStatus;
import static io.destkit.testkit.messages.StreamStatus.COMPLETE;
import static io.destkit.testkit.messages.StreamStatus.INCOMPLETE;
import static io.destkit.testkit.messages.StreamStatus.STARTED;
import static io.destkit.testkit.suite.SuiteChecks.assertFailedForIncompleteStreams;
import static io.destkit.testkit.suite.SuiteChecks.assertLanded;
import static io.destkit.testkit.suite.SuiteChecks.assertStatesEchoed;
import static io.destkit.testkit.suite.SuiteChecks.ids;
import static io.destkit.testkit.suite.SuiteChecks.requireFeature;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.testkit.harness.RunResult;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.RecordMessage;
import io.destkit.testkit.messages.SyncInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The tests of destination sync modes: append, overwrite (also interrupted), append_dedup (also of rows deleted at
 * the source, of older versions arriving after a delete, and of keys with a null part), refreshes by generation, and
 * the refusal of a mode the connector does not support. A test of a mode or feature the connector lacks is skipped,
 * saying why.
 *
 * <p>{@link DestinationSuite} implements it: a connector's suite extends that class, not this interface.
 */
public interface SyncModeSuite extends SuiteContext {
  /** append adds the rows of each sync to those already there, each with the sync id of its own sync. */
  @Test
  default void appendAddsToTheRowsOfEarlierSyncs() {
    requireMode(DestinationSyncMode.APPEND);
    ConfiguredStream first = ConfiguredStream.named("visits").withFields(field("id", integer()), field("page",
        string())).append().withSyncId(1);
    ConfiguredStream second = first.withSyncId(2);
    SyncInput sync1 = SyncInput.of(record(first, object("id", 1, "page", "/")),
        record(first, object("id", 2, "page", "/docs")), streamStatus(first, COMPLETE));
    SyncInput sync2 = SyncInput.of(record(second, object("id", 3, "page", "/")),
        record(second, object("id", 4, "page", "/pricing")), streamStatus(second, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(first), sync1);
    writeSuccessfully(ConfiguredCatalog.of(second), sync2);
    List<ExpectedRow> expected = new ArrayList<>(ExpectedRow.of(first, sync1.records()));
    expected.addAll(ExpectedRow.of(second, sync2.records()));
    assertLanded(this, ConfiguredCatalog.of(second), second, expected, true);
  }

  /**
   * overwrite replaces a stream's rows with those of the latest sync once the stream ends COMPLETE, also with no
   * rows at all.
   */
  @Test
  default void overwriteReplacesTheRowsWhenTheStreamEndsComplete() {
    requireMode(DestinationSyncMode.OVERWRITE);
    ConfiguredStream products = ConfiguredStream.named("products").withFields(field("id", integer()), field("name",
        string())).overwrite().withGeneration(1, 1).withSyncId(1);
    SyncInput sync1 = SyncInput.of(record(products, object("id", 1, "name", "kettle")),
        record(products, object("id", 2, "name", "teapot")), record(products, object("id", 3, "name", "cup")),
        streamStatus(products, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(products), sync1);
    assertLandedExactly(ConfiguredCatalog.of(products), products, sync1.records());

    ConfiguredStream again = products.withGeneration(2, 2).withSyncId(2);
    SyncInput sync2 = SyncInput.of(record(again, object("id", 4, "name", "mug")),
        record(again, object("id", 5, "name", "saucer")), streamState(again, object("page", "end")),
        streamStatus(again, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(again), sync2);
    assertLandedExactly(ConfiguredCatalog.of(again), again, sync2.records());

    ConfiguredStream emptied = products.withGeneration(3, 3).withSyncId(3);
    writeSuccessfully(ConfiguredCatalog.of(emptied), SyncInput.of(streamStatus(emptied, STARTED),
        streamStatus(emptied, COMPLETE)));
    assertLandedExactly(ConfiguredCatalog.of(emptied), emptied, List.of());
  }

  /**
   * An overwrite whose stream does not end COMPLETE keeps every old row, while a stream of the same sync that did end
   * COMPLETE is replaced.
   */
  @Test
  default void anInterruptedOverwriteKeepsTheOldRows() {
    requireMode(DestinationSyncMode.OVERWRITE);
    ConfiguredStream products = ConfiguredStream.named("products").withFields(field("id", integer()), field("name",
        string())).overwrite().withGeneration(1, 1).withSyncId(1);
    ConfiguredStream prices = ConfiguredStream.named("prices").withFields(field("id", integer()), field("euros",
        number())).overwrite().withGeneration(1, 1).withSyncId(1);
    SyncInput sync1 = SyncInput.of(record(products, object("id", 1, "name", "kettle")),
        record(products, object("id", 2, "name", "teapot")), streamStatus(products, COMPLETE),
        record(prices, object("id", 1, "euros", new BigDecimal("19.90"))), streamStatus(prices, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(products, prices), sync1);

    ConfiguredStream products2 = products.withGeneration(2, 2).withSyncId(2);
    ConfiguredStream prices2 = prices.withGeneration(2, 2).withSyncId(2);
    ConfiguredCatalog catalog2 = ConfiguredCatalog.of(products2, prices2);
    SyncInput sync2 = SyncInput.of(
        streamStatus(products2, STARTED),
        record(products2, object("id", 3, "name", "mug")),
        streamState(products2, object("page", 1)),
        streamStatus(products2, INCOMPLETE),
        record(prices2, object("id", 2, "euros", new BigDecimal("4.50"))),
        streamStatus(prices2, COMPLETE));
    RunResult result = write(catalog2, sync2);
    assertFailedForIncompleteStreams(result, List.of("products"));
    assertStatesEchoed(this, sync2, result);
    assertLanded(this, catalog2, products2, ExpectedRow.of(products, sync1.records(products)), false);
    assertLandedExactly(catalog2, prices2, sync2.records(prices2));
  }

  /**
   * append_dedup keeps one row per primary key: the newest cursor wins (compared as the cursor's type, a null cursor
   * being the oldest), then the newest emitted_at; a later sync's older record changes nothing; a repeated sync gives
   * the same rows.
   */
  @Test
  default void dedupKeepsTheNewestRecordOfEachPrimaryKey() {
    requireMode(DestinationSyncMode.APPEND_DEDUP);
    ConfiguredStream customers = ConfiguredStream.named("customers")
        .withFields(field("id", integer()), field("name", string()), field("updated_at", timestampWithTimezone()))
        .appendDedup(List.of("id"), "updated_at").withSyncId(1);
    long t = DEFAULT_EMITTED_AT;
    RecordMessage ada2 = record(customers, object("id", 1, "name", "Ada 2", "updated_at", "2024-03-01T09:00:00Z"),
        t + 1);
    // Later in the input but older: 10:30+02:00 is 08:30 UTC, though its text sorts after "09:00".
    RecordMessage ada1 = record(customers, object("id", 1, "name", "Ada 1", "updated_at",
        "2024-03-01T10:30:00+02:00"), t + 2);
    RecordMessage grace0 = record(customers, object("id", 2, "name", "Grace 0", "updated_at", null), t + 3);
    RecordMessage grace1 = record(customers, object("id", 2, "name", "Grace 1", "updated_at",
        "2024-01-01T00:00:00Z"), t + 1);
    // Same cursor: the one emitted later wins, though it comes first.
    RecordMessage linusLate = record(customers, object("id", 3, "name", "Linus emitted later", "updated_at",
        "2024-03-01T12:00:00Z"), t + 5);
    RecordMessage linusEarly = record(customers, object("id", 3, "name", "Linus emitted earlier", "updated_at",
        "2024-03-01T12:00:00Z"), t + 4);
    SyncInput sync1 = SyncInput.of(ada2, ada1, grace0, grace1, linusLate, linusEarly,
        streamState(customers, object("updated_at", "2024-03-01T12:00:00Z")), streamStatus(customers, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(customers), sync1);
    assertLanded(this, ConfiguredCatalog.of(customers), customers,
        List.of(ExpectedRow.of(customers, ada2), ExpectedRow.of(customers, grace1),
            ExpectedRow.of(customers, linusLate)), true);

    ConfiguredStream next = customers.withSyncId(2);
    RecordMessage adaOld = record(next, object("id", 1, "name", "Ada old", "updated_at", "2024-02-01T00:00:00Z"),
        t + 9);
    RecordMessage grace2 = record(next, object("id", 2, "name", "Grace 2", "updated_at", "2024-06-01T00:00:00Z"),
        t + 9);
    RecordMessage ken = record(next, object("id", 4, "name", "Ken", "updated_at", "2024-06-01T00:00:00Z"), t + 9);
    SyncInput sync2 = SyncInput.of(adaOld, grace2, ken,
        streamState(next, object("updated_at", "2024-06-01T00:00:00Z")), streamStatus(next, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(next), sync2);
    List<ExpectedRow> expected = List.of(ExpectedRow.of(customers, ada2), ExpectedRow.of(next, grace2),
        ExpectedRow.of(customers, linusLate), ExpectedRow.of(next, ken));
    assertLanded(this, ConfiguredCatalog.of(next), next, expected, true);

    // Everything after the last echoed state may be sent again: loading it twice changes nothing.
    writeSuccessfully(ConfiguredCatalog.of(next), sync2);
    assertLanded(this, ConfiguredCatalog.of(next), next, expected, true);
  }

  /**
   * append_dedup removes the row of a primary key whose newest record has a non-null {@code _ab_cdc_deleted_at};
   * an older delete removes nothing.
   */
  @Test
  default void dedupRemovesRowsDeletedAtTheSource() {
    requireMode(DestinationSyncMode.APPEND_DEDUP);
    ConfiguredStream accounts = ConfiguredStream.named("accounts")
        .withFields(field("id", integer()), field("owner", string()), field("_ab_cdc_lsn", integer()),
            field("_ab_cdc_updated_at", timestampWithTimezone()), field("_ab_cdc_deleted_at",
                nullable(timestampWithTimezone())))
        .appendDedup(List.of("id"), "_ab_cdc_lsn").withSyncId(1);
    RecordMessage a1 = record(accounts, cdc(1, "Ada", 1, null));
    RecordMessage a2 = record(accounts, cdc(2, "Grace", 2, null));
    RecordMessage a3 = record(accounts, cdc(3, "Linus", 3, null));
    SyncInput sync1 = SyncInput.of(a1, a2, a3, streamState(accounts, object("lsn", 3)),
        streamStatus(accounts, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(accounts), sync1);
    assertLandedExactly(ConfiguredCatalog.of(accounts), accounts, sync1.records());

    ConfiguredStream next = accounts.withSyncId(2);
    RecordMessage a2deleted = record(next, cdc(2, "Grace", 4, "2024-05-01T00:00:00Z"));
    RecordMessage a3updated = record(next, cdc(3, "Linus Torvalds", 5, null));
    RecordMessage a4 = record(next, cdc(4, "Ken", 6, null));
    RecordMessage a4deleted = record(next, cdc(4, "Ken", 7, "2024-05-02T00:00:00Z"));
    RecordMessage a1staleDelete = record(next, cdc(1, "Ada", 0, "2023-01-01T00:00:00Z"));
    SyncInput sync2 = SyncInput.of(a2deleted, a3updated, a4, a4deleted, a1staleDelete,
        streamState(next, object("lsn", 7)), streamStatus(next, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(next), sync2);
    assertLanded(this, ConfiguredCatalog.of(next), next,
        List.of(ExpectedRow.of(accounts, a1), ExpectedRow.of(next, a3updated)), true);
  }

  /**
   * append_dedup: a key deleted at the source stays deleted when an older version of it arrives in a later sync (a
   * source read again from an earlier position), while the other keys take their newer versions; a version newer
   * than the delete brings the row back.
   */
  @Test
  default void anOlderVersionArrivingAfterItsDeleteDoesNotBringTheRowBack() {
    requireMode(DestinationSyncMode.APPEND_DEDUP);
    ConfiguredStream accounts = ConfiguredStream.named("accounts")
        .withFields(field("id", integer()), field("owner", string()), field("_ab_cdc_lsn", integer()),
            field("_ab_cdc_updated_at", timestampWithTimezone()), field("_ab_cdc_deleted_at",
                nullable(timestampWithTimezone())))
        .appendDedup(List.of("id"), "_ab_cdc_lsn").withSyncId(1);
    RecordMessage a1 = record(accounts, cdc(1, "Ada", 1, null));
    RecordMessage a2 = record(accounts, cdc(2, "Grace", 2, null));
    writeSuccessfully(ConfiguredCatalog.of(accounts), SyncInput.of(a1, a2, streamState(accounts, object("lsn", 2)),
        streamStatus(accounts, COMPLETE)));

    ConfiguredStream sync2 = accounts.withSyncId(2);
    writeSuccessfully(ConfiguredCatalog.of(sync2), SyncInput.of(record(sync2, cdc(2, "Grace", 5,
        "2024-05-01T00:00:00Z")), streamState(sync2, object("lsn", 5)), streamStatus(sync2, COMPLETE)));
    assertLanded(this, ConfiguredCatalog.of(sync2), sync2, List.of(ExpectedRow.of(accounts, a1)), true);

    ConfiguredStream sync3 = accounts.withSyncId(3);
    RecordMessage a2older = record(sync3, cdc(2, "Grace (an older version)", 3, null));
    RecordMessage a1newer = record(sync3, cdc(1, "Ada Lovelace", 6, null));
    writeSuccessfully(ConfiguredCatalog.of(sync3), SyncInput.of(a2older, a1newer, streamState(sync3,
        object("lsn", 6)), streamStatus(sync3, COMPLETE)));
    assertLanded(this, ConfiguredCatalog.of(sync3), sync3, List.of(ExpectedRow.of(sync3, a1newer)), true);

    ConfiguredStream sync4 = accounts.withSyncId(4);
    RecordMessage a2again = record(sync4, cdc(2, "Grace Hopper", 9, null));
    writeSuccessfully(ConfiguredCatalog.of(sync4), SyncInput.of(a2again, streamState(sync4, object("lsn", 9)),
        streamStatus(sync4, COMPLETE)));
    assertLanded(this, ConfiguredCatalog.of(sync4), sync4, List.of(ExpectedRow.of(sync3, a1newer),
        ExpectedRow.of(sync4, a2again)), true);
  }

  private static ObjectNode cdc(int id, String owner, long lsn, String deletedAt) {
    return object("id", id, "owner", owner, "_ab_cdc_lsn", lsn, "_ab_cdc_updated_at", "2024-05-01T00:00:00Z",
        "_ab_cdc_deleted_at", deletedAt);
  }

  /**
   * append_dedup on a composite primary key some of whose records have a null part: the syncs succeed and no record
   * is lost. A key with a null part cannot be matched (CONTRACT: Sync modes), so such a record never replaces nor is
   * replaced by another: each lands (a destination may keep them as in append), while records of complete keys are
   * deduplicated as usual.
   */
  @Test
  default void aPrimaryKeyWithANullPartLosesNoRecord() {
    requireMode(DestinationSyncMode.APPEND_DEDUP);
    ConfiguredStream members = ConfiguredStream.named("members")
        .withFields(field("tenant", string()), field("id", integer()), field("note", string()),
            field("updated_at", timestampWithTimezone()))
        .appendDedup(List.of("tenant", "id"), "updated_at").withSyncId(1);
    RecordMessage keyed1 = record(members, member("acme", 1, "acme 1, first version", "2024-01-01T00:00:00Z"));
    RecordMessage keyed2 = record(members, member("acme", 1, "acme 1, second version", "2024-02-01T00:00:00Z"));
    RecordMessage noTenantA = record(members, member(null, 1, "no tenant, id 1, A", "2024-01-01T00:00:00Z"));
    RecordMessage noTenantB = record(members, member(null, 1, "no tenant, id 1, B", "2024-02-01T00:00:00Z"));
    RecordMessage noId = record(members, member("acme", null, "acme, no id", "2024-01-01T00:00:00Z"));
    writeSuccessfully(ConfiguredCatalog.of(members), SyncInput.of(keyed1, keyed2, noTenantA, noTenantB, noId,
        streamState(members, object("updated_at", "2024-02-01T00:00:00Z")), streamStatus(members, COMPLETE)));

    ConfiguredStream next = members.withSyncId(2);
    RecordMessage keyed3 = record(next, member("acme", 1, "acme 1, third version", "2024-03-01T00:00:00Z"));
    RecordMessage noTenantC = record(next, member(null, 1, "no tenant, id 1, C", "2024-03-01T00:00:00Z"));
    ConfiguredCatalog catalog = ConfiguredCatalog.of(next);
    writeSuccessfully(catalog, SyncInput.of(keyed3, noTenantC, streamState(next, object("updated_at",
        "2024-03-01T00:00:00Z")), streamStatus(next, COMPLETE)));

    List<Map<String, Object>> rows = rows(catalog, next);
    Map<String, AirbyteType> types = next.fieldTypes();
    List<Map<String, Object>> complete = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      if (ValueMeaning.ofLanded(types.get("tenant"), row.get("tenant")) != null
          && ValueMeaning.ofLanded(types.get("id"), row.get("id")) != null) {
        complete.add(row);
      }
    }
    RowCheck check = new RowCheck(next);
    List<String> problems = new ArrayList<>(check.problems(complete, List.of(ExpectedRow.of(next, keyed3)), true));
    for (ExpectedRow expected : List.of(ExpectedRow.of(members, noTenantA), ExpectedRow.of(members, noTenantB),
        ExpectedRow.of(members, noId), ExpectedRow.of(next, noTenantC))) {
      String note = expected.record.value("note").asText();
      Map<String, Object> found = null;
      for (Map<String, Object> row : rows) {
        if (note.equals(ValueMeaning.ofLanded(AirbyteType.STRING, row.get("note")))) {
          found = row;
        }
      }
      if (found == null) {
        problems.add("the record '" + note + "', whose key has a null part, was lost");
      } else {
        check.compare(expected, found).forEach(problem -> problems.add("the record '" + note + "': " + problem));
      }
    }
    assertTrue(problems.isEmpty(), () -> "Stream " + next.descriptor() + " (append_dedup on tenant, id): records"
        + " whose key has a null part cannot be matched, so none may be lost (CONTRACT: Sync modes); " + rows.size()
        + " rows read:\n  - " + String.join("\n  - ", problems));
  }

  private static ObjectNode member(String tenant, Integer id, String note, String updatedAt) {
    return object("tenant", tenant, "id", id, "note", note, "updated_at", updatedAt);
  }

  /**
   * A truncate refresh ({@code minimum_generation_id == generation_id}) removes the rows of older generations once
   * the stream ends COMPLETE, and not before: an interrupted attempt keeps them.
   */
  @Test
  default void truncateRefreshRemovesOlderGenerationsOnceTheStreamIsComplete() {
    requireMode(DestinationSyncMode.APPEND);
    requireFeature(this, DestinationFeatures.Feature.REFRESHES);
    ConfiguredStream gen1 = ConfiguredStream.named("inventory").withFields(field("id", integer()), field("sku",
        string())).append().withGeneration(1, 0).withSyncId(1);
    SyncInput sync1 = SyncInput.of(record(gen1, object("id", 1, "sku", "A-1")),
        record(gen1, object("id", 2, "sku", "A-2")), streamStatus(gen1, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(gen1), sync1);

    ConfiguredStream attempt = gen1.withGeneration(2, 2).withSyncId(2);
    SyncInput interrupted = SyncInput.of(streamStatus(attempt, STARTED), record(attempt, object("id", 3, "sku",
        "B-3")), streamState(attempt, object("page", 1)), streamStatus(attempt, INCOMPLETE));
    write(ConfiguredCatalog.of(attempt), interrupted);
    assertLanded(this, ConfiguredCatalog.of(attempt), attempt, ExpectedRow.of(gen1, sync1.records()), false);

    ConfiguredStream retry = gen1.withGeneration(2, 2).withSyncId(3);
    SyncInput complete = SyncInput.of(record(retry, object("id", 3, "sku", "B-3")),
        record(retry, object("id", 4, "sku", "B-4")), streamStatus(retry, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(retry), complete);
    List<Map<String, Object>> rows = rows(ConfiguredCatalog.of(retry), retry);
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Object generation = ValueMeaning.ofLanded(AirbyteType.INTEGER, row.get(DestinationReader.GENERATION_ID));
      if (!ValueMeaning.same(BigDecimal.valueOf(2), generation)) {
        problems.add("row id=" + ValueMeaning.show(row.get("id")) + " of generation "
            + ValueMeaning.show(row.get(DestinationReader.GENERATION_ID)) + " is still there");
      }
    }
    assertEquals(Set.of("3", "4"), ids(rows), () -> "after the refresh completed, the stream should hold the rows of"
        + " generation 2 only: " + rows);
    assertTrue(problems.isEmpty(), () -> "Rows of generations older than minimum_generation_id must be gone once"
        + " the stream ends COMPLETE (CONTRACT: Sync modes): " + problems);
  }

  /** With {@code minimum_generation_id} 0 nothing is removed: rows of each generation stay, each tagged with it. */
  @Test
  default void aMinimumGenerationOfZeroKeepsEveryGeneration() {
    requireMode(DestinationSyncMode.APPEND);
    ConfiguredStream gen1 = ConfiguredStream.named("ledger").withFields(field("id", integer()), field("entry",
        string())).append().withGeneration(1, 0).withSyncId(1);
    ConfiguredStream gen2 = gen1.withGeneration(2, 0).withSyncId(2);
    SyncInput sync1 = SyncInput.of(record(gen1, object("id", 1, "entry", "opening")), streamStatus(gen1, COMPLETE));
    SyncInput sync2 = SyncInput.of(record(gen2, object("id", 2, "entry", "closing")), streamStatus(gen2, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(gen1), sync1);
    writeSuccessfully(ConfiguredCatalog.of(gen2), sync2);
    List<ExpectedRow> expected = new ArrayList<>(ExpectedRow.of(gen1, sync1.records()));
    expected.addAll(ExpectedRow.of(gen2, sync2.records()));
    assertLanded(this, ConfiguredCatalog.of(gen2), gen2, expected, true);
  }

  /**
   * A stream in a destination sync mode the connector does not support is refused before any record is written: one
   * TRACE ERROR with failure_type config_error that names the mode, and nothing lands.
   */
  @Test
  default void anUnsupportedSyncModeIsRefusedBeforeAnyRecordIsWritten() {
    DestinationSyncMode unsupported = null;
    for (DestinationSyncMode mode : DestinationSyncMode.values()) {
      if (!features().supports(mode)) {
        unsupported = mode;
        break;
      }
    }
    Assumptions.assumeTrue(unsupported != null, "Skipped: the destination supports every destination_sync_mode");
    ConfiguredStream refused = ConfiguredStream.named("refused").withFields(field("id", integer()),
        field("updated_at", timestampWithTimezone())).incremental().withPrimaryKey("id").withCursor("updated_at")
        .withDestinationSyncMode(unsupported);
    ConfiguredCatalog catalog = ConfiguredCatalog.of(refused);
    RunResult result = write(catalog, SyncInput.of(record(refused, object("id", 1, "updated_at",
        "2024-01-01T00:00:00Z")), streamStatus(refused, COMPLETE)));
    String mode = unsupported.protocolValue();
    assertEquals(1, result.exitCode(), () -> "a stream in mode " + mode + " must be refused\n" + result);
    assertEquals(1, result.traceErrors().size(), () -> "expected one TRACE ERROR\n" + result);
    JsonNode error = result.traceErrors().get(0);
    assertEquals("config_error", error.path("failure_type").asText(), () -> "the catalog asks for what the"
        + " destination cannot do: the user's config to change\n" + result);
    assertTrue(error.path("message").asText().contains(mode), () -> "the error should name the mode\n" + result);
    assertTrue(rows(catalog, refused).isEmpty(), "nothing may land for a refused stream");
  }

  private void requireMode(DestinationSyncMode mode) {
    Optional<String> why = features().whyNot(mode);
    Assumptions.assumeTrue(why.isEmpty(), () -> why.orElse(""));
  }
}

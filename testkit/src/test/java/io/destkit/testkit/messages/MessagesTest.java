package io.destkit.testkit.messages;

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.integer;
import static io.destkit.testkit.messages.FieldTypes.string;
import static io.destkit.testkit.messages.FieldTypes.timestampWithTimezone;
import static io.destkit.testkit.messages.Json.object;
import static io.destkit.testkit.messages.Messages.globalState;
import static io.destkit.testkit.messages.Messages.legacyState;
import static io.destkit.testkit.messages.Messages.record;
import static io.destkit.testkit.messages.Messages.streamState;
import static io.destkit.testkit.messages.Messages.streamStatus;
import static io.destkit.testkit.messages.Messages.untypedState;
import static io.destkit.testkit.messages.StreamStatus.COMPLETE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.destkit.testkit.ProtocolSchema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The builders write each message as the platform sends it: field order, number forms, optional fields. */
class MessagesTest {
  private static final ConfiguredStream USERS = ConfiguredStream.named("users").inNamespace("crm")
      .withFields(field("id", integer()), field("name", string()), field("updated_at", timestampWithTimezone()))
      .appendDedup(List.of("id"), "updated_at").withGeneration(4, 4).withSyncId(42);

  @Test
  void aRecordKeepsItsNumbersDigitForDigit() {
    RecordMessage record = record(USERS, object("id", 1, "name", "Ada", "score",
        new BigDecimal("0.1000000000000000055511151231257827")), 1_732_270_000_123L)
        .withSourceChange("name", "TRUNCATED", "SOURCE_FIELD_SIZE_LIMITATION");
    assertEquals("{\"type\":\"RECORD\",\"record\":{\"namespace\":\"crm\",\"stream\":\"users\",\"data\":{\"id\":1,"
        + "\"name\":\"Ada\",\"score\":0.1000000000000000055511151231257827},\"emitted_at\":1732270000123,\"meta\":"
        + "{\"changes\":[{\"field\":\"name\",\"change\":\"TRUNCATED\",\"reason\":\"SOURCE_FIELD_SIZE_LIMITATION\"}]}}}",
        record.toLine());
    assertEquals("{\"n\":12.50,\"big\":1E+400}", Json.write(Json.parse("{\"n\":12.50,\"big\":1e400}")));
  }

  @Test
  void statesOfEachKindWithThePlatformsIdLast() {
    assertEquals("{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":"
        + "\"users\",\"namespace\":\"crm\"},\"stream_state\":{\"cursor\":1}},\"sourceStats\":{\"recordCount\":2.0},"
        + "\"id\":7}}", streamState(USERS, object("cursor", 1)).withSourceRecordCount(2).withId(7).toLine());
    assertEquals("{\"type\":\"STATE\",\"state\":{\"type\":\"GLOBAL\",\"global\":{\"shared_state\":{\"lsn\":9},"
        + "\"stream_states\":[{\"stream_descriptor\":{\"name\":\"users\",\"namespace\":\"crm\"},\"stream_state\":{}}]"
        + "}}}", globalState(object("lsn", 9), USERS).toLine());
    assertEquals("{\"type\":\"STATE\",\"state\":{\"type\":\"LEGACY\",\"data\":{\"a\":1}}}",
        legacyState(object("a", 1)).toLine());
    assertEquals("{\"type\":\"STATE\",\"state\":{\"data\":{\"a\":1}}}", untypedState(object("a", 1)).toLine());
  }

  @Test
  void aStreamStatusCarriesEmittedAtAsAFloatingPointNumber() {
    assertEquals("{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1.73227E12,"
        + "\"stream_status\":{\"stream_descriptor\":{\"name\":\"users\",\"namespace\":\"crm\"},\"status\":"
        + "\"COMPLETE\"}}}", streamStatus(USERS, COMPLETE).toLine());
  }

  @Test
  void aConfiguredStreamCarriesModesKeysAndGenerations() {
    assertEquals("{\"stream\":{\"name\":\"users\",\"json_schema\":{\"type\":\"object\",\"properties\":{\"id\":"
        + "{\"type\":\"integer\"},\"name\":{\"type\":\"string\"},\"updated_at\":{\"type\":\"string\",\"format\":"
        + "\"date-time\",\"airbyte_type\":\"timestamp_with_timezone\"}}},\"supported_sync_modes\":[\"full_refresh\","
        + "\"incremental\"],\"source_defined_cursor\":true,\"default_cursor_field\":[\"updated_at\"],"
        + "\"source_defined_primary_key\":[[\"id\"]],\"namespace\":\"crm\",\"is_resumable\":true},\"sync_mode\":"
        + "\"incremental\",\"cursor_field\":[\"updated_at\"],\"destination_sync_mode\":\"append_dedup\","
        + "\"primary_key\":[[\"id\"]],\"generation_id\":4,\"minimum_generation_id\":4,\"sync_id\":42}",
        Json.write(USERS.toJson()));
    assertEquals("{\"stream\":{\"name\":\"plain\",\"json_schema\":{\"type\":\"object\",\"properties\":{}},"
        + "\"supported_sync_modes\":[\"full_refresh\"],\"is_resumable\":false},\"sync_mode\":\"full_refresh\","
        + "\"cursor_field\":[],\"destination_sync_mode\":\"append\",\"primary_key\":[]}",
        Json.write(ConfiguredStream.named("plain").withoutGenerations().toJson()));
  }

  @Test
  void everyMessageAndTheCatalogAreValidAgainstTheProtocol() {
    ProtocolSchema protocol = ProtocolSchema.require();
    SyncInput input = SyncInput.of(streamStatus(USERS, StreamStatus.STARTED), record(USERS, object("id", 1)),
        streamState(USERS, object("cursor", 1)).withId(1).withSourceRecordCount(1), globalState(object(), USERS),
        legacyState(object()), untypedState(object()), streamStatus(USERS, COMPLETE));
    for (Message message : input.messages()) {
      protocol.assertValidMessageLine(message.toLine());
    }
    protocol.assertValid("ConfiguredAirbyteCatalog", ConfiguredCatalog.of(USERS,
        ConfiguredStream.named("plain").withoutGenerations()).toJson());
  }

  @Test
  void aRecordCarriesItsFileReferenceAfterMetaAndValidAgainstTheProtocol() {
    RecordMessage record = record(USERS, object("id", 1)).withFileReference("/staging/files/a1", "docs/a.pdf", 12);
    assertEquals("{\"type\":\"RECORD\",\"record\":{\"namespace\":\"crm\",\"stream\":\"users\",\"data\":{\"id\":1},"
        + "\"emitted_at\":1732270000000,\"file_reference\":{\"staging_file_url\":\"/staging/files/a1\","
        + "\"source_file_relative_path\":\"docs/a.pdf\",\"file_size_bytes\":12}}}", record.toLine());
    ProtocolSchema.require().assertValidMessageLine(record.toLine());
    assertEquals("docs/a.pdf", record.emittedAt(5).fileReference().orElseThrow()
        .path("source_file_relative_path").asText(), "the reference stays with the record's other changes");
  }

  @Test
  void theInputIsOneLinePerMessageInUtf8() {
    SyncInput input = SyncInput.of(record(USERS, object("id", 1, "name", "line\u2028separator")),
        Messages.raw(""), Messages.raw("{\"type\":\"SOMETHING_NEW\"}"));
    String text = new String(input.toBytes(), StandardCharsets.UTF_8);
    assertEquals(3, text.split("\n", -1).length - 1);
    assertEquals(List.of(input.records().get(0).toLine(), "", "{\"type\":\"SOMETHING_NEW\"}"),
        List.of(text.split("\n", -1)).subList(0, 3));
  }
}

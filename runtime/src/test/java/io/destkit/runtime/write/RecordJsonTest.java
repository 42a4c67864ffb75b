package io.destkit.runtime.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.types.RawJson;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StreamContext stream = new StreamContext(new StreamDescriptor("shop", "orders"),
      DestinationSyncMode.APPEND, "incremental", List.of(), List.of(), 7, 0, 42, JSON.createObjectNode(), List.of(
          new Column("id", AirbyteType.INTEGER),
          new Column("note", AirbyteType.STRING),
          new Column("paid", AirbyteType.BOOLEAN),
          new Column("amount", AirbyteType.NUMBER),
          new Column("on", AirbyteType.DATE),
          new Column("at", AirbyteType.TIMESTAMP_WITH_TIMEZONE),
          new Column("local", AirbyteType.TIMESTAMP_WITHOUT_TIMEZONE),
          new Column("opens", AirbyteType.TIME_WITH_TIMEZONE),
          new Column("closes", AirbyteType.TIME_WITHOUT_TIMEZONE),
          new Column("blob", AirbyteType.BINARY),
          new Column("tags", AirbyteType.UNKNOWN),
          new Column("missing", AirbyteType.STRING)));

  @Test
  void writesTheRawFormWithEveryValueInItsJsonMeaning() throws IOException {
    UUID id = UUID.fromString("0b5e1c9a-9b7e-4a51-9f3c-6a1f8a0a7d11");
    Record record = new Record(id, 1_714_564_800_000L, new Object[] {
        1L, "line\nbreak \"quoted\"", true, new BigDecimal("12345678901234567890.000000000001"),
        LocalDate.of(2024, 5, 1), OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)),
        LocalDateTime.of(2024, 5, 1, 12, 0, 0, 500_000_000), OffsetTime.of(9, 0, 0, 0, ZoneOffset.UTC),
        LocalTime.of(17, 30), "hi".getBytes(StandardCharsets.UTF_8), new RawJson("[1,{\"a\":1e400}]"), null},
        null, List.of(MetaChange.typecastError("missing")), 100);

    String written = write(record);

    assertEquals("{\"_airbyte_raw_id\":\"0b5e1c9a-9b7e-4a51-9f3c-6a1f8a0a7d11\","
        + "\"_airbyte_extracted_at\":\"2024-05-01T12:00:00Z\",\"_airbyte_generation_id\":7,"
        + "\"_airbyte_meta\":{\"sync_id\":42,\"changes\":[{\"field\":\"missing\",\"change\":\"NULLED\","
        + "\"reason\":\"DESTINATION_TYPECAST_ERROR\"}]},"
        + "\"_airbyte_data\":{\"id\":1,\"note\":\"line\\nbreak \\\"quoted\\\"\",\"paid\":true,"
        + "\"amount\":12345678901234567890.000000000001,\"on\":\"2024-05-01\",\"at\":\"2024-05-01T12:00:00+02:00\","
        + "\"local\":\"2024-05-01T12:00:00.5\",\"opens\":\"09:00:00Z\",\"closes\":\"17:30:00\",\"blob\":\"aGk=\","
        + "\"tags\":[1,{\"a\":1e400}]}}", written);
    JSON.readTree(written); // valid JSON
  }

  @Test
  void aTypedRecordIsForItsCodec() {
    Record typed = new Record(UUID.randomUUID(), 0, new Object[0], new Object(), List.of(), 2);
    assertThrows(IllegalArgumentException.class, () -> write(typed));
  }

  private String write(Record record) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
      RecordJson.write(stream, record, generator);
    }
    return out.toString();
  }
}

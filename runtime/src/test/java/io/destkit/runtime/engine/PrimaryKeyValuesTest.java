package io.destkit.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.runtime.error.FailureType;
import io.destkit.runtime.error.InputException;
import io.destkit.runtime.protocol.ProtocolOutput;
import io.destkit.runtime.secret.SecretMasker;
import io.destkit.runtime.write.Record;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A primary key value that does not fit its type fails the write; a value of any other field is nulled. */
class PrimaryKeyValuesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CATALOG = "{\"streams\":[{\"stream\":{\"name\":\"invoices\",\"json_schema\":"
      + "{\"type\":\"object\",\"properties\":{\"number\":{\"type\":\"integer\"},\"issued_at\":{\"type\":\"string\","
      + "\"format\":\"date-time\"},\"amount\":{\"type\":\"number\"}}}},\"sync_mode\":\"incremental\","
      + "\"destination_sync_mode\":\"append\",\"primary_key\":[[\"number\"]],\"cursor_field\":[\"issued_at\"]}]}";

  @Test
  void aPrimaryKeyValueThatDoesNotFitFailsTheWriteNamingTheFieldButNotTheValue() {
    InputException e = assertThrows(InputException.class, () -> run(
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"invoices\",\"data\":{\"number\":\"INV-secret\"},"
            + "\"emitted_at\":1}}"));
    assertTrue(e.getMessage().startsWith("Input line 1: record of stream invoices has a value of its primary key"
        + " or cursor field 'number' that does not fit the field's type (DESTINATION_TYPECAST_ERROR)"), e.getMessage());
    assertFalse(e.getMessage().contains("INV-secret"), e.getMessage());
    assertEquals(FailureType.CONFIG, e.failureType(), "the user's choice of key, as when the warehouse refuses it");
  }

  @Test
  void aWholeNumberTooLargeForItsPrimaryKeyFailsTheWriteToo() {
    InputException e = assertThrows(InputException.class, () -> run(
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"invoices\",\"data\":{\"number\":123456789012345678901234567890},"
            + "\"emitted_at\":1}}"));
    assertTrue(e.getMessage().contains(
        "'number' that does not fit the field's type (DESTINATION_FIELD_SIZE_LIMITATION)"),
        e.getMessage());
  }

  @Test
  void aCursorValueThatDoesNotFitFailsTheWriteToo() {
    InputException e = assertThrows(InputException.class, () -> run(
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"invoices\",\"data\":{\"number\":1,"
            + "\"issued_at\":\"last tuesday\"},\"emitted_at\":1}}"));
    assertTrue(e.getMessage().contains("cursor field 'issued_at' that does not fit"), e.getMessage());
  }

  @Test
  void anyOtherFieldThatDoesNotFitIsNulledWithAChange() throws Exception {
    RecordingHandlers handlers = run("{\"type\":\"RECORD\",\"record\":{\"stream\":\"invoices\",\"data\":"
        + "{\"number\":1,\"issued_at\":null,\"amount\":\"lots\"},\"emitted_at\":1}}");
    assertEquals(1, handlers.committed.size());
    Record record = handlers.committed.get(0);
    assertEquals(1L, record.value(0));
    assertEquals(null, record.value(2));
    assertEquals("amount", record.changes().get(0).field());
  }

  /** Runs the lines as a source that completes its stream. */
  private static RecordingHandlers run(String... lines) throws Exception {
    RecordingHandlers handlers = new RecordingHandlers();
    byte[] input = (String.join("\n", lines) + "\n{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\","
        + "\"emitted_at\":1,\"stream_status\":{\"stream_descriptor\":{\"name\":\"invoices\"},"
        + "\"status\":\"COMPLETE\"}}}\n").getBytes(StandardCharsets.UTF_8);
    new WriteEngine(CatalogReader.read(JSON.readTree(CATALOG)), handlers,
        new WriteOptions(100, 1L << 30, 1L << 30, Duration.ofMinutes(5), Duration.ZERO),
        new ProtocolOutput(new ByteArrayOutputStream(), new SecretMasker()),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .run(new ByteArrayInputStream(input));
    return handlers;
  }
}

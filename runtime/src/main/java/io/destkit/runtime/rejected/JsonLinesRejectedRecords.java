package io.destkit.runtime.rejected;

import io.destkit.runtime.files.RotatingJsonLinesWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The runtime's rejected-records sink: JSON Lines files in one folder for all streams, written through
 * {@link RotatingJsonLinesWriter} (hidden temporary files, synced and renamed at each commit, rotated by size). Each
 * line is one record:
 *
 * <pre>{@code
 * {"stream": "users", "namespace": "crm", "line": 12, "reason": "record data must be a JSON object",
 *  "rejected_at": "2026-12-07T10:15:30.120Z", "message": {"type": "RECORD", "record": {...}}}
 * }</pre>
 *
 * {@code namespace} is left out for a stream without one; {@code message} is the record's AirbyteMessage (see
 * {@link RejectedRecord#message()}).
 */
public final class JsonLinesRejectedRecords implements RejectedRecordsSink {
  private static final DateTimeFormatter SYNC_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private final RotatingJsonLinesWriter files;

  private JsonLinesRejectedRecords(RotatingJsonLinesWriter files) {
    this.files = files;
  }

  /** A sink writing new files into {@code folder}, a new file every {@code maxFileBytes}. */
  public static JsonLinesRejectedRecords open(Path folder, long maxFileBytes) throws IOException {
    String prefix = "rejected-" + SYNC_TIME.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
    return new JsonLinesRejectedRecords(RotatingJsonLinesWriter.appending(folder, prefix, maxFileBytes));
  }

  @Override
  public void write(RejectedRecord record) throws IOException {
    String message = new String(record.message(), StandardCharsets.UTF_8);
    String at = Instant.now().toString();
    files.write(json -> {
      json.writeStartObject();
      json.writeStringField("stream", record.stream().name());
      if (record.stream().namespace() != null) {
        json.writeStringField("namespace", record.stream().namespace());
      }
      json.writeNumberField("line", record.line());
      json.writeStringField("reason", record.reason());
      json.writeStringField("rejected_at", at);
      json.writeFieldName("message");
      json.writeRawValue(message);
      json.writeEndObject();
    });
  }

  @Override
  public void commit() throws IOException {
    files.commit();
  }

  @Override
  public void close() throws IOException {
    files.close();
  }
}

package ${package};

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.destkit.runtime.types.RawJson;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordJson;
import io.destkit.runtime.write.StreamContext;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;

/** Decoded values in the forms every JDBC driver binds: text for decimals, times and JSON; the rest as they are. */
final class SqlValues {
  private static final JsonFactory JSON = new JsonFactory();

  private SqlValues() {}

  /** {@code value} as a String, Long, Boolean or byte[]: decimals exactly, times in ISO-8601, JSON as its text. */
  static Object plain(Object value) {
    if (value instanceof BigDecimal) {
      return value.toString();
    } else if (value instanceof RawJson) {
      return ((RawJson) value).json();
    } else if (value instanceof OffsetDateTime) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
    } else if (value instanceof LocalDateTime) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format((LocalDateTime) value);
    } else if (value instanceof OffsetTime) {
      return DateTimeFormatter.ISO_OFFSET_TIME.format((OffsetTime) value);
    } else if (value instanceof LocalTime) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format((LocalTime) value);
    } else if (value instanceof LocalDate) {
      return DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) value);
    }
    return value;
  }

  /** The record's {@code _airbyte_extracted_at}: its {@code emitted_at}, ISO-8601 in UTC. */
  static String extractedAt(Record record) {
    return Instant.ofEpochMilli(record.emittedAt()).toString();
  }

  /** The record's {@code _airbyte_meta}: {@code {"sync_id": …, "changes": […]}}. */
  static String meta(StreamContext stream, Record record) {
    StringWriter text = new StringWriter(64);
    try (JsonGenerator json = JSON.createGenerator(text)) {
      RecordJson.writeMeta(stream, record, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}

package io.destkit.runtime.write;

import com.fasterxml.jackson.core.JsonGenerator;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.types.RawJson;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Writes a decoded record back as JSON, for destinations that store or send JSON (files, HTTP APIs): the record in
 * Airbyte's raw form, the four Airbyte columns beside its data, as Airbyte's own file destinations write it:
 *
 * <pre>{@code
 * {"_airbyte_raw_id":"…","_airbyte_extracted_at":"2024-05-01T12:00:00Z","_airbyte_generation_id":3,
 *  "_airbyte_meta":{"sync_id":42,"changes":[]},"_airbyte_data":{"id":1,"name":"Ada"}}
 * }</pre>
 *
 * <p>Values keep their meaning: numbers exactly as decoded, dates and times in ISO-8601, binary in base64, objects,
 * arrays and unions as the JSON the source sent. A null or missing field is left out of {@code _airbyte_data}. For
 * the records of untyped streams (those a {@code RecordBatch} carries); a typed stream's records are written by
 * their generated codec's {@code encode}.
 */
public final class RecordJson {
  /** The name of the record's id in the raw form. */
  public static final String RAW_ID = "_airbyte_raw_id";
  /** The name of the extraction time (ISO-8601, UTC) in the raw form. */
  public static final String EXTRACTED_AT = "_airbyte_extracted_at";
  /** The name of the generation id in the raw form. */
  public static final String GENERATION_ID = "_airbyte_generation_id";
  /** The name of {@code {sync_id, changes}} in the raw form. */
  public static final String META = "_airbyte_meta";
  /** The name of the record's data object in the raw form. */
  public static final String DATA = "_airbyte_data";

  private RecordJson() {}

  /** Writes {@code record} of {@code stream} as one JSON object in the raw form. */
  public static void write(StreamContext stream, Record record, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField(RAW_ID, record.rawId().toString());
    json.writeStringField(EXTRACTED_AT, Instant.ofEpochMilli(record.emittedAt()).toString());
    json.writeNumberField(GENERATION_ID, stream.generationId());
    json.writeFieldName(META);
    writeMeta(stream, record, json);
    json.writeFieldName(DATA);
    writeData(stream, record, json);
    json.writeEndObject();
  }

  /** Writes the record's data: an object with a field per column whose value is not null, in column order. */
  public static void writeData(StreamContext stream, Record record, JsonGenerator json) throws IOException {
    if (record.typed() != null) {
      throw new IllegalArgumentException("Stream " + stream.descriptor() + " is typed: write its records with"
          + " their codec's encode");
    }
    json.writeStartObject();
    for (int i = 0; i < stream.columns().size(); i++) {
      Object value = record.value(i);
      if (value != null) {
        json.writeFieldName(stream.columns().get(i).name());
        writeValue(value, json);
      }
    }
    json.writeEndObject();
  }

  /** Writes {@code {"sync_id": …, "changes": [{"field", "change", "reason"}, …]}}. */
  public static void writeMeta(StreamContext stream, Record record, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeNumberField("sync_id", stream.syncId());
    json.writeArrayFieldStart("changes");
    for (MetaChange change : record.changes()) {
      json.writeStartObject();
      json.writeStringField("field", change.field());
      json.writeStringField("change", change.change().protocolValue());
      json.writeStringField("reason", change.reason().protocolValue());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** Writes one decoded value (see {@link Record#values()}) as JSON; null as JSON null. */
  public static void writeValue(Object value, JsonGenerator json) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String) {
      json.writeString((String) value);
    } else if (value instanceof Boolean) {
      json.writeBoolean((Boolean) value);
    } else if (value instanceof Long) {
      json.writeNumber((Long) value);
    } else if (value instanceof BigDecimal) {
      json.writeNumber((BigDecimal) value);
    } else if (value instanceof RawJson) {
      json.writeRawValue(((RawJson) value).json());
    } else if (value instanceof byte[]) {
      json.writeString(Base64.getEncoder().encodeToString((byte[]) value));
    } else if (value instanceof OffsetDateTime) {
      json.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value));
    } else if (value instanceof LocalDateTime) {
      json.writeString(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format((LocalDateTime) value));
    } else if (value instanceof OffsetTime) {
      json.writeString(DateTimeFormatter.ISO_OFFSET_TIME.format((OffsetTime) value));
    } else if (value instanceof LocalTime) {
      json.writeString(DateTimeFormatter.ISO_LOCAL_TIME.format((LocalTime) value));
    } else if (value instanceof LocalDate) {
      json.writeString(DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) value));
    } else {
      json.writeString(value.toString());
    }
  }
}

package io.destkit.runtime.types;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * JSON values that typed record classes keep as trees (unions, schemaless values, fields the schema does not name),
 * and the ISO-8601 text of their dates and times: what generated codecs call, so that they all read and write alike.
 */
public final class JsonTrees {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private JsonTrees() {}

  /** The value the parser is on, as a tree; the parser is left on the value's last token. */
  public static JsonNode read(JsonParser parser) throws IOException {
    return MAPPER.readTree(parser);
  }

  /** Writes a value kept by a record: a tree, or anything Jackson can write. */
  public static void write(JsonGenerator generator, Object value) throws IOException {
    if (value instanceof JsonNode node) {
      MAPPER.writeTree(generator, node);
    } else {
      MAPPER.writeValue(generator, value);
    }
  }

  /** A date or time as ISO-8601 text, always with seconds. */
  public static String iso(TemporalAccessor value) {
    if (value instanceof OffsetDateTime) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
    } else if (value instanceof LocalDateTime) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value);
    } else if (value instanceof OffsetTime) {
      return DateTimeFormatter.ISO_OFFSET_TIME.format(value);
    } else if (value instanceof LocalTime) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(value);
    } else if (value instanceof LocalDate) {
      return DateTimeFormatter.ISO_LOCAL_DATE.format(value);
    }
    return value.toString();
  }
}

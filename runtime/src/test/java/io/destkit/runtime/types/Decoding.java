package io.destkit.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one JSON value as an engine would: inside a record, between two other fields, so that every decode also
 * checks that the decoder leaves the parser on the value's last token.
 */
final class Decoding {
  /** Parses NaN and Infinity as number tokens too, as a lenient engine might. */
  static final JsonFactory LENIENT = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  static final String FIELD = "the_field";

  private Decoding() {}

  /** What decoding gave: the value and the changes. */
  record Result(Object value, List<MetaChange> changes) {}

  static Result decode(AirbyteType type, String jsonValue) {
    return decode(LENIENT, type, jsonValue);
  }

  static Result decode(JsonFactory factory, AirbyteType type, String jsonValue) {
    String record = "{\"before\": [1, {\"x\": 2}], \"" + FIELD + "\": " + jsonValue + ", \"after\": \"next\"}";
    ValueDecoder decoder = ValueDecoders.forType(type);
    List<MetaChange> changes = new ArrayList<>();
    try (JsonParser parser = factory.createParser(record)) {
      assertEquals(JsonToken.START_OBJECT, parser.nextToken());
      assertEquals("before", parser.nextFieldName());
      parser.nextToken();
      parser.skipChildren();
      assertEquals(FIELD, parser.nextFieldName());
      parser.nextToken();
      Object value = decoder.decode(parser, FIELD, changes);
      assertEquals("after", parser.nextFieldName(), "the decoder must leave the parser on the value's last token");
      assertEquals("next", parser.nextTextValue());
      assertEquals(JsonToken.END_OBJECT, parser.nextToken());
      return new Result(value, changes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a value that fits: returns it and checks that no change was recorded. */
  static Object good(AirbyteType type, String jsonValue) {
    Result result = decode(type, jsonValue);
    assertEquals(List.of(), result.changes(), () -> "changes for " + jsonValue);
    return result.value();
  }

  /** Checks that a value that does not fit gives null and exactly one NULLED change for the field. */
  static void bad(AirbyteType type, String jsonValue, MetaChange.Reason reason) {
    Result result = decode(type, jsonValue);
    assertEquals(null, result.value(), () -> "value for " + jsonValue);
    assertEquals(List.of(new MetaChange(FIELD, MetaChange.Change.NULLED, reason)), result.changes(),
        () -> "changes for " + jsonValue);
  }

  static void typecastError(AirbyteType type, String jsonValue) {
    bad(type, jsonValue, MetaChange.Reason.DESTINATION_TYPECAST_ERROR);
  }

  static void tooLarge(AirbyteType type, String jsonValue) {
    bad(type, jsonValue, MetaChange.Reason.DESTINATION_FIELD_SIZE_LIMITATION);
  }

  /** A Java string as a JSON string literal (quotes and escapes added). */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}

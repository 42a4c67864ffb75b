package io.destkit.runtime.types;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * Writes the value at a parser's current token back as compact JSON text. Unlike
 * {@link JsonGenerator#copyCurrentStructure}, numbers are copied as the source wrote them (Jackson's copy goes
 * through {@code double} and turns {@code 1e400} into {@code Infinity}), and the non-numeric numbers some parsers
 * allow ({@code NaN}, {@code Infinity}) become JSON strings so that the text stays valid JSON.
 */
final class JsonText {
  private static final JsonFactory FACTORY = new JsonFactory();
  /** Reads back a slice of input that held NaN or Infinity: it was valid for a parser that allows them. */
  private static final JsonFactory LENIENT = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE)
          .maxNestingDepth(Integer.MAX_VALUE).build())
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private JsonText() {}

  /**
   * The current value as compact JSON; leaves the parser on the value's last token. An object or array read by a
   * parser whose locations carry its input bytes is copied from those bytes, without its whitespace, instead of
   * token by token: strings are not decoded and written again, and numbers stay as written.
   */
  static String compact(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      JsonLocation start = parser.currentTokenLocation();
      ContentReference source = start.contentReference();
      if (source != null && source.getRawContent() instanceof byte[] bytes && start.getByteOffset() >= 0
          && source.contentOffset() >= 0) {
        parser.skipChildren();
        int from = source.contentOffset() + (int) start.getByteOffset();
        int to = source.contentOffset() + (int) parser.currentLocation().getByteOffset();
        String text = compactSlice(bytes, from, to);
        if (text != null) {
          return text;
        }
        try (JsonParser again = LENIENT.createParser(bytes, from, to - from)) {
          again.nextToken();
          return copied(again);
        }
      }
    }
    return copied(parser);
  }

  /**
   * The valid JSON text {@code bytes[from, to)} without whitespace between tokens; null if it holds NaN or
   * Infinity, which are not JSON and must be rewritten as strings.
   */
  static String compactSlice(byte[] bytes, int from, int to) {
    boolean inString = false;
    boolean spaced = false;
    for (int i = from; i < to; i++) {
      byte c = bytes[i];
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        spaced = true;
      } else if (c == 'N' || c == 'I') {
        return null;
      }
    }
    if (!spaced) {
      return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
    byte[] out = new byte[to - from];
    int length = 0;
    for (int i = from; i < to; i++) {
      byte c = bytes[i];
      if (inString) {
        out[length++] = c;
        if (c == '\\') {
          out[length++] = bytes[++i];
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        out[length++] = c;
      } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        out[length++] = c;
      }
    }
    return new String(out, 0, length, StandardCharsets.UTF_8);
  }

  private static String copied(JsonParser parser) throws IOException {
    StringWriter out = new StringWriter(64);
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      copy(parser, generator);
    }
    return out.toString();
  }

  private static void copy(JsonParser parser, JsonGenerator generator) throws IOException {
    JsonToken token = parser.currentToken();
    int depth = 0;
    while (true) {
      if (token == null) {
        throw new JsonEOFException(parser, null, "Unexpected end of input inside a JSON value");
      }
      switch (token) {
        case START_OBJECT:
          generator.writeStartObject();
          depth++;
          break;
        case START_ARRAY:
          generator.writeStartArray();
          depth++;
          break;
        case END_OBJECT:
          generator.writeEndObject();
          depth--;
          break;
        case END_ARRAY:
          generator.writeEndArray();
          depth--;
          break;
        case FIELD_NAME:
          generator.writeFieldName(parser.currentName());
          break;
        case VALUE_STRING:
          generator.writeString(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
          break;
        case VALUE_NUMBER_INT:
          generator.writeNumber(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
          break;
        case VALUE_NUMBER_FLOAT:
          if (parser.isNaN()) {
            generator.writeString(parser.getText());
          } else {
            generator.writeNumber(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
          }
          break;
        case VALUE_TRUE:
          generator.writeBoolean(true);
          break;
        case VALUE_FALSE:
          generator.writeBoolean(false);
          break;
        case VALUE_NULL:
          generator.writeNull();
          break;
        default:
          // VALUE_EMBEDDED_OBJECT and NOT_AVAILABLE do not occur in JSON text.
          generator.writeString(String.valueOf(parser.getText()));
          break;
      }
      if (depth == 0) {
        return;
      }
      token = parser.nextToken();
    }
  }
}

package io.destkit.runtime.types;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Writes the value at a parser's current token back as compact JSON text. Unlike
 * {@link JsonGenerator#copyCurrentStructure}, numbers are copied as the source wrote them (Jackson's copy goes
 * through {@code double} and turns {@code 1e400} into {@code Infinity}), and the non-numeric numbers some parsers
 * allow ({@code NaN}, {@code Infinity}) become JSON strings so that the text stays valid JSON.
 */
final class JsonText {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonText() {}

  /** The current value as compact JSON; leaves the parser on the value's last token. */
  static String compact(JsonParser parser) throws IOException {
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

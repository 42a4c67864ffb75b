package io.destkit.runtime.types;

import static io.destkit.runtime.types.ProtobufValues.BIG_DECIMAL;
import static io.destkit.runtime.types.ProtobufValues.BIG_INTEGER;
import static io.destkit.runtime.types.ProtobufValues.BOOLEAN;
import static io.destkit.runtime.types.ProtobufValues.INTEGER;
import static io.destkit.runtime.types.ProtobufValues.JSON;
import static io.destkit.runtime.types.ProtobufValues.NUMBER;
import static io.destkit.runtime.types.ProtobufValues.STRING;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.CharConversionException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;

/**
 * The JSON side of speed-mode values: the json case (UTF-8 JSON bytes) read back as compact text, copied token by
 * token or given as a parser, and the JSON form of the other cases. Numbers keep their text; NaN and infinities, which
 * are not JSON, become strings when written, as they do for JSON lines (a parser gives the tokens a JSON line's would).
 */
final class EmbeddedJson {
  /**
   * Reads the json case as the JSON lines are read: lenient about NaN, no limit on a string's length, the same depth.
   * The source in locations lets {@link JsonText#compact} copy an object or array from the bytes; it never reaches a
   * message, since every error below is reported in words of our own.
   */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE)
          .maxNestingDepth(1000).build())
      .build();

  private EmbeddedJson() {}

  /**
   * The single JSON value in {@code bytes} as compact text; null when the bytes are not exactly one JSON value, or
   * when {@code first} is given and the value does not start with it.
   */
  static String compact(byte[] bytes, JsonToken first) {
    return compact(bytes, 0, bytes.length, first);
  }

  /** {@link #compact(byte[], JsonToken)} of {@code bytes[offset, offset + length)}, read in place. */
  static String compact(byte[] bytes, int offset, int length, JsonToken first) {
    if (first == JsonToken.START_ARRAY || first == JsonToken.START_OBJECT) {
      // Strict JSON, what sources send, in one pass; anything else (NaN, invalid, deeper) is the parser's to judge.
      String checked = CheckedJson.compact(bytes, offset, length, first == JsonToken.START_OBJECT);
      if (checked != null) {
        return checked;
      }
    }
    try (JsonParser parser = FACTORY.createParser(bytes, offset, length)) {
      JsonToken token = parser.nextToken();
      if (token == null || (first != null && token != first)) {
        return null;
      }
      if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        // The bytes are the whole value: checked by walking its tokens, then copied without their whitespace (a
        // source's JSON is usually compact already), rather than written again token by token.
        parser.skipChildren();
        if (parser.nextToken() != null) {
          return null;
        }
        String text = JsonText.compactSlice(bytes, offset, offset + length);
        if (text != null) {
          return text;
        }
        try (JsonParser again = FACTORY.createParser(bytes, offset, length)) {
          again.nextToken();
          return JsonText.compact(again);
        }
      }
      String text = JsonText.compact(parser);
      return parser.nextToken() == null ? text : null;
    } catch (IOException e) {
      // Reading from memory: any failure is the content's.
      return null;
    }
  }

  /** The JSON text of a case other than json, given as {@link ProtobufWire#raw} reads it. */
  static String scalarText(int number, Object raw) {
    return switch (number) {
      case BOOLEAN, INTEGER -> raw.toString();
      case STRING -> quoted((String) raw);
      case BIG_INTEGER, BIG_DECIMAL -> {
        String json = numberText((String) raw);
        yield json != null ? json : quoted((String) raw);
      }
      case NUMBER -> {
        double value = (Double) raw;
        yield Double.isFinite(value) ? Double.toString(value) : quoted(nonFinite(value));
      }
      default -> quoted(JsonTrees.iso((TemporalAccessor) raw));
    };
  }

  /**
   * A parser on the first token of the value of case {@code number} (0: null), given as {@link ProtobufWire#raw}
   * reads it: the json case's JSON, or the JSON text of another case ({@link #scalarText}), with the tokens a JSON
   * line's parser gives for it (kept in memory, as the decoder keeps a JSON record's early data). Null when the json
   * case is not exactly one JSON value.
   */
  static JsonParser parser(int number, Object raw) throws IOException {
    if (number == 0) {
      TokenBuffer tokens = new TokenBuffer((ObjectCodec) null, false);
      tokens.writeNull();
      return first(tokens.asParser());
    }
    byte[] json = number == JSON ? (byte[]) raw : scalarText(number, raw).getBytes(StandardCharsets.UTF_8);
    try (JsonParser source = FACTORY.createParser(json)) {
      if (source.nextToken() == null) {
        return null;
      }
      TokenBuffer tokens = new TokenBuffer(source);
      tokens.copyCurrentStructure(source);
      return source.nextToken() == null ? first(tokens.asParser()) : null;
    } catch (IOException e) {
      // Reading from memory: any failure is the content's.
      return null;
    }
  }

  private static JsonParser first(JsonParser parser) throws IOException {
    parser.nextToken();
    return parser;
  }

  /** Writes the value of case {@code number}, given as {@link ProtobufWire#raw} reads it, as {@link #scalarText}. */
  static void write(JsonGenerator json, int number, Object raw) throws IOException {
    switch (number) {
      case BOOLEAN -> json.writeBoolean((Boolean) raw);
      case STRING -> json.writeString((String) raw);
      case INTEGER -> json.writeNumber((long) (Long) raw);
      case BIG_INTEGER, BIG_DECIMAL -> {
        String text = numberText((String) raw);
        if (text != null) {
          json.writeNumber(text);
        } else {
          json.writeString((String) raw);
        }
      }
      case NUMBER -> {
        double value = (Double) raw;
        if (Double.isFinite(value)) {
          json.writeNumber(value);
        } else {
          json.writeString(nonFinite(value));
        }
      }
      case JSON -> copy((byte[]) raw, json);
      default -> json.writeString(JsonTrees.iso((TemporalAccessor) raw));
    }
  }

  /** Copies the single JSON value in {@code bytes} to {@code json}, numbers as written. */
  private static void copy(byte[] bytes, JsonGenerator json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      copy(parser, bytes.length, json);
    } catch (JsonEOFException e) {
      throw invalid("it ends inside a value", bytes.length);
    } catch (StreamReadException | StreamConstraintsException e) {
      JsonLocation at = e.getLocation();
      throw invalid((at == null ? "it cannot be read" : "it cannot be read at byte " + at.getByteOffset()) + " ("
          + e.getClass().getSimpleName() + ")", bytes.length);
    } catch (CharConversionException e) {
      throw invalid("it is not in a Unicode encoding", bytes.length);
    }
  }

  private static void copy(JsonParser parser, int length, JsonGenerator json) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw invalid("it is empty", length);
    }
    int depth = 0;
    while (true) {
      switch (token) {
        case START_OBJECT -> {
          json.writeStartObject();
          depth++;
        }
        case START_ARRAY -> {
          json.writeStartArray();
          depth++;
        }
        case END_OBJECT -> {
          json.writeEndObject();
          depth--;
        }
        case END_ARRAY -> {
          json.writeEndArray();
          depth--;
        }
        case FIELD_NAME -> json.writeFieldName(parser.currentName());
        case VALUE_STRING -> json.writeString(parser.getTextCharacters(), parser.getTextOffset(),
            parser.getTextLength());
        case VALUE_NUMBER_INT -> {
          // A generator over tokens (TokenBuffer) keeps an integer an integer only when given as one.
          JsonParser.NumberType type = parser.getNumberType();
          if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
            json.writeNumber(parser.getLongValue());
          } else {
            json.writeNumber(parser.getBigIntegerValue());
          }
        }
        case VALUE_NUMBER_FLOAT -> {
          if (parser.isNaN()) {
            json.writeString(parser.getText());
          } else {
            // The text, not a double: 1e400 and 0.10 stay as written.
            json.writeNumber(parser.getText());
          }
        }
        case VALUE_TRUE -> json.writeBoolean(true);
        case VALUE_FALSE -> json.writeBoolean(false);
        case VALUE_NULL -> json.writeNull();
        default -> throw invalid("it holds a token that JSON text does not have", length);
      }
      if (depth == 0) {
        break;
      }
      token = parser.nextToken();
      if (token == null) {
        throw invalid("it ends inside a value", length);
      }
    }
    if (parser.nextToken() != null) {
      throw invalid("it holds more than one value", length);
    }
  }

  /** An error about the json case that names the problem but not the value, which may be anybody's data. */
  private static IOException invalid(String problem, int length) {
    return new IOException("The json value of a speed-mode record is not valid JSON: " + problem + " (" + length
        + " bytes)");
  }

  /**
   * A number's text as JSON: itself when it is JSON's grammar already, else the number it writes in another spelling
   * ({@code +5}, {@code .5}, {@code 5.}) written by {@link BigDecimal}; null when it is no number.
   */
  private static String numberText(String text) {
    if (isJsonNumber(text)) {
      return text;
    }
    BigDecimal value = ValueDecoders.decimal(text);
    return value == null ? null : value.toString();
  }

  /** Whether {@code text} is a number in JSON's grammar: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
  private static boolean isJsonNumber(String text) {
    int length = text.length();
    int i = 0;
    if (i < length && text.charAt(i) == '-') {
      i++;
    }
    int start = i;
    i = digits(text, i);
    if (i == start || (text.charAt(start) == '0' && i - start > 1)) {
      return false;
    }
    if (i < length && text.charAt(i) == '.') {
      int fraction = ++i;
      i = digits(text, i);
      if (i == fraction) {
        return false;
      }
    }
    if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int exponent = i;
      i = digits(text, i);
      if (i == exponent) {
        return false;
      }
    }
    return i == length;
  }

  private static int digits(String text, int i) {
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /** NaN and the infinities as the strings Jackson gives them. */
  private static String nonFinite(double value) {
    return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
  }

  /** {@code text} as a JSON string literal, escaped as Jackson's generator escapes it. */
  private static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    JsonStringEncoder.getInstance().quoteAsString(text, out);
    return out.append('"').toString();
  }
}

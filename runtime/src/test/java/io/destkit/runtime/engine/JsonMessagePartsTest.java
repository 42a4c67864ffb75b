package io.destkit.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Where a token starts, read without a {@code JsonLocation}, is where Jackson's location says it starts, for the
 * parsers the readers make: over an array (from its start or from an offset in it) and over a stream.
 */
class JsonMessagePartsTest {
  private static final String INPUT = "{\"type\":\"RECORD\",\"record\":{\"data\":{\"a\":[1,2.5,\"x\"],\"b\":null,"
      + "\"c\":{\"d\":true}}}}\n  {\"type\":\"STATE\"}\r\n\n[\"é\", -7, false] {}\n";

  @Test
  void tokenOffsetsAndLinesAreJacksonsLocations() throws IOException {
    byte[] bytes = INPUT.getBytes(StandardCharsets.UTF_8);
    JsonFactory factory = JsonMessageParts.factory(false, 100);
    int base = 5;
    byte[] shifted = new byte[bytes.length + base];
    System.arraycopy(bytes, 0, shifted, base, bytes.length);
    for (JsonParser parser : new JsonParser[] {factory.createParser(bytes),
        factory.createParser(shifted, base, bytes.length), factory.createParser(new ByteArrayInputStream(bytes))}) {
      try (parser) {
        int tokens = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
          if (token != JsonToken.FIELD_NAME) {
            JsonLocation location = parser.currentTokenLocation();
            assertEquals(location.getByteOffset(), JsonMessageParts.tokenOffset(parser), token + " " + tokens);
            assertEquals(location.getLineNr(), JsonMessageParts.tokenLine(parser), token + " " + tokens);
            tokens++;
          }
        }
        assertTrue(tokens > 20);
      }
    }
  }
}

package io.destkit.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Where a token starts, read without a {@code JsonLocation}, is where Jackson's location says it starts. */
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
    for (JsonParser parser : new JsonParser[] {factory.createParser(bytes), factory.createParser(shifted, base,
        bytes.length), factory.createParser(new ByteArrayInputStream(bytes)), factory.createParser(INPUT)}) {
      try (parser) {
        int tokens = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
          if (token != JsonToken.FIELD_NAME) {
            assertEquals(parser.currentTokenLocation().getByteOffset() < 0
                ? parser.currentTokenLocation().getCharOffset() : parser.currentTokenLocation().getByteOffset(),
                parser instanceof UTF8StreamJsonParser ? JsonMessageParts.tokenOffset(parser)
                    : parser.currentTokenLocation().getCharOffset(), token + " in " + parser.getClass());
            assertEquals(parser.currentTokenLocation().getLineNr(), JsonMessageParts.tokenLine(parser));
            tokens++;
          }
        }
        assertTrue(tokens > 20);
      }
    }
  }
}

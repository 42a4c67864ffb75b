package io.destkit.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast check of a speed-mode json value says yes only to what Jackson's strict parser reads as exactly one array
 * or object, and then gives the text the slow path gives; it says yes to the JSON sources send, or it would be no
 * faster.
 */
class CheckedJsonTest {
  private static final JsonFactory STRICT = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(1000).build()).build();

  @ParameterizedTest
  @ValueSource(strings = {"[]", "{}", " [ 1 , 2 ] ", "[\"alpha\",\"zeta\",\"zeta\"]",
      "{\"a\":{\"b\":[true,false,null]}}", "[-0,0.5,1e3,1E-3,-12.5e+7,123456789012345678901234567890]",
      "[\"\\u00e9\\n\\\"\\\\\\/\\b\\f\\r\\t\"]",
      "[\"é ☃ 😀\"]", "{\"\":\"\"}", "[[[[[]]]]]", "\t{\n\"k\" :\r\n[ ] }\n"})
  void acceptsStrictJsonAndGivesTheSlowPathsText(String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    boolean object = json.trim().startsWith("{");
    String checked = CheckedJson.compact(bytes, 0, bytes.length, object);
    assertNotNull(checked, json);
    assertEquals(slowPath(bytes, 0, bytes.length, object), checked, json);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "[", "]", "[1,]", "[,1]", "[1 2]", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{1:2}",
      "[01]", "[1.]", "[.5]", "[-]", "[1e]", "[+1]", "[NaN]", "[Infinity]", "[-Infinity]", "[tru]", "[nul]",
      "[\"\\x\"]", "[\"\\u12\"]", "[\"a\tb\"]", "[\"open]", "[] []", "[]x", "{}{}", "[1]]", "{\"a\":1}}",
      "[\"\\\"]", "['a']", "[true false]"})
  void refusesWhatIsNotStrictJson(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    assertNull(CheckedJson.compact(bytes, 0, bytes.length, false), json);
    assertNull(CheckedJson.compact(bytes, 0, bytes.length, true), json);
  }

  @Test
  void refusesMalformedUtf8AndTheOtherContainer() {
    byte[][] broken = {
        {'[', '"', (byte) 0xC0, (byte) 0x80, '"', ']'}, // overlong
        {'[', '"', (byte) 0xE0, (byte) 0x80, (byte) 0x80, '"', ']'}, // overlong
        {'[', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ']'}, // a surrogate
        {'[', '"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"', ']'}, // beyond U+10FFFF
        {'[', '"', (byte) 0xE2, (byte) 0x98, '"', ']'}, // cut short
        {'[', '"', (byte) 0x80, '"', ']'}, // a lone continuation
        {'[', '"', (byte) 0xFF, '"', ']'}};
    for (byte[] bytes : broken) {
      assertNull(CheckedJson.compact(bytes, 0, bytes.length, false));
    }
    byte[] array = "[1]".getBytes(StandardCharsets.UTF_8);
    assertNull(CheckedJson.compact(array, 0, array.length, true), "an array where an object is asked for");
  }

  @Test
  void nestingBeyondWhatItFollowsIsLeftToTheParser() {
    String deep = "[".repeat(CheckedJson.MAX_DEPTH + 1) + "]".repeat(CheckedJson.MAX_DEPTH + 1);
    String deepest = "[".repeat(CheckedJson.MAX_DEPTH) + "]".repeat(CheckedJson.MAX_DEPTH);
    assertNull(CheckedJson.compact(deep.getBytes(StandardCharsets.UTF_8), 0, deep.length(), false));
    assertEquals(deepest, CheckedJson.compact(deepest.getBytes(StandardCharsets.UTF_8), 0, deepest.length(), false));
  }

  @Test
  void agreesWithJacksonOnGeneratedAndBrokenJson() throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    int accepted = 0;
    int mutants = 0;
    for (int n = 0; n < 20_000; n++) {
      boolean object = random.nextBoolean();
      StringBuilder json = new StringBuilder();
      container(json, random, object, 0);
      byte[] valid = json.toString().getBytes(StandardCharsets.UTF_8);
      byte[] framed = new byte[valid.length + 6];
      System.arraycopy(valid, 0, framed, 3, valid.length);
      String checked = CheckedJson.compact(framed, 3, valid.length, object);
      assertNotNull(checked, json::toString);
      assertEquals(slowPath(valid, 0, valid.length, object), checked);
      accepted++;
      for (int m = 0; m < 4; m++) {
        byte[] broken = mutate(valid, random);
        String fast = CheckedJson.compact(broken, 0, broken.length, object);
        if (fast != null) {
          String slow = slowPath(broken, 0, broken.length, object);
          assertEquals(slow, fast, () -> "a mutant the parser reads otherwise: "
              + new String(broken, StandardCharsets.ISO_8859_1));
          mutants++;
        }
      }
    }
    assertEquals(20_000, accepted);
    assertTrue(mutants > 1_000, "mutants still valid JSON were checked too: " + mutants);
  }

  /** What the parser says: the compact text of exactly one value of the asked kind, or null. */
  private static String slowPath(byte[] bytes, int from, int length, boolean object) throws IOException {
    try (JsonParser parser = STRICT.createParser(bytes, from, length)) {
      JsonToken first = parser.nextToken();
      if (first != (object ? JsonToken.START_OBJECT : JsonToken.START_ARRAY)) {
        return null;
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        return null;
      }
    } catch (IOException e) {
      return null;
    }
    return JsonText.compactSlice(bytes, from, from + length);
  }

  private static void container(StringBuilder out, SplittableRandom random, boolean object, int depth) {
    out.append(object ? '{' : '[').append(space(random));
    int size = random.nextInt(depth > 3 ? 2 : 5);
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        out.append(',').append(space(random));
      }
      if (object) {
        string(out, random);
        out.append(space(random)).append(':').append(space(random));
      }
      value(out, random, depth + 1);
      out.append(space(random));
    }
    out.append(object ? '}' : ']');
  }

  private static void value(StringBuilder out, SplittableRandom random, int depth) {
    switch (random.nextInt(depth > 5 ? 6 : 8)) {
      case 0 -> string(out, random);
      case 1 -> out.append(random.nextLong(-1_000_000, 1_000_000));
      case 2 -> out.append(random.nextInt(-9, 10)).append('.').append(random.nextInt(0, 1000))
          .append(random.nextBoolean() ? "" : "e" + random.nextInt(-20, 20));
      case 3 -> out.append("true");
      case 4 -> out.append("false");
      case 5 -> out.append("null");
      default -> container(out, random, random.nextBoolean(), depth);
    }
  }

  private static void string(StringBuilder out, SplittableRandom random) {
    out.append('"');
    int length = random.nextInt(8);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(10)) {
        case 0 -> out.append("\\n");
        case 1 -> out.append("\\u00").append(Integer.toHexString(random.nextInt(16, 256)));
        case 2 -> out.append("\\\"");
        case 3 -> out.append((char) random.nextInt(0xA0, 0x800));
        case 4 -> out.append((char) random.nextInt(0x800, 0xD800));
        case 5 -> out.appendCodePoint(random.nextInt(0x10000, 0x110000));
        default -> out.append((char) random.nextInt(0x23, 0x5B)); // printable, neither quote nor backslash
      }
    }
    out.append('"');
  }

  private static String space(SplittableRandom random) {
    return random.nextInt(4) == 0 ? " \n\t\r".substring(random.nextInt(4), 4) : "";
  }

  /** A copy with one byte changed, dropped or repeated, or two swapped. */
  private static byte[] mutate(byte[] bytes, SplittableRandom random) {
    byte[] pool = "[]{}\",:\\ -+.0123456789eEtrufalsn\u00ff\u0080\u00c3\t".getBytes(StandardCharsets.ISO_8859_1);
    int at = random.nextInt(bytes.length);
    return switch (random.nextInt(4)) {
      case 0 -> {
        byte[] copy = bytes.clone();
        copy[at] = pool[random.nextInt(pool.length)];
        yield copy;
      }
      case 1 -> {
        byte[] copy = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(bytes, at + 1, copy, at, bytes.length - at - 1);
        yield copy;
      }
      case 2 -> {
        byte[] copy = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, copy, 0, at + 1);
        System.arraycopy(bytes, at, copy, at + 1, bytes.length - at);
        yield copy;
      }
      default -> {
        byte[] copy = bytes.clone();
        int other = random.nextInt(bytes.length);
        copy[at] = bytes[other];
        copy[other] = bytes[at];
        yield copy;
      }
    };
  }
}

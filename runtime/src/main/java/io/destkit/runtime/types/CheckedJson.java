package io.destkit.runtime.types;

import java.nio.charset.StandardCharsets;

/**
 * The fast check of a speed-mode json value: one pass over its bytes that accepts strict JSON (RFC 8259: no NaN, no
 * leading zeros, no control characters in strings, well-formed UTF-8, nesting to {@value #MAX_DEPTH} levels) and
 * gives it as compact text. It only ever says yes; anything else (invalid JSON, or valid JSON beyond what it
 * follows, such as NaN or deeper nesting) is null, and Jackson's parser decides as before. Checking an array column's
 * small arrays with a reused non-blocking Jackson parser, which this replaced, took 15% of a speed-mode reader's CPU
 * (BENCHMARKS.md). {@code CheckedJsonTest} holds this check to the parser's verdict on generated and broken JSON.
 */
final class CheckedJson {
  /** The deepest nesting followed: one bit a level in a long. */
  static final int MAX_DEPTH = 63;

  /**
   * What may come next: a value; a value or, first in an array, the array's end; a key; a key or, first in an object,
   * the object's end; the colon after a key; after a value, a comma or its container's end.
   */
  private enum Expected { VALUE, VALUE_OR_END, KEY, KEY_OR_END, COLON, AFTER_VALUE }

  private CheckedJson() {}

  /**
   * The single array ({@code object} false) or object in {@code bytes[from, from + length)} as compact text, when it
   * is strict JSON this check follows; null otherwise.
   */
  static String compact(byte[] bytes, int from, int length, boolean object) {
    int end = from + length;
    int i = from;
    while (i < end && isSpace(bytes[i])) {
      i++;
    }
    if (i == end || bytes[i] != (object ? '{' : '[')) {
      return null;
    }
    boolean spaced = i != from;
    long containers = 0; // bit 0: whether the innermost is an object
    int depth = 0;
    Expected state = Expected.VALUE;
    while (true) {
      while (i < end && isSpace(bytes[i])) {
        i++;
        spaced = true;
      }
      if (i == end) {
        if (state != Expected.AFTER_VALUE || depth != 0) {
          return null;
        }
        return spaced ? JsonText.compactSlice(bytes, from, end)
            : new String(bytes, from, length, StandardCharsets.UTF_8);
      }
      byte c = bytes[i];
      switch (state) {
        case VALUE_OR_END, VALUE -> {
          if (state == Expected.VALUE_OR_END && c == ']') {
            state = Expected.AFTER_VALUE; // which closes the empty array
          } else if (c == '[' || c == '{') {
            if (depth == MAX_DEPTH) {
              return null;
            }
            containers = containers << 1 | (c == '{' ? 1 : 0);
            depth++;
            i++;
            state = c == '{' ? Expected.KEY_OR_END : Expected.VALUE_OR_END;
          } else {
            i = scalar(bytes, i, end);
            if (i < 0) {
              return null;
            }
            state = Expected.AFTER_VALUE;
          }
        }
        case KEY_OR_END, KEY -> {
          if (state == Expected.KEY_OR_END && c == '}') {
            state = Expected.AFTER_VALUE; // which closes the empty object
          } else if (c == '"' && (i = string(bytes, i, end)) >= 0) {
            state = Expected.COLON;
          } else {
            return null;
          }
        }
        case COLON -> {
          if (c != ':') {
            return null;
          }
          i++;
          state = Expected.VALUE;
        }
        case AFTER_VALUE -> {
          boolean inObject = (containers & 1) != 0;
          if (depth == 0) {
            return null; // something after the value
          } else if (c == ',') {
            i++;
            state = inObject ? Expected.KEY : Expected.VALUE;
          } else if (c == (inObject ? '}' : ']')) {
            i++;
            depth--;
            containers >>>= 1;
          } else {
            return null;
          }
        }
      }
    }
  }

  /** The index after the string, number or literal at {@code i}; -1 if there is none there. */
  private static int scalar(byte[] bytes, int i, int end) {
    return switch (bytes[i]) {
      case '"' -> string(bytes, i, end);
      case 't' -> literal(bytes, i, end, "true");
      case 'f' -> literal(bytes, i, end, "false");
      case 'n' -> literal(bytes, i, end, "null");
      default -> number(bytes, i, end);
    };
  }

  private static int literal(byte[] bytes, int i, int end, String word) {
    if (end - i < word.length()) {
      return -1;
    }
    for (int k = 0; k < word.length(); k++) {
      if (bytes[i + k] != word.charAt(k)) {
        return -1;
      }
    }
    return i + word.length();
  }

  /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}; what follows it is the caller's to check. */
  private static int number(byte[] bytes, int i, int end) {
    if (bytes[i] == '-') {
      i++;
    }
    if (i == end || !isDigit(bytes[i])) {
      return -1;
    }
    if (bytes[i] == '0') {
      i++;
    } else {
      i = digits(bytes, i, end);
    }
    if (i < end && bytes[i] == '.') {
      int start = ++i;
      i = digits(bytes, i, end);
      if (i == start) {
        return -1;
      }
    }
    if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
      i++;
      if (i < end && (bytes[i] == '+' || bytes[i] == '-')) {
        i++;
      }
      int start = i;
      i = digits(bytes, i, end);
      if (i == start) {
        return -1;
      }
    }
    return i;
  }

  private static int digits(byte[] bytes, int i, int end) {
    while (i < end && isDigit(bytes[i])) {
      i++;
    }
    return i;
  }

  /** The index after the string whose opening quote is at {@code i}; -1 if it is not a valid string. */
  private static int string(byte[] bytes, int i, int end) {
    i++;
    while (i < end) {
      int c = bytes[i] & 0xff;
      if (c == '"') {
        return i + 1;
      } else if (c == '\\') {
        if (i + 1 == end) {
          return -1;
        }
        byte escaped = bytes[i + 1];
        if (escaped == 'u') {
          if (end - i < 6 || !isHex(bytes[i + 2]) || !isHex(bytes[i + 3]) || !isHex(bytes[i + 4])
              || !isHex(bytes[i + 5])) {
            return -1;
          }
          i += 6;
        } else if (escaped == '"' || escaped == '\\' || escaped == '/' || escaped == 'b' || escaped == 'f'
            || escaped == 'n' || escaped == 'r' || escaped == 't') {
          i += 2;
        } else {
          return -1;
        }
      } else if (c < 0x20) {
        return -1;
      } else if (c < 0x80) {
        i++;
      } else {
        i = utf8(bytes, i, end, c);
        if (i < 0) {
          return -1;
        }
      }
    }
    return -1;
  }

  /**
   * The index after the multi-byte UTF-8 sequence led by {@code lead} at {@code i}; -1 when it is not well formed
   * (overlong, a surrogate, beyond U+10FFFF, cut short).
   */
  private static int utf8(byte[] bytes, int i, int end, int lead) {
    int count;
    int low = 0x80;
    int high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      count = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      count = 2;
      low = lead == 0xE0 ? 0xA0 : 0x80;
      high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      count = 3;
      low = lead == 0xF0 ? 0x90 : 0x80;
      high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
      return -1;
    }
    if (end - i <= count) {
      return -1;
    }
    int second = bytes[i + 1] & 0xff;
    if (second < low || second > high) {
      return -1;
    }
    for (int k = 2; k <= count; k++) {
      int next = bytes[i + k] & 0xff;
      if (next < 0x80 || next > 0xBF) {
        return -1;
      }
    }
    return i + count + 1;
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(byte c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}

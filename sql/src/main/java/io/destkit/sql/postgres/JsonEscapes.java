package io.destkit.sql.postgres;

/**
 * Makes JSON text acceptable to PostgreSQL's JSONB, which refuses two things valid JSON may hold: the escape
 * {@code \u0000} (removed) and a surrogate escape that is not half of a pair (replaced by {@code \uFFFD}).
 */
final class JsonEscapes {
  private static final String REPLACEMENT = "\\uFFFD";

  private JsonEscapes() {}

  /** The JSON text without what JSONB refuses; null when it has nothing to change. */
  static String forPostgres(String json) {
    if (json.indexOf("\\u") < 0 && json.indexOf('\0') < 0) {
      return null;
    }
    StringBuilder out = new StringBuilder(json.length());
    boolean changed = false;
    int length = json.length();
    for (int i = 0; i < length; i++) {
      char c = json.charAt(i);
      if (c == '\0') {
        changed = true;
        continue;
      }
      if (c != '\\' || i + 1 >= length) {
        out.append(c);
        continue;
      }
      char next = json.charAt(i + 1);
      int code = next == 'u' ? hex(json, i + 2) : -1;
      if (code < 0) {
        // Any other escape (or a broken one) is copied whole, so that "\\u0000" stays a backslash and text.
        out.append(c).append(next);
        i++;
      } else if (code == 0) {
        changed = true;
        i += 5;
      } else if (Character.isHighSurrogate((char) code) && i + 12 <= length && json.charAt(i + 6) == '\\'
          && json.charAt(i + 7) == 'u' && Character.isLowSurrogate((char) Math.max(0, hex(json, i + 8)))) {
        out.append(json, i, i + 12);
        i += 11;
      } else if (Character.isSurrogate((char) code)) {
        out.append(REPLACEMENT);
        changed = true;
        i += 5;
      } else {
        out.append(json, i, i + 6);
        i += 5;
      }
    }
    return changed ? out.toString() : null;
  }

  /** The four hex digits at {@code start} as a number; -1 when there are not four. */
  private static int hex(String text, int start) {
    if (start + 4 > text.length()) {
      return -1;
    }
    int value = 0;
    for (int i = start; i < start + 4; i++) {
      int digit = Character.digit(text.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }
}

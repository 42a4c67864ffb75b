package io.destkit.sql.postgres;

/** UTF-8 written straight into a byte array, for the COPY writers: no byte array per string on the way. */
final class Utf8 {
  private Utf8() {}

  /** The most bytes {@link #encode} writes for {@code chars} chars. */
  static int maxBytes(int chars) {
    return chars * 3;
  }

  /**
   * Writes {@code value} as UTF-8 into {@code out} from {@code at}, which has room for {@link #maxBytes} bytes;
   * returns the index after it. A lone surrogate, which has no UTF-8, is written as '?', as String.getBytes does.
   */
  static int encode(String value, byte[] out, int at) {
    int n = at;
    int count = value.length();
    for (int i = 0; i < count; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        out[n++] = (byte) c;
      } else if (c < 0x800) {
        out[n++] = (byte) (0xC0 | c >> 6);
        out[n++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i + 1 < count && Character.isLowSurrogate(value.charAt(i + 1))) {
        int code = Character.toCodePoint(c, value.charAt(++i));
        out[n++] = (byte) (0xF0 | code >> 18);
        out[n++] = (byte) (0x80 | code >> 12 & 0x3F);
        out[n++] = (byte) (0x80 | code >> 6 & 0x3F);
        out[n++] = (byte) (0x80 | code & 0x3F);
      } else if (Character.isSurrogate(c)) {
        out[n++] = '?';
      } else {
        out[n++] = (byte) (0xE0 | c >> 12);
        out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
        out[n++] = (byte) (0x80 | c & 0x3F);
      }
    }
    return n;
  }
}

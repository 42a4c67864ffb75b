package io.destkit.runtime.write;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits standard input into lines without copying them: reads large blocks into one buffer and hands out each line
 * as a slice of it, valid until the next call. A line longer than the buffer grows it. A final line without a newline
 * is still a line; {@code \r} before a newline is dropped.
 */
final class LineReader {
  private final InputStream in;
  private byte[] buffer;
  private int position;
  private int limit;
  /** Where the search for the next newline goes on: bytes before it are known to hold none. */
  private int scanned;
  private boolean eof;
  private int lineStart;
  private int lineLength;
  private long lineNumber;
  private long bytesRead;

  LineReader(InputStream in, int blockSize) {
    this.in = in;
    this.buffer = new byte[blockSize];
  }

  /** Moves to the next line; false at the end of input. */
  boolean next() throws IOException {
    scanned = Math.max(scanned, position);
    while (true) {
      for (int i = scanned; i < limit; i++) {
        if (buffer[i] == '\n') {
          setLine(position, i);
          position = i + 1;
          scanned = position;
          return true;
        }
      }
      scanned = limit;
      if (eof) {
        if (position < limit) {
          setLine(position, limit);
          position = limit;
          return true;
        }
        return false;
      }
      fill();
    }
  }

  private void setLine(int start, int end) {
    lineStart = start;
    lineLength = end > start && buffer[end - 1] == '\r' ? end - start - 1 : end - start;
    lineNumber++;
  }

  private void fill() throws IOException {
    int pending = limit - position;
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, pending);
      scanned -= position;
      position = 0;
      limit = pending;
    }
    if (limit == buffer.length) {
      byte[] larger = new byte[Math.max(buffer.length * 2, 1)];
      System.arraycopy(buffer, 0, larger, 0, limit);
      buffer = larger;
    }
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      eof = true;
    } else {
      limit += read;
      bytesRead += read;
    }
  }

  byte[] buffer() {
    return buffer;
  }

  int lineStart() {
    return lineStart;
  }

  int lineLength() {
    return lineLength;
  }

  /** The current line's number, from 1. */
  long lineNumber() {
    return lineNumber;
  }

  /** Bytes read from the input so far. */
  long bytesRead() {
    return bytesRead;
  }
}

package io.destkit.testkit.messages;

import java.util.Objects;

/**
 * A line sent exactly as written: a blank line, a message type the connector does not know, a line cut off.
 *
 * @param line the text, without a line break
 */
public record RawLine(String line) implements Message {
  /** Rejects null and line breaks: one RawLine is one line. */
  public RawLine {
    Objects.requireNonNull(line, "line");
    if (line.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("A raw line cannot hold a line break");
    }
  }

  @Override
  public String toLine() {
    return line;
  }
}

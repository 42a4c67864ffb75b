package io.destkit.runtime.engine;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.destkit.runtime.error.InputException;
import io.destkit.runtime.write.StreamDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads protocol messages, one JSON object per line, from standard input.
 *
 * <p>Input is read in large blocks. All the whole lines of a block are parsed by one parser: creating a parser per
 * line costs more than tokenizing a typical record. The parser's own line count checks that each message sits on
 * a line of its own: a value that spans lines, shares its line with another, is not an object, or does not parse at
 * all sends that one line down the careful path, {@link MessageDecoder#decode}, which parses it alone and gives the
 * exact error (or, for a line that only looked odd, such as one with a lone carriage return, its message), after
 * which block parsing resumes on the next line. So valid input is read fast, and bad input is reported line by line
 * exactly as before. A line longer than the buffer grows it.
 *
 * <p>Line numbers follow the parser's count, in which a lone carriage return between tokens also ends a line.
 */
public final class MessageReader implements MessageSource {
  private final InputStream in;
  private final MessageDecoder decoder;
  private byte[] buffer;
  /** Bytes {@code [0, limit)} of the buffer hold input; {@code [position, blockEnd)} is the block being parsed. */
  private int position;
  private int limit;
  private int blockEnd;
  /** Bytes before this index (and after {@code position}) are known to hold no newline. */
  private int scanned;
  private boolean eof;

  private JsonParser parser;
  /** Where the parser's input starts in the buffer, and the number of the line it starts on. */
  private int parserBase;
  private long parserFirstLine = 1;
  /** The parser's line of the end of the last message, or 0 before the first. */
  private int lastRow;
  /** A root token the parser has already read: the start of the next message, or null at the block's end. */
  private JsonToken peeked;
  private boolean hasPeeked;

  public MessageReader(InputStream in, MessageDecoder decoder, int blockSize) {
    this.in = in;
    this.decoder = decoder;
    this.buffer = new byte[blockSize];
  }

  /**
   * A reader of the input held in {@code block[0, length)}, whole lines but for the input's last, numbered from 1:
   * what a {@link ParallelReader} thread reads a block with. The block is read in place, not copied.
   */
  MessageReader(byte[] block, int length, MessageDecoder decoder) {
    this.in = InputStream.nullInputStream();
    this.decoder = decoder;
    this.buffer = block;
    this.limit = length;
    this.eof = true;
  }

  /** How many lines were read to their end so far: all the lines of a block, once {@link #next} said null. */
  long linesRead() {
    return parserFirstLine - 1;
  }

  /** What is left of the input when a reader hands it over: the bytes it read but did not parse, the lines before. */
  record Rest(byte[] bytes, boolean eof, long linesBefore) {}

  /**
   * Whether no parser is part-way through a block: between blocks, after a line read the careful way, or once the
   * message just read was its block's last. The input can then be handed over ({@link #handOver}) with no message
   * read twice or lost.
   */
  boolean atBlockEnd() {
    return parser == null || hasPeeked && peeked == null;
  }

  /**
   * Ends this reader where it is ({@link #atBlockEnd}) and gives what is left: the bytes read but not parsed, whether
   * the input had ended, and the lines before them; the rest of the input stream is the new reader's to read.
   */
  Rest handOver() throws IOException {
    if (!atBlockEnd()) {
      throw new IllegalStateException("a block is part-read");
    }
    if (parser != null) {
      endBlock();
    }
    return new Rest(Arrays.copyOfRange(buffer, position, limit), eof, linesRead());
  }

  /**
   * Reads the next message into the decoder and tells what it was; null at the end of input.
   *
   * @throws InputException for a line that is not a valid message
   */
  @Override
  public MessageDecoder.Kind next() throws IOException, InputException {
    while (true) {
      if (parser == null && !openBlock()) {
        return null;
      }
      JsonToken token;
      if (hasPeeked) {
        token = peeked;
        hasPeeked = false;
      } else {
        try {
          token = parser.nextToken();
        } catch (JsonProcessingException e) {
          JsonLocation at = e.getLocation();
          return at == null ? carefully(-1, lastRow + 1) : carefully(at.getByteOffset(), at.getLineNr());
        }
      }
      if (token == null) {
        endBlock();
        continue;
      }
      long start = JsonMessageParts.tokenOffset(parser);
      int startRow = JsonMessageParts.tokenLine(parser);
      if (token != JsonToken.START_OBJECT || startRow <= lastRow) {
        return carefully(start, startRow);
      }
      MessageDecoder.Kind kind;
      try {
        kind = decoder.message(parser, start, parserFirstLine + startRow - 1, buffer, parserBase);
      } catch (JsonProcessingException e) {
        return carefully(start, startRow);
      } catch (InputException e) {
        // What is wrong may be that the message ran on into the next line: the careful path tells.
        if (parser.currentLocation().getLineNr() != startRow) {
          return carefully(start, startRow);
        }
        throw e;
      }
      int endRow = decoder.messageEndRow();
      if (endRow != startRow) {
        return carefully(start, startRow);
      }
      // The message must end its line: look at the next root token before letting this one go.
      try {
        peeked = parser.nextToken();
      } catch (JsonProcessingException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() <= endRow) {
          return carefully(start, startRow);
        }
        // The next line is bad, not this one: take this message now, and that line, carefully, on the next call.
        int lineEnd = lineEnd(parserBase + (int) start);
        accept(kind, startRow);
        closeParser();
        parserFirstLine += endRow;
        position = Math.min(lineEnd + 1, blockEnd);
        return kind;
      }
      hasPeeked = true;
      if (peeked != null && JsonMessageParts.tokenLine(parser) == endRow) {
        return carefully(start, startRow);
      }
      return accept(kind, startRow);
    }
  }

  private MessageDecoder.Kind accept(MessageDecoder.Kind kind, int row) {
    lastRow = row;
    return kind;
  }

  /**
   * Decodes the line that holds the parser's byte {@code offset} (negative: unknown), on its line {@code line}, alone,
   * through the careful path, and resumes block parsing after it. Messages before it on its line (which can only be
   * there if the line is bad) were not let go.
   */
  private MessageDecoder.Kind carefully(long offset, int line) throws IOException, InputException {
    int at = offset < 0 ? position : parserBase + (int) Math.min(offset, blockEnd - parserBase);
    int row = Math.max(line, 1);
    int lineStart = at;
    while (lineStart > parserBase && buffer[lineStart - 1] != '\n') {
      lineStart--;
    }
    int lineEnd = lineEnd(at);
    int length = lineEnd - lineStart;
    if (length > 0 && buffer[lineStart + length - 1] == '\r') {
      length--;
    }
    long lineNumber = parserFirstLine + row - 1;
    closeParser();
    MessageDecoder.Kind kind = decoder.decode(buffer, lineStart, length, lineNumber);
    // Block parsing goes on from the next line.
    parserFirstLine = lineNumber + 1;
    position = Math.min(lineEnd + 1, blockEnd);
    if (position < blockEnd) {
      openParser();
    } else {
      position = blockEnd;
    }
    return kind;
  }

  /** The index of the newline that ends the line holding {@code at}, or the block's end. */
  private int lineEnd(int at) {
    int end = at;
    while (end < blockEnd && buffer[end] != '\n') {
      end++;
    }
    return end;
  }

  /** Finds the next block of whole lines, reading more input as needed; false at the end of input. */
  private boolean openBlock() throws IOException {
    while (true) {
      int last = -1;
      for (int i = limit - 1; i >= Math.max(scanned, position); i--) {
        if (buffer[i] == '\n') {
          last = i;
          break;
        }
      }
      if (last >= 0) {
        blockEnd = last + 1;
        break;
      }
      scanned = limit;
      if (eof) {
        if (position < limit) {
          blockEnd = limit;
          break;
        }
        return false;
      }
      fill();
    }
    openParser();
    return true;
  }

  private void openParser() throws IOException {
    parser = MessageDecoder.BLOCK_FACTORY.createParser(buffer, position, blockEnd - position);
    parserBase = position;
    lastRow = 0;
    hasPeeked = false;
  }

  /** The parser has read its whole block: the next block starts after it. */
  private void endBlock() throws IOException {
    // The parser's line count at the end: one more than the lines the block ended (each block ends with one).
    parserFirstLine += parser.currentLocation().getLineNr() - 1;
    closeParser();
    position = blockEnd;
  }

  private void closeParser() throws IOException {
    if (parser != null) {
      parser.close();
      parser = null;
    }
  }

  private void fill() throws IOException {
    int pending = limit - position;
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, pending);
      scanned = Math.max(scanned - position, 0);
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
    }
  }

  /** The record just read, when {@link #next} said RECORD: valid until the next call. */
  @Override
  public RecordCursor record() {
    return decoder;
  }

  /** The record just set aside, when {@link #next} said REJECTED. */
  @Override
  public io.destkit.runtime.rejected.RejectedRecord rejection() {
    return decoder.rejection();
  }

  /** The STATE just read. */
  @Override
  public StateMessage state() {
    return decoder.state();
  }

  /** The stream whose STREAM_STATUS was just read, when {@link #next} said STREAM_COMPLETE or STREAM_INCOMPLETE. */
  @Override
  public StreamDescriptor completed() {
    return decoder.completed();
  }
}

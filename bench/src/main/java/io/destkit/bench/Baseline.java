package io.destkit.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The two baselines the whole-process comparison measures destinations against, each reading protocol lines from
 * standard input and printing what it counted on standard error:
 * <ul>
 *   <li>{@code tokens}: the floor. Lines framed in 1 MB blocks, one Jackson parser per line, every token walked and
 *       nothing converted: what any line-by-line reader of the protocol must at least do.</li>
 *   <li>{@code tree}: the way older Java destinations read: {@code BufferedReader.readLine()} and
 *       {@code ObjectMapper.readTree} per line, then the record's data looked up in the tree.</li>
 * </ul>
 * {@code java -cp bench/target/destination-devnull.jar io.destkit.bench.Baseline tokens|tree < messages.jsonl}
 */
public final class Baseline {
  private static final int BLOCK = 1 << 20;

  private Baseline() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1 || !(args[0].equals("tokens") || args[0].equals("tree"))) {
      throw new IllegalArgumentException("usage: Baseline tokens|tree < messages.jsonl");
    }
    long[] counts = args[0].equals("tokens") ? tokens(System.in) : tree(System.in);
    System.err.println(args[0] + ": " + counts[0] + " lines, " + counts[1] + (args[0].equals("tokens")
        ? " tokens" : " records"));
  }

  /** Lines and tokens, walking every token of every line with a parser per line. */
  static long[] tokens(InputStream in) throws IOException {
    JsonFactory factory = new JsonFactory();
    byte[] buffer = new byte[BLOCK];
    int start = 0;
    int end = 0;
    long lines = 0;
    long tokens = 0;
    while (true) {
      int read = in.read(buffer, end, buffer.length - end);
      if (read < 0) {
        break;
      }
      end += read;
      int newline;
      int scanFrom = start;
      while ((newline = indexOf(buffer, scanFrom, end)) >= 0) {
        tokens += walk(factory, buffer, start, newline - start);
        lines++;
        start = newline + 1;
        scanFrom = start;
      }
      if (start == 0 && end == buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      } else if (start > 0) {
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
      }
    }
    if (end > start) {
      tokens += walk(factory, buffer, start, end - start);
      lines++;
    }
    return new long[] {lines, tokens};
  }

  private static int indexOf(byte[] buffer, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static long walk(JsonFactory factory, byte[] buffer, int offset, int length) throws IOException {
    long tokens = 0;
    try (JsonParser parser = factory.createParser(buffer, offset, length)) {
      while (parser.nextToken() != null) {
        tokens++;
      }
    }
    return tokens;
  }

  /** Lines and records, reading each line into a tree. */
  static long[] tree(InputStream in) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BLOCK);
    long lines = 0;
    long records = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      lines++;
      JsonNode message = mapper.readTree(line);
      if (message != null && "RECORD".equals(message.path("type").asText())
          && message.path("record").path("data").isObject()) {
        records++;
      }
    }
    return new long[] {lines, records};
  }
}

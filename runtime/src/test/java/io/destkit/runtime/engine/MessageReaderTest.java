package io.destkit.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.runtime.error.InputException;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.Record;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader parses whole blocks of lines with one parser; whatever the input, what it gives must be what parsing
 * each line alone gives: the same messages in the same order, the same state bytes, and for a bad line the same
 * error naming the same line, with every message before it given first.
 */
class MessageReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
      + "\"tags\":{\"type\":\"array\"},\"at\":{\"type\":\"string\",\"format\":\"date-time\"}}}";

  /** Block sizes: smaller than a line (the buffer grows), a few lines, the engine's own. */
  @ParameterizedTest
  @ValueSource(ints = {16, 300, 1 << 20})
  void aMixOfMessagesReadsAsLineByLine(int blockSize) throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      switch (random.nextInt(8)) {
        case 0 -> lines.add(state(i));
        case 1 -> lines.add("");
        case 2 -> lines.add("  " + record(i, "[1, 2 ,\"a b\"]") + " \t");
        case 3 -> lines.add(record(i, "{\"k\" : [ true , null ], \"s\":\"x\\\"y\"}") + "\r");
        case 4 -> lines.add("{\"type\":\"LOG\",\"log\":{\"level\":\"INFO\",\"message\":\"m" + i + "\"}}");
        default -> lines.add(record(i, "[\"t" + i + "\"]"));
      }
    }
    String input = String.join("\n", lines) + (random.nextBoolean() ? "\n" : "");
    List<String> expected = lineByLine(input);
    assertEquals(expected, blockwise(input, blockSize));
    for (int decoders : new int[] {1, 2, 3}) {
      assertEquals(expected, inParallel(input, blockSize, decoders), decoders + " decoders");
    }
    for (int after : new int[] {0, 1, 17, 500, 1_999, 5_000}) {
      assertEquals(expected, handedOver(input, blockSize, after), "handed over after " + after + " messages");
    }
  }

  /** Records set aside keep their line numbers however the input is cut, on whichever thread decoded them. */
  @Test
  void rejectedRecordsNameTheirLinesInParallel() throws Exception {
    StringBuilder input = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 3_000; i++) {
      if (i % 7 == 0) {
        input.append("{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"id\":\"x\"},"
            + "\"emitted_at\":1}}\n");
        expected.add("REJECTED " + i);
      } else {
        input.append(i % 5 == 0 ? "\r\n" : record(i, "[" + i + "]") + "\n");
        if (i % 5 != 0) {
          expected.add("RECORD " + i);
        }
      }
    }
    for (int decoders : new int[] {2, 3}) {
      for (int blockSize : new int[] {100, 4096}) {
        List<String> read = new ArrayList<>();
        try (ParallelReader reader = new ParallelReader(bytes(input.toString()), keyedCatalog(),
            new RecordingHandlers(), true, decoders, blockSize)) {
          MessageDecoder.Kind kind;
          while ((kind = reader.next()) != null) {
            if (kind == MessageDecoder.Kind.REJECTED) {
              read.add("REJECTED " + reader.rejection().line());
            } else if (kind == MessageDecoder.Kind.RECORD) {
              read.add("RECORD " + reader.record().line());
            }
          }
        }
        assertEquals(expected, read, decoders + " decoders, blocks of " + blockSize);
      }
    }
  }

  @Test
  void aLineThatStopsShortIsNamedEvenWhenTheNextLineWouldCompleteIt() {
    // Read as one stream, the next line would be taken as the value of emitted_at.
    String input = record(1, "[1]") + "\n" + "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"id\":2},"
        + "\"emitted_at\":\n" + record(3, "[3]") + "\n";
    assertSameOutcome(input, "Input line 2: is not valid JSON");
  }

  @Test
  void twoMessagesOnOneLineAreRefusedAndTheFirstIsNotTaken() {
    String input = record(1, "[1]") + "\n" + record(2, "[2]") + " " + record(3, "[3]") + "\n" + record(4, "[4]");
    List<String> read = assertSameOutcome(input, "Input line 2: holds more than one JSON value");
    assertEquals(1, read.size(), read::toString);
  }

  @Test
  void aMessageOverTwoLinesIsRefused() {
    String input = record(1, "[1]") + "\n{\"type\":\"RECORD\",\n\"record\":{}}\n";
    assertSameOutcome(input, "Input line 2: is not valid JSON");
  }

  @Test
  void garbageAfterAMessageOnItsLineIsRefused() {
    assertSameOutcome(record(1, "[1]") + "\n" + record(2, "[2]") + " x\n" + record(3, "[3]") + "\n",
        "Input line 2: is not valid JSON");
  }

  @Test
  void aBadLineAfterAGoodOneIsNamedAfterTheGoodOneIsGiven() {
    List<String> read = assertSameOutcome(record(1, "[1]") + "\n" + record(2, "[2]") + "\nnot json\n"
        + record(4, "[4]") + "\n", "Input line 3: is not valid JSON");
    assertEquals(2, read.size(), read::toString);
  }

  @Test
  void aLineThatIsNotAnObjectIsNamed() {
    assertSameOutcome(record(1, "[1]") + "\n[1,2]\n", "Input line 2: is not a JSON object");
  }

  @Test
  void aLoneCarriageReturnInsideALineIsOnlyWhitespace() throws Exception {
    String input = record(1, "[1,\r2]") + "\n" + record(2, "[2]") + "\n" + state(3) + "\n";
    assertEquals(lineByLine(input), blockwise(input, 1 << 20));
    assertEquals(3, blockwise(input, 1 << 20).size());
  }

  @Test
  void errorsFarIntoTheInputNameTheirLine() {
    StringBuilder input = new StringBuilder();
    for (int i = 1; i < 5_000; i++) {
      input.append(i % 3 == 0 ? "\r\n" : record(i, "[" + i + "]") + "\n");
    }
    input.append("{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{},\"emitted_at\":1,}}\n");
    assertSameOutcome(input.toString(), "Input line 5000: is not valid JSON");
  }

  @Test
  void theEndOfInputEndsReading() throws Exception {
    MessageReader reader = reader("", 64);
    assertNull(reader.next());
    assertNull(reader.next());
  }

  /** Both ways must fail alike, after giving the same messages; gives those. */
  private List<String> assertSameOutcome(String input, String messageStart) {
    List<String> careful = new ArrayList<>();
    InputException expected = assertThrows(InputException.class, () -> lineByLine(input, careful));
    assertTrue(expected.getMessage().startsWith(messageStart), expected.getMessage());
    for (int blockSize : new int[] {16, 300, 1 << 20}) {
      List<String> fast = new ArrayList<>();
      InputException actual = assertThrows(InputException.class, () -> blockwise(input, blockSize, fast));
      assertEquals(expected.getMessage(), actual.getMessage(), "block size " + blockSize);
      assertEquals(careful, fast, "block size " + blockSize);
      for (int after : new int[] {0, 1, 2}) {
        List<String> handed = new ArrayList<>();
        InputException failed = assertThrows(InputException.class,
            () -> handedOver(input, blockSize, after, handed));
        assertEquals(expected.getMessage(), failed.getMessage(), "block size " + blockSize + ", after " + after);
        assertEquals(careful, handed, "block size " + blockSize + ", handed over after " + after);
      }
      for (int decoders : new int[] {2, 3}) {
        List<String> parallel = new ArrayList<>();
        InputException failed = assertThrows(InputException.class,
            () -> inParallel(input, blockSize, decoders, parallel));
        assertEquals(expected.getMessage(), failed.getMessage(), "block size " + blockSize + ", " + decoders);
        assertEquals(careful, parallel, "block size " + blockSize + ", " + decoders + " decoders");
      }
    }
    return careful;
  }

  private static List<String> blockwise(String input, int blockSize) throws Exception {
    List<String> out = new ArrayList<>();
    blockwise(input, blockSize, out);
    return out;
  }

  private static void blockwise(String input, int blockSize, List<String> out) throws Exception {
    readAll(reader(input, blockSize), out);
  }

  /** Describes each message {@code source} gives into {@code out}, but for a {@link ParallelReader}'s waits. */
  private static void readAll(MessageSource source, List<String> out) throws Exception {
    MessageDecoder.Kind kind;
    while ((kind = source.next()) != null) {
      if (!(source instanceof ParallelReader parallel && parallel.waited())) {
        out.add(describe(kind, source.record(), kind == MessageDecoder.Kind.STATE ? source.state().line() : null));
      }
    }
  }

  private static List<String> inParallel(String input, int blockSize, int decoders) throws Exception {
    List<String> out = new ArrayList<>();
    inParallel(input, blockSize, decoders, out);
    return out;
  }

  private static void inParallel(String input, int blockSize, int decoders, List<String> out) throws Exception {
    try (ParallelReader reader = new ParallelReader(bytes(input), catalog(), new RecordingHandlers(), false,
        decoders, blockSize)) {
      readAll(reader, out);
    }
  }

  private static List<String> handedOver(String input, int blockSize, int after) throws Exception {
    List<String> out = new ArrayList<>();
    handedOver(input, blockSize, after, out);
    return out;
  }

  /**
   * Reads {@code after} messages with a {@link MessageReader} of blocks of {@code blockSize} bytes, and on to the end
   * of a block, then hands the rest to a {@link ParallelReader} of two decoders and blocks of 300 bytes.
   */
  private static void handedOver(String input, int blockSize, int after, List<String> out) throws Exception {
    ByteArrayInputStream in = bytes(input);
    MessageReader reader = new MessageReader(in, new MessageDecoder(catalog(), new RecordingHandlers()), blockSize);
    MessageDecoder.Kind kind = null;
    int read = 0;
    while ((read < after || !reader.atBlockEnd()) && (kind = reader.next()) != null) {
      out.add(describe(kind, reader.record(), kind == MessageDecoder.Kind.STATE ? reader.state().line() : null));
      read++;
    }
    if (kind == null && read > 0) {
      return;
    }
    try (ParallelReader rest = new ParallelReader(in, reader.handOver(), catalog(), new RecordingHandlers(), false,
        2, 300)) {
      readAll(rest, out);
    }
  }

  private static ByteArrayInputStream bytes(String input) {
    return new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> lineByLine(String input) throws Exception {
    List<String> out = new ArrayList<>();
    lineByLine(input, out);
    return out;
  }

  /** The reference: each line alone through the careful path, as the engine read before blocks. */
  private static void lineByLine(String input, List<String> out) throws Exception {
    MessageDecoder decoder = new MessageDecoder(catalog(), new RecordingHandlers());
    byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
    int start = 0;
    long number = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      number++;
      int length = end > start && bytes[end - 1] == '\r' ? end - start - 1 : end - start;
      MessageDecoder.Kind kind = decoder.decode(bytes, start, length, number);
      if (kind != MessageDecoder.Kind.OTHER || !new String(bytes, start, length, StandardCharsets.UTF_8).isBlank()) {
        out.add(describe(kind, decoder, kind == MessageDecoder.Kind.STATE
            ? decoder.state().line() : null));
      }
      start = end + 1;
    }
  }

  private static String describe(MessageDecoder.Kind kind, RecordCursor cursor, byte[] state) {
    return switch (kind) {
      case RECORD -> {
        Record record = cursor.record();
        yield "RECORD " + cursor.stream().name() + " " + Arrays.toString(record.values()) + " "
            + record.emittedAt() + " " + record.changes() + " on line " + cursor.line();
      }
      case STATE -> "STATE " + new String(state, StandardCharsets.UTF_8);
      case STREAM_COMPLETE, STREAM_INCOMPLETE, REJECTED, OTHER -> kind.name();
    };
  }

  private static MessageReader reader(String input, int blockSize) throws Exception {
    return new MessageReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new MessageDecoder(catalog(), new RecordingHandlers()), blockSize);
  }

  private static Catalog catalog() throws Exception {
    return CatalogReader.read(JSON.readTree("{\"streams\":[{\"stream\":{\"name\":\"s\",\"json_schema\":" + SCHEMA
        + "},\"sync_mode\":\"full_refresh\",\"destination_sync_mode\":\"append\"}]}"));
  }

  /** The catalog, with {@code id} as the stream's primary key: a record whose id is not a number is set aside. */
  private static Catalog keyedCatalog() throws Exception {
    return CatalogReader.read(JSON.readTree("{\"streams\":[{\"stream\":{\"name\":\"s\",\"json_schema\":"
        + SCHEMA + "},\"sync_mode\":\"full_refresh\",\"destination_sync_mode\":\"append_dedup\","
        + "\"primary_key\":[[\"id\"]]}]}"));
  }

  private static String record(int id, String tags) {
    return "{\"type\":\"RECORD\",\"record\":{\"stream\":\"s\",\"data\":{\"id\":" + id + ",\"tags\":" + tags
        + ",\"at\":\"2024-03-01T09:30:00Z\"},\"emitted_at\":1700000000000}}";
  }

  private static String state(int n) {
    return "{\"type\":\"STATE\", \"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"s\"},"
        + "\"stream_state\":{\"n\":" + n + "}}}}";
  }

  @Test
  void stateBytesAreTheMessageAsSent() throws Exception {
    String state = state(1);
    MessageReader reader = reader("  " + state + " \r\n", 64);
    assertEquals(MessageDecoder.Kind.STATE, reader.next());
    assertArrayEquals(state.getBytes(StandardCharsets.UTF_8), reader.state().line());
  }
}

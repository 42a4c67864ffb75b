package ${package};

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.integer;
import static io.destkit.testkit.messages.FieldTypes.string;
import static io.destkit.testkit.messages.Json.object;
import static io.destkit.testkit.messages.Messages.raw;
import static io.destkit.testkit.messages.Messages.record;
import static io.destkit.testkit.messages.Messages.streamState;
import static io.destkit.testkit.messages.Messages.streamStatus;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.harness.RunResult;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.Message;
import io.destkit.testkit.messages.StreamStatus;
import io.destkit.testkit.messages.SyncInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What this destination adds to the standard suite: how its files are laid out, rotated and written, and where the
 * files of a file-based stream's records go.
 */
class ${connectorName}DestinationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DestinationRunner connector = DestinationRunner.inProcess(new ${connectorName}DestinationMain());

  @TempDir
  Path root;
  /** Where the tests stage files, as the platform does before sending their records. */
  @TempDir
  Path staging;

  @Test
  void eachStreamHasItsFolderAndEachSyncItsFiles() throws IOException {
    ConfiguredStream orders = ConfiguredStream.named("orders").inNamespace("sales")
        .withFields(field("id", integer()), field("item", string())).append();
    for (int sync = 1; sync <= 2; sync++) {
      RunResult result = connector.write(config(64), ConfiguredCatalog.of(orders), SyncInput.of(
          record(orders, object("id", sync, "item", "kettle")), streamStatus(orders, StreamStatus.COMPLETE)));
      assertTrue(result.succeeded(), result::toString);
    }
    List<Path> files = files(root.resolve("sales").resolve("orders"));
    assertEquals(2, files.size(), files::toString);
    for (Path file : files) {
      assertTrue(file.getFileName().toString().matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}-00001\\.jsonl"), file::toString);
    }
  }

  @Test
  void filesAreRotatedBySizeAndNoLineIsSplit() throws IOException {
    ConfiguredStream events = ConfiguredStream.named("events").withFields(field("id", integer()),
        field("body", string())).append();
    List<Message> messages = new ArrayList<>();
    String body = "x".repeat(500);
    for (int i = 0; i < 2000; i++) {
      messages.add(record(events, object("id", i, "body", body)));
    }
    messages.add(streamStatus(events, StreamStatus.COMPLETE));
    RunResult result = connector.write(config(1), ConfiguredCatalog.of(events), SyncInput.of(messages));
    assertTrue(result.succeeded(), result::toString);

    List<Path> files = files(root.resolve("events"));
    assertEquals(2, files.size(), "about 1.4 MB in files of 1 MB: " + files);
    long megabyte = 1024 * 1024;
    assertTrue(Files.size(files.get(0)) >= megabyte && Files.size(files.get(0)) < megabyte + 1024,
        "the first file was closed at the first line past 1 MB: " + Files.size(files.get(0)));
    int lines = 0;
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        JsonNode parsed = JSON.readTree(line);
        assertEquals(lines, parsed.at("/_airbyte_data/id").asInt(), "lines keep the order of the records");
        lines++;
      }
    }
    assertEquals(2000, lines);
  }

  @Test
  void aFailedSyncKeepsWhatItCommittedAndLeavesNoPartialFile() throws IOException {
    ConfiguredStream notes = ConfiguredStream.named("notes").withFields(field("id", integer())).append();
    RunResult result = connector.write(config(64), ConfiguredCatalog.of(notes), SyncInput.of(
        record(notes, object("id", 1)), streamState(notes, object("id", 1)), record(notes, object("id", 2)),
        raw("this line is not JSON")));
    assertEquals(1, result.exitCode(), result::toString);
    try (Stream<Path> everything = Files.walk(root)) {
      List<String> hidden = everything.map(path -> path.getFileName().toString())
          .filter(name -> name.startsWith(".")).toList();
      assertEquals(List.of(), hidden, "no temporary file may be left behind");
    }
    int lines = 0;
    for (Path file : files(root.resolve("notes"))) {
      for (String line : Files.readAllLines(file)) {
        JSON.readTree(line);
        lines++;
      }
    }
    assertTrue(lines >= 1, "the records before the state were committed before the state was echoed");
    assertEquals(1, result.states().size(), result::toString);
  }

  @Test
  void checkFailsClearlyOnAFile() throws IOException {
    Path file = Files.writeString(root.resolve("a-file.txt"), "not a folder");
    RunResult result = connector.check(object("path", file.toString()));
    JsonNode status = result.connectionStatus().orElseThrow();
    assertEquals("FAILED", status.path("status").asText(), result::toString);
    assertTrue(status.path("message").asText().contains("is a file, not a folder"), result::toString);
  }

  @Test
  void aRecordsFileIsCopiedBesideItsStreamUnderItsRelativePath() throws IOException {
    ConfiguredStream papers = papers().append();
    byte[] pdf = new byte[100_000];
    for (int i = 0; i < pdf.length; i++) {
      pdf[i] = (byte) (i * 13);
    }
    Path staged = Files.write(staging.resolve("a1b2"), pdf);
    RunResult result = connector.write(config(64), ConfiguredCatalog.of(papers), SyncInput.of(
        record(papers, object("id", 1, "file_name", "report.pdf")).withFile(staged, "2024/q1/report.pdf"),
        streamStatus(papers, StreamStatus.COMPLETE)));
    assertTrue(result.succeeded(), result::toString);
    Path copied = root.resolve("docs").resolve("papers.files").resolve("2024").resolve("q1").resolve("report.pdf");
    assertArrayEquals(pdf, Files.readAllBytes(copied));
    assertEquals(1, files(root.resolve("docs").resolve("papers")).size(), "the record's line is written as ever");
    assertEquals(List.of(), hiddenFiles(), "no temporary file may be left behind");
  }

  @Test
  void aFileOfAnotherSizeThanDeclaredFailsTheSyncAndLandsNothing() throws IOException {
    ConfiguredStream papers = papers().append();
    Path staged = Files.writeString(staging.resolve("c3d4"), "cut short");
    RunResult result = connector.write(config(64), ConfiguredCatalog.of(papers), SyncInput.of(
        record(papers, object("id", 1)).withFileReference(staged.toString(), "notes.txt", 1000),
        streamStatus(papers, StreamStatus.COMPLETE)));
    assertEquals(1, result.exitCode(), result::toString);
    String message = result.traceErrors().get(0).path("message").asText();
    assertTrue(message.contains("notes.txt") && message.contains("holds 9 bytes")
        && message.contains("file_size_bytes 1000"), message);
    assertEquals(List.of(), regularFiles(root.resolve("docs").resolve("papers.files")));
    assertEquals(List.of(), hiddenFiles());
  }

  @Test
  void aPathWithDotDotIsRefusedEvenWhenItWouldStayInTheFolder() throws IOException {
    ConfiguredStream papers = papers().append();
    Path staged = Files.writeString(staging.resolve("e5f6"), "escape");
    // From docs/papers.files, ../../escape.txt is the folder's own root; one more .. is outside it.
    for (String path : List.of("../../escape.txt", "../../../escape.txt", "/tmp/escape.txt")) {
      RunResult result = connector.write(config(64), ConfiguredCatalog.of(papers), SyncInput.of(
          record(papers, object("id", 1)).withFile(staged, path), streamStatus(papers, StreamStatus.COMPLETE)));
      assertEquals(1, result.exitCode(), result::toString);
      String message = result.traceErrors().get(0).path("message").asText();
      assertTrue(message.contains("'" + path + "'") && message.contains("refused"), message);
    }
    assertTrue(Files.notExists(root.resolve("escape.txt")));
    assertTrue(Files.notExists(root.resolveSibling("escape.txt")));
    assertEquals(List.of(), regularFiles(root.resolve("docs").resolve("papers.files")));
  }

  @Test
  void overwriteReplacesTheOldFilesOnlyOnceTheStreamCompletes() throws IOException {
    ConfiguredStream papers = papers().overwrite();
    Path first = Files.writeString(staging.resolve("first"), "first");
    Path second = Files.writeString(staging.resolve("second"), "second");
    Path files = root.resolve("docs").resolve("papers.files");
    assertTrue(connector.write(config(64), ConfiguredCatalog.of(papers), SyncInput.of(
        record(papers, object("id", 1)).withFile(first, "a.txt"), streamStatus(papers, StreamStatus.COMPLETE)))
        .succeeded());
    RunResult interrupted = connector.write(config(64), ConfiguredCatalog.of(papers), SyncInput.of(
        record(papers, object("id", 2)).withFile(second, "b.txt")));
    assertEquals(1, interrupted.exitCode(), "a stream that never completes fails the sync");
    assertEquals(List.of(files.resolve("a.txt")), regularFiles(files), "an interrupted sync keeps the old files");
    assertTrue(connector.write(config(64), ConfiguredCatalog.of(papers), SyncInput.of(
        record(papers, object("id", 2)).withFile(second, "b.txt"), streamStatus(papers, StreamStatus.COMPLETE)))
        .succeeded());
    assertEquals(List.of(files.resolve("b.txt")), regularFiles(files), "a completed overwrite replaces them");
    assertEquals("second", Files.readString(files.resolve("b.txt")));
    assertEquals(List.of(), hiddenFiles(), "the staged files moved in, the old ones are gone");
  }

  private static ConfiguredStream papers() {
    return ConfiguredStream.named("papers").inNamespace("docs")
        .withFields(field("id", integer()), field("file_name", string())).withFiles();
  }

  private static List<Path> regularFiles(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private List<String> hiddenFiles() throws IOException {
    try (Stream<Path> everything = Files.walk(root)) {
      return everything.map(path -> root.relativize(path).toString())
          .filter(name -> name.startsWith(".") || name.contains("/.")).toList();
    }
  }

  private JsonNode config(int maxFileMegabytes) {
    return object("path", root.toString(), "maxFileMegabytes", maxFileMegabytes);
  }

  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(path -> path.toString().endsWith(".jsonl")).sorted().toList();
    }
  }
}

package io.destkit.runtime.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingJsonLinesWriterTest {
  @TempDir
  Path dir;

  @Test
  void linesAppearOnlyOnceCommittedEachInAFileOfItsPrefix() throws IOException {
    Path folder = dir.resolve("users");
    try (RotatingJsonLinesWriter writer = RotatingJsonLinesWriter.appending(folder, "sync1", 1 << 20)) {
      writer.write(json -> json.writeString("ignored shape: any JSON value is a line"));
      writer.write(json -> {
        json.writeStartObject();
        json.writeNumberField("id", 2);
        json.writeEndObject();
      });
      assertEquals(List.of(), RotatingJsonLinesWriter.jsonLinesFiles(folder), "nothing is visible before commit");
      writer.commit();
      assertEquals(List.of(folder.resolve("sync1-00001.jsonl")), RotatingJsonLinesWriter.jsonLinesFiles(folder));
      assertEquals(List.of("\"ignored shape: any JSON value is a line\"", "{\"id\":2}"),
          Files.readAllLines(folder.resolve("sync1-00001.jsonl")));
      assertEquals(2, writer.linesWritten());
    }
    assertEquals(List.of("sync1-00001.jsonl"), names(folder), "no temporary file is left behind");
  }

  @Test
  void aFileIsRotatedOnceItReachesTheSizeAndNoLineIsSplit() throws IOException {
    Path folder = dir.resolve("events");
    String value = "x".repeat(40); // 42 bytes a line with quotes, 43 with the line break
    try (RotatingJsonLinesWriter writer = RotatingJsonLinesWriter.appending(folder, "part", 100)) {
      for (int i = 0; i < 7; i++) {
        writer.write(json -> json.writeString(value));
      }
      writer.commit();
      assertEquals(3, writer.committedFiles().size());
    }
    List<Path> files = RotatingJsonLinesWriter.jsonLinesFiles(folder);
    assertEquals(List.of("part-00001.jsonl", "part-00002.jsonl", "part-00003.jsonl"), names(files));
    List<Integer> lines = new ArrayList<>();
    for (Path file : files) {
      List<String> content = Files.readAllLines(file, StandardCharsets.UTF_8);
      content.forEach(line -> assertEquals("\"" + value + "\"", line));
      lines.add(content.size());
    }
    assertEquals(List.of(3, 3, 1), lines, "a file takes lines until it holds 100 bytes or more");
  }

  @Test
  void eachCommitEndsAFileAndLaterLinesGoToTheNext() throws IOException {
    Path folder = dir.resolve("orders");
    try (RotatingJsonLinesWriter writer = RotatingJsonLinesWriter.appending(folder, "p", 1 << 20)) {
      writer.write(json -> json.writeNumber(1));
      writer.commit();
      writer.commit(); // nothing new: no empty file
      writer.write(json -> json.writeNumber(2));
      writer.commit();
    }
    assertEquals(List.of("p-00001.jsonl", "p-00002.jsonl"), names(folder));
    assertEquals(List.of("2"), Files.readAllLines(folder.resolve("p-00002.jsonl")));
  }

  @Test
  void whatWasNotCommittedIsRemovedOnClose() throws IOException {
    Path folder = dir.resolve("s");
    try (RotatingJsonLinesWriter writer = RotatingJsonLinesWriter.appending(folder, "p", 10)) {
      writer.write(json -> json.writeNumber(1));
      writer.commit();
      writer.write(json -> json.writeString("rotated but never committed"));
      writer.write(json -> json.writeString("still open"));
    }
    assertEquals(List.of("p-00001.jsonl"), names(folder));
  }

  @Test
  void anotherWriterAppendsBesideTheFilesThereAndRemovesTemporaryLeftovers() throws IOException {
    Path folder = dir.resolve("s");
    try (RotatingJsonLinesWriter first = RotatingJsonLinesWriter.appending(folder, "sync1", 1 << 20)) {
      first.write(json -> json.writeNumber(1));
      first.commit();
    }
    Files.writeString(folder.resolve(".sync0-00001.jsonl.tmp"), "a crashed writer's half line");
    try (RotatingJsonLinesWriter second = RotatingJsonLinesWriter.appending(folder, "sync2", 1 << 20)) {
      second.write(json -> json.writeNumber(2));
      second.commit();
    }
    assertEquals(List.of("sync1-00001.jsonl", "sync2-00001.jsonl"), names(folder));
  }

  @Test
  void aReplacingWriterReplacesTheOldFilesOnlyWhenAsked() throws IOException {
    Path folder = dir.resolve("products");
    try (RotatingJsonLinesWriter old = RotatingJsonLinesWriter.appending(folder, "old", 1 << 20)) {
      old.write(json -> json.writeString("old"));
      old.commit();
    }
    try (RotatingJsonLinesWriter writer = RotatingJsonLinesWriter.replacing(folder, "new", 1 << 20, "g2")) {
      writer.write(json -> json.writeString("new"));
      writer.commit();
      assertEquals(List.of("old-00001.jsonl"), names(RotatingJsonLinesWriter.jsonLinesFiles(folder)),
          "committed files wait until the stream is complete");
      writer.replaceOld();
      assertEquals(List.of(folder.resolve("new-00001.jsonl")), writer.committedFiles());
    }
    assertEquals(List.of("new-00001.jsonl"), names(folder), "the old file and the staging folder are gone");
    assertEquals(List.of("\"new\""), Files.readAllLines(folder.resolve("new-00001.jsonl")));
  }

  @Test
  void anInterruptedReplaceKeepsTheOldFilesAndARetryOfTheSameAttemptKeepsWhatWasStaged() throws IOException {
    Path folder = dir.resolve("products");
    try (RotatingJsonLinesWriter old = RotatingJsonLinesWriter.appending(folder, "old", 1 << 20)) {
      old.write(json -> json.writeString("old"));
      old.commit();
    }
    try (RotatingJsonLinesWriter interrupted = RotatingJsonLinesWriter.replacing(folder, "try1", 1 << 20, "g2")) {
      interrupted.write(json -> json.writeString("committed by the first try"));
      interrupted.commit();
      interrupted.write(json -> json.writeString("lost with the first try"));
    }
    assertEquals(List.of("old-00001.jsonl"), names(RotatingJsonLinesWriter.jsonLinesFiles(folder)));
    try (RotatingJsonLinesWriter retry = RotatingJsonLinesWriter.replacing(folder, "try2", 1 << 20, "g2")) {
      retry.write(json -> json.writeString("written by the retry"));
      retry.replaceOld();
    }
    assertEquals(List.of("try1-00001.jsonl", "try2-00001.jsonl"), names(folder));
    assertEquals(List.of("\"committed by the first try\""), Files.readAllLines(folder.resolve("try1-00001.jsonl")));
  }

  @Test
  void aNewAttemptDropsWhatAnotherAttemptStaged() throws IOException {
    Path folder = dir.resolve("products");
    try (RotatingJsonLinesWriter abandoned = RotatingJsonLinesWriter.replacing(folder, "g1", 1 << 20, "g1")) {
      abandoned.write(json -> json.writeString("generation 1, never complete"));
      abandoned.commit();
    }
    try (RotatingJsonLinesWriter writer = RotatingJsonLinesWriter.replacing(folder, "g2", 1 << 20, "g2")) {
      writer.replaceOld();
    }
    assertEquals(List.of(), names(folder), "an empty complete stream replaces everything with nothing");
  }

  @Test
  void aLineThatFailsHalfWayStopsTheWriterAndIsNeverCommitted() throws IOException {
    Path folder = dir.resolve("s");
    RotatingJsonLinesWriter writer = RotatingJsonLinesWriter.appending(folder, "p", 1 << 20);
    writer.write(json -> json.writeNumber(1));
    assertThrows(IOException.class, () -> writer.write(json -> {
      json.writeStartObject();
      throw new IOException("the value could not be written");
    }));
    IOException refused = assertThrows(IOException.class, writer::commit);
    assertTrue(refused.getMessage().contains("An earlier write to " + folder + " failed"), refused.getMessage());
    assertThrows(IOException.class, () -> writer.write(json -> json.writeNumber(2)));
    writer.close();
    assertEquals(List.of(), names(folder));
  }

  @Test
  void onlyAReplacingWriterReplaces() throws IOException {
    try (RotatingJsonLinesWriter writer = RotatingJsonLinesWriter.appending(dir, "p", 1)) {
      assertThrows(IllegalStateException.class, writer::replaceOld);
    }
    assertThrows(IllegalArgumentException.class, () -> RotatingJsonLinesWriter.appending(dir, ".hidden", 1));
    assertThrows(IllegalArgumentException.class, () -> RotatingJsonLinesWriter.appending(dir, "p", 0));
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> names(List<Path> files) {
    return files.stream().map(path -> path.getFileName().toString()).toList();
  }
}

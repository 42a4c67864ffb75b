package io.destkit.runtime.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.destkit.runtime.error.FailureType;
import io.destkit.runtime.error.FileTransferException;
import io.destkit.runtime.write.FileReference;
import io.destkit.runtime.write.StreamDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staged files on a real file system: checked on open, copied atomically under their path, kept inside the root. */
class StagedFileTest {
  private static final StreamDescriptor STREAM = new StreamDescriptor("docs", "reports");
  private static final byte[] CONTENT = "quarter,revenue\nQ1,100\n".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path staging;
  @TempDir
  Path output;

  @Test
  void aStagedFileIsCopiedUnderItsRelativePathCreatingItsFolders() throws Exception {
    StagedFile file = StagedFile.open(STREAM, stage("a1", CONTENT, "2024/q1/summary.csv"));
    Path copied = file.copyInto(output);
    assertEquals(output.resolve("2024").resolve("q1").resolve("summary.csv"), copied);
    assertArrayEquals(CONTENT, Files.readAllBytes(copied));
    assertEquals(List.of(copied), everyFile(output), "no temporary file is left beside it");
    assertTrue(Files.exists(file.path()), "the staged file stays where the platform put it");
  }

  @Test
  void aFileURLIsReadAsAPathAndASecondCopyReplacesTheFirst() throws Exception {
    FileReference first = stage("b1", CONTENT, "summary.csv");
    StagedFile.open(STREAM, first).copyInto(output);
    byte[] newer = "quarter,revenue\nQ2,250\n".getBytes(StandardCharsets.UTF_8);
    Path staged = staging.resolve("b2");
    Files.write(staged, newer);
    FileReference second = new FileReference(staged.toUri().toString(), "summary.csv", newer.length);
    Path copied = StagedFile.open(STREAM, second).copyInto(output);
    assertArrayEquals(newer, Files.readAllBytes(copied));
    assertEquals(List.of(copied), everyFile(output));
  }

  @Test
  void anEmptyFileIsCopied() throws Exception {
    Path copied = StagedFile.open(STREAM, stage("c1", new byte[0], "empty.txt")).copyInto(output);
    assertEquals(0, Files.size(copied));
  }

  @Test
  void aSizeOtherThanTheDeclaredOneIsRefusedNamingStreamPathAndBothSizes() throws Exception {
    Path staged = staging.resolve("d1");
    Files.write(staged, CONTENT);
    FileReference reference = new FileReference(staged.toString(), "2024/summary.csv", CONTENT.length + 10);
    FileTransferException e = assertThrows(FileTransferException.class, () -> StagedFile.open(STREAM, reference));
    assertEquals(FailureType.SYSTEM, e.failureType());
    for (String part : List.of("2024/summary.csv", "docs.reports", staged.toString(),
        String.valueOf(CONTENT.length), String.valueOf(CONTENT.length + 10))) {
      assertTrue(e.getMessage().contains(part), () -> part + " in: " + e.getMessage());
    }
  }

  @Test
  void aFileThatChangedSinceItWasOpenedIsNotCopied() throws Exception {
    FileReference reference = stage("e1", CONTENT, "summary.csv");
    StagedFile file = StagedFile.open(STREAM, reference);
    Files.write(Path.of(reference.stagingFileUrl()), "cut".getBytes(StandardCharsets.UTF_8));
    FileTransferException e = assertThrows(FileTransferException.class, () -> file.copyInto(output));
    assertTrue(e.getMessage().contains("holds 3 bytes"), e.getMessage());
    assertEquals(List.of(), everyFile(output), "neither the file nor a temporary one is left");
  }

  @Test
  void aMissingStagedFileIsNamed() {
    Path missing = staging.resolve("nowhere.bin");
    FileTransferException e = assertThrows(FileTransferException.class,
        () -> StagedFile.open(STREAM, new FileReference(missing.toString(), "a/b.bin", 3)));
    assertTrue(e.getMessage().contains("missing") && e.getMessage().contains(missing.toString())
        && e.getMessage().contains("a/b.bin"), e.getMessage());
  }

  @Test
  void aStagingUrlThatIsNotLocalIsRefused() {
    FileTransferException e = assertThrows(FileTransferException.class,
        () -> StagedFile.open(STREAM, new FileReference("s3://bucket/key", "key", 3)));
    assertTrue(e.getMessage().contains("s3://bucket/key"), e.getMessage());
  }

  @Test
  void pathsOutsideTheRootAreRefusedAndNothingIsWritten() throws Exception {
    for (String path : List.of("../escape.txt", "a/../../escape.txt", "a/..", "..\\escape.txt", "/etc/passwd",
        "\\\\server\\share\\x", "C:\\Windows\\x", "", ".", "./")) {
      StagedFile file = StagedFile.open(STREAM, stage("f" + Math.abs(path.hashCode()), CONTENT, path));
      FileTransferException e = assertThrows(FileTransferException.class, () -> file.copyInto(output), path);
      assertTrue(e.getMessage().contains("refused") && e.getMessage().contains("docs.reports"), e.getMessage());
    }
    assertEquals(List.of(), everyFile(output));
    assertFalse(Files.exists(output.resolveSibling("escape.txt")));
  }

  @Test
  void aDotSegmentInsideTheRootIsAllowed() throws Exception {
    Path copied = StagedFile.open(STREAM, stage("g1", CONTENT, "./a/./b.csv")).copyInto(output);
    assertEquals(output.resolve("a").resolve("b.csv"), copied);
  }

  @Test
  void aFolderLinkedOutOfTheRootIsRefused() throws Exception {
    Path elsewhere = Files.createDirectory(staging.resolve("elsewhere"));
    Files.createSymbolicLink(output.resolve("linked"), elsewhere);
    StagedFile file = StagedFile.open(STREAM, stage("h1", CONTENT, "linked/x.csv"));
    FileTransferException e = assertThrows(FileTransferException.class, () -> file.copyInto(output));
    assertTrue(e.getMessage().contains("link"), e.getMessage());
    try (Stream<Path> inside = Files.list(elsewhere)) {
      assertEquals(0, inside.count());
    }
  }

  private FileReference stage(String name, byte[] content, String relativePath) throws IOException {
    Path staged = staging.resolve(name);
    Files.write(staged, content);
    return new FileReference(staged.toString(), relativePath, content.length);
  }

  private static List<Path> everyFile(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).sorted().toList();
    }
  }
}

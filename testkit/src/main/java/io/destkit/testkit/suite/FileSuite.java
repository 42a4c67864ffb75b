package io.destkit.testkit.suite;

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.integer;
import static io.destkit.testkit.messages.FieldTypes.string;
import static io.destkit.testkit.messages.Json.object;
import static io.destkit.testkit.messages.Messages.record;
import static io.destkit.testkit.messages.Messages.streamState;
import static io.destkit.testkit.messages.Messages.streamStatus;
import static io.destkit.testkit.messages.StreamStatus.COMPLETE;
import static io.destkit.testkit.suite.SuiteChecks.assertStatesEchoed;
import static io.destkit.testkit.suite.SuiteChecks.requireFeature;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.destkit.testkit.harness.RunResult;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.RecordMessage;
import io.destkit.testkit.messages.SyncInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests of files with their records (protocol 0.15, "copy raw files"): for a stream whose catalog entry has
 * {@code include_files}, each record names a file the platform staged ({@code file_reference}: staging path, relative
 * path, size). A destination with {@link DestinationFeatures.Feature#FILES} lands the file under its relative path,
 * checked for its declared size and never outside the destination; its {@link DestinationReader#file} reads it back.
 * A destination without it refuses such a stream before it writes anything. The files are staged in a folder of the
 * test's own, outside the destination.
 *
 * <p>{@link DestinationSuite} implements it: a connector's suite extends that class, not this interface.
 */
public interface FileSuite extends SuiteContext {
  /**
   * Each record's file lands, byte for byte, under its relative path (folders created), an empty file too; the
   * records land as rows like any other; the state is echoed.
   */
  @Test
  default void eachRecordsFileLandsUnderItsRelativePath(@TempDir Path staging) throws IOException {
    requireFeature(this, DestinationFeatures.Feature.FILES);
    ConfiguredStream documents = documents();
    ConfiguredCatalog catalog = ConfiguredCatalog.of(documents);
    byte[] report = "quarter,revenue\nQ1,100\nQ2,250 \u20ac\n".getBytes(StandardCharsets.UTF_8);
    byte[] image = new byte[70_000];
    for (int i = 0; i < image.length; i++) {
      image[i] = (byte) (i * 31 + 7);
    }
    List<RecordMessage> records = List.of(
        fileRecord(documents, 1, staged(staging, "a", report), "reports/2024/summary.csv"),
        fileRecord(documents, 2, staged(staging, "b", image), "images/logo.png"),
        fileRecord(documents, 3, staged(staging, "c", new byte[0]), "empty.txt"));
    SyncInput input = SyncInput.of(records.get(0), records.get(1), records.get(2),
        streamState(documents, object("cursor", 3)), streamStatus(documents, COMPLETE));
    RunResult result = writeSuccessfully(catalog, input);
    assertStatesEchoed(this, input, result);
    assertLandedExactly(catalog, documents, records);
    assertFileLanded(catalog, documents, "reports/2024/summary.csv", report);
    assertFileLanded(catalog, documents, "images/logo.png", image);
    assertFileLanded(catalog, documents, "empty.txt", new byte[0]);
  }

  /**
   * A staged file whose size is not its record's {@code file_size_bytes} (cut short while staged) fails the sync with
   * one TRACE ERROR that names the file; that file does not land.
   */
  @Test
  default void aFileOfAnotherSizeThanDeclaredFailsTheSyncNamingIt(@TempDir Path staging) throws IOException {
    requireFeature(this, DestinationFeatures.Feature.FILES);
    ConfiguredStream documents = documents();
    ConfiguredCatalog catalog = ConfiguredCatalog.of(documents);
    Path staged = staged(staging, "short", "only part of it".getBytes(StandardCharsets.UTF_8));
    RecordMessage cut = record(documents, object("id", 1, "file_name", "cut.txt"))
        .withFileReference(staged.toString(), "cut.txt", Files.size(staged) + 100);
    RunResult result = write(catalog, SyncInput.of(cut, streamStatus(documents, COMPLETE)));
    assertFailedNaming(result, "cut.txt", "a staged file of another size than its record declares");
    assertTrue(landedFile(catalog, documents, "cut.txt").isEmpty(),
        "A file of the wrong size must not land as if it were whole");
  }

  /**
   * A relative path that leads out of the destination ({@code ../outside.txt}, {@code a/../../outside.txt}) fails the
   * sync with one TRACE ERROR naming it: a source's file name never writes over the destination host's files.
   */
  @Test
  default void aRelativePathLeadingOutOfTheDestinationIsRefused(@TempDir Path staging) throws IOException {
    requireFeature(this, DestinationFeatures.Feature.FILES);
    ConfiguredStream documents = documents();
    ConfiguredCatalog catalog = ConfiguredCatalog.of(documents);
    Path staged = staged(staging, "escape", "not for you".getBytes(StandardCharsets.UTF_8));
    for (String path : List.of("../outside.txt", "nested/../../outside.txt")) {
      RunResult result = write(catalog, SyncInput.of(fileRecord(documents, 1, staged, path),
          streamStatus(documents, COMPLETE)));
      assertFailedNaming(result, path, "a file whose relative path leads out of the destination");
    }
  }

  /**
   * A destination that does not handle files refuses a stream with {@code include_files} before it writes anything:
   * one TRACE ERROR, a {@code config_error} naming the stream, and no row.
   */
  @Test
  default void aStreamWithFilesIsRefusedByADestinationWithoutThem(@TempDir Path staging) throws IOException {
    Assumptions.assumeFalse(features().supports(DestinationFeatures.Feature.FILES), "Skipped: the destination"
        + " handles files; the other tests of FileSuite check how");
    ConfiguredStream documents = documents();
    ConfiguredCatalog catalog = ConfiguredCatalog.of(documents);
    RunResult result = write(catalog, SyncInput.of(fileRecord(documents, 1, staged(staging, "a", new byte[] {1, 2}),
        "a.bin"), streamStatus(documents, COMPLETE)));
    assertFailedNaming(result, "documents", "a stream with include_files, which this destination does not handle");
    assertEquals("config_error", result.traceErrors().get(0).path("failure_type").asText(),
        () -> "Files the destination cannot take are the connection's setting to change: a config_error\n" + result);
    assertEquals(List.of(), rows(catalog, documents), "Nothing may land from a refused stream");
  }

  private static ConfiguredStream documents() {
    return ConfiguredStream.named("documents").withFields(field("id", integer()), field("file_name", string()))
        .append().withFiles();
  }

  private static RecordMessage fileRecord(ConfiguredStream stream, int id, Path staged, String relativePath) {
    return record(stream, object("id", id, "file_name", relativePath)).withFile(staged, relativePath);
  }

  private static Path staged(Path staging, String name, byte[] content) throws IOException {
    return Files.write(staging.resolve(name), content);
  }

  private void assertFileLanded(ConfiguredCatalog catalog, ConfiguredStream stream, String relativePath,
      byte[] expected) {
    Optional<byte[]> landed = landedFile(catalog, stream, relativePath);
    assertTrue(landed.isPresent(), () -> "No file landed for '" + relativePath + "' of stream "
        + stream.descriptor() + " (connector " + runner().describe() + ")");
    assertArrayEquals(expected, landed.get(), () -> "The file landed for '" + relativePath + "' is not the staged"
        + " file byte for byte (" + landed.get().length + " bytes, " + expected.length + " staged)");
  }

  private static void assertFailedNaming(RunResult result, String name, String what) {
    assertEquals(1, result.exitCode(), () -> "The sync must fail on " + what + "\n" + result);
    assertEquals(1, result.traceErrors().size(), () -> "Expected exactly one TRACE ERROR\n" + result);
    String message = result.traceErrors().get(0).path("message").asText();
    assertTrue(message.contains(name), () -> "The error should name '" + name + "': \"" + message + "\"");
  }
}

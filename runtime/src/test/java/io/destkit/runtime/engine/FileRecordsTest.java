package io.destkit.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.error.FileTransferException;
import io.destkit.runtime.error.InputException;
import io.destkit.runtime.protocol.ProtocolOutput;
import io.destkit.runtime.secret.SecretMasker;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.FileReference;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.WriteHandlers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records with files: their file_reference reaches the handler, and a file stream needs a handler that takes files. */
class FileRecordsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

  @Test
  void aRecordsFileReferenceReachesTheHandlerAndOpensChecked() throws Exception {
    Path staged = Files.writeString(dir.resolve("staged-1"), "hello");
    FileHandlers handlers = new FileHandlers(true);
    run(handlers, catalog(true), record("{\"staging_file_url\":\"" + staged + "\",\"source_file_relative_path\":"
        + "\"a/hello.txt\",\"file_size_bytes\":5,\"future_field\":[1]}"), record("null"), complete());
    assertEquals(List.of(new FileReference(staged.toString(), "a/hello.txt", 5)), handlers.files.subList(0, 1));
    assertNull(handlers.files.get(1), "a record without file has none");
    Path copied = handlers.copied.get(0);
    assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(copied));
    assertEquals(dir.resolve("out").resolve("a").resolve("hello.txt"), copied);
  }

  @Test
  void aSizeMismatchFailsTheSyncWithTheHandlersError() throws Exception {
    Path staged = Files.writeString(dir.resolve("staged-2"), "hello");
    FileTransferException e = assertThrows(FileTransferException.class, () -> run(new FileHandlers(true),
        catalog(true), record("{\"staging_file_url\":\"" + staged + "\",\"source_file_relative_path\":\"x.txt\","
            + "\"file_size_bytes\":6}"), complete()));
    assertTrue(e.getMessage().contains("holds 5 bytes") && e.getMessage().contains("file_size_bytes 6"),
        e.getMessage());
  }

  @Test
  void aMalformedFileReferenceNamesTheLine() {
    for (String reference : List.of("\"/staging/x\"", "{\"staging_file_url\":\"/s/x\",\"file_size_bytes\":1}",
        "{\"staging_file_url\":\"/s/x\",\"source_file_relative_path\":\"x\",\"file_size_bytes\":\"1\"}",
        "{\"staging_file_url\":\"/s/x\",\"source_file_relative_path\":\"x\",\"file_size_bytes\":-1}")) {
      InputException e = assertThrows(InputException.class, () -> run(new FileHandlers(true), catalog(true),
          record(reference), complete()), reference);
      assertTrue(e.getMessage().startsWith("Input line 1: record file_reference"), e.getMessage());
    }
  }

  @Test
  void aFileStreamIsRefusedBeforeReadingWhenItsHandlerTakesNoFiles() {
    FileHandlers handlers = new FileHandlers(false);
    ConfigException e = assertThrows(ConfigException.class,
        () -> run(handlers, catalog(true), "not even json"));
    assertTrue(e.getMessage().contains("files of papers") && e.getMessage().contains("include_files"),
        e.getMessage());
    assertEquals(List.of(), handlers.files);
  }

  @Test
  void aStreamWithoutIncludeFilesNeedsNoFileHandler() throws Exception {
    FileHandlers handlers = new FileHandlers(false);
    run(handlers, catalog(false), record("null"), complete());
    assertEquals(1, handlers.files.size());
  }

  private void run(FileHandlers handlers, Catalog catalog, String... lines) throws Exception {
    byte[] input = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    new WriteEngine(catalog, handlers, new WriteOptions(100, 1L << 30, 1L << 30, Duration.ofMinutes(5),
        Duration.ZERO), new ProtocolOutput(stdout, new SecretMasker()),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .run(new ByteArrayInputStream(input));
  }

  private static Catalog catalog(boolean includeFiles) throws Exception {
    return CatalogReader.read(JSON.readTree("{\"streams\":[{\"stream\":{\"name\":\"papers\",\"is_file_based\":true,"
        + "\"json_schema\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}},"
        + "\"sync_mode\":\"full_refresh\",\"destination_sync_mode\":\"append\",\"include_files\":" + includeFiles
        + "}]}"));
  }

  private static String record(String fileReference) {
    return "{\"type\":\"RECORD\",\"record\":{\"stream\":\"papers\",\"data\":{\"id\":1},\"emitted_at\":1,"
        + "\"file_reference\":" + fileReference + "}}";
  }

  private static String complete() {
    return "{\"type\":\"TRACE\",\"trace\":{\"type\":\"STREAM_STATUS\",\"emitted_at\":1,\"stream_status\":{"
        + "\"stream_descriptor\":{\"name\":\"papers\"},\"status\":\"COMPLETE\"}}}";
  }

  /** Keeps each record's file reference and copies each file under {@code dir/out}. */
  private final class FileHandlers implements WriteHandlers {
    final List<FileReference> files = new ArrayList<>();
    final List<Path> copied = new ArrayList<>();
    private final boolean takesFiles;

    FileHandlers(boolean takesFiles) {
      this.takesFiles = takesFiles;
    }

    @Override
    public boolean accepts(StreamContext stream) {
      return true;
    }

    @Override
    public boolean acceptsFiles(StreamContext stream) {
      return takesFiles;
    }

    @Override
    public void records(RecordBatch batch) throws Exception {
      for (int i = 0; i < batch.size(); i++) {
        files.add(batch.records().get(i).file());
        if (batch.file(i).isPresent()) {
          assertSame(batch.records().get(i).file(), batch.file(i).get().reference());
          copied.add(batch.file(i).get().copyInto(dir.resolve("out")));
        }
      }
    }

    @Override
    public void streamStart(StreamContext stream) {}

    @Override
    public void commit() {}

    @Override
    public void streamComplete(StreamContext stream) {}

    @Override
    public void close() {}
  }
}

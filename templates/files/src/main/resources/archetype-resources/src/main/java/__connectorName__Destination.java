#set( $destinationName = $artifactId.toLowerCase().replaceAll('[^a-z0-9]+', '-').replaceAll('^-|-$', '') )
package ${package};

import io.destkit.annotations.Check;
import io.destkit.annotations.Destination;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.annotations.OnClose;
import io.destkit.annotations.OnCommit;
import io.destkit.annotations.OnRecords;
import io.destkit.annotations.OnStreamComplete;
import io.destkit.annotations.OnStreamStart;
import io.destkit.runtime.error.FileTransferException;
import io.destkit.runtime.files.RotatingJsonLinesWriter;
import io.destkit.runtime.files.StagedFile;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.RecordJson;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.StreamDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes every stream as JSON Lines files, {@code <folder>/<namespace>/<stream>/<sync>-00001.jsonl}, each line a
 * record in Airbyte's raw form ({@code _airbyte_raw_id}, {@code _airbyte_extracted_at},
 * {@code _airbyte_generation_id}, {@code _airbyte_meta}, {@code _airbyte_data}). The runtime's
 * {@link RotatingJsonLinesWriter} does the file work: a new file once one reaches the configured size, and every
 * file written to a temporary name, synced and renamed at each commit, so that a reader never sees half a file.
 *
 * <p>{@code append} adds files. {@code overwrite}, and a refresh that drops older generations, replace the stream's
 * files only once the stream ends COMPLETE: until then the new files wait in a hidden staging folder, so an
 * interrupted sync keeps the old data.
 *
 * <p>Files with their records: for a stream whose catalog entry asks for them ({@code include_files}), each record
 * names a file the platform staged; it is copied, checked for its declared size and atomically, to
 * {@code <folder>/<namespace>/<stream>.files/<relative path>}, beside the stream's folder ({@link StreamFiles}). A
 * file is in place once its batch is written, before its record's commit; a retried sync copies it again over it.
 */
@Destination(name = "${destinationName}", title = "${connectorName}",
    documentationUrl = "https://example.com/docs/${destinationName}", config = ${connectorName}Config.class)
public class ${connectorName}Destination {
  private static final DateTimeFormatter SYNC_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

  private final ${connectorName}Config config;
  /** Starts the names of this sync's files: new to every folder, and in the order syncs ran. */
  private final String filePrefix = ZonedDateTime.now(ZoneOffset.UTC).format(SYNC_TIME) + "-"
      + UUID.randomUUID().toString().substring(0, 8);
  private final Map<StreamDescriptor, RotatingJsonLinesWriter> writers = new LinkedHashMap<>();
  /** The files of the streams that include them. */
  private final Map<StreamDescriptor, StreamFiles> files = new LinkedHashMap<>();

  public ${connectorName}Destination(${connectorName}Config config) {
    this.config = config;
  }

  /** The folder is there (or can be made) and takes a file. */
  @Check
  void check(${connectorName}Config config) throws IOException {
    Path root = Path.of(config.path());
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new IOException(root + " is a file, not a folder: give the path of a folder");
    }
    Files.createDirectories(root);
    Path probe = Files.createTempFile(root, ".destkit-check-", ".tmp");
    Files.delete(probe);
  }

  @OnStreamStart
  void start(StreamContext stream) throws IOException {
    Path folder = StreamFolders.of(Path.of(config.path()), stream.descriptor());
    RotatingJsonLinesWriter writer;
    if (replacesOldFiles(stream)) {
      // A retry of the same generation resumes what the failed attempt committed (its states were echoed).
      String attempt = stream.generationId() > 0 ? "generation-" + stream.generationId() : filePrefix;
      writer = RotatingJsonLinesWriter.replacing(folder, filePrefix, config.maxFileBytes(), attempt);
      if (stream.includeFiles()) {
        files.put(stream.descriptor(), StreamFiles.replacing(folder, attempt));
      }
    } else {
      writer = RotatingJsonLinesWriter.appending(folder, filePrefix, config.maxFileBytes());
      if (stream.includeFiles()) {
        files.put(stream.descriptor(), StreamFiles.appending(folder));
      }
    }
    writers.put(stream.descriptor(), writer);
  }

  /** Each record as a line; with its file, when the stream includes files (see {@link StreamFiles}). */
  @OnRecords(modes = {DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE}, files = true)
  void write(RecordBatch batch) throws IOException, FileTransferException {
    RotatingJsonLinesWriter writer = writers.get(batch.stream().descriptor());
    StreamFiles streamFiles = files.get(batch.stream().descriptor());
    for (int i = 0; i < batch.size(); i++) {
      Record record = batch.records().get(i);
      if (streamFiles != null) {
        Optional<StagedFile> file = batch.file(i);
        if (file.isPresent()) {
          streamFiles.copy(file.get());
        }
      }
      writer.write(json -> RecordJson.write(batch.stream(), record, json));
    }
  }

  /** The durability point: the runtime echoes the states of these records once this returns. */
  @OnCommit
  void commit() throws IOException {
    for (RotatingJsonLinesWriter writer : writers.values()) {
      writer.commit();
    }
  }

  /** The stream sent all its records and they are committed: now its old files may go. */
  @OnStreamComplete
  void complete(StreamContext stream) throws IOException {
    if (replacesOldFiles(stream)) {
      writers.get(stream.descriptor()).replaceOld();
      if (files.containsKey(stream.descriptor())) {
        files.get(stream.descriptor()).replaceOld();
      }
    }
  }

  /** Removes what was never committed; committed files stay. */
  @OnClose
  void close() throws IOException {
    IOException failure = null;
    for (RotatingJsonLinesWriter writer : writers.values()) {
      try {
        writer.close();
      } catch (IOException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static boolean replacesOldFiles(StreamContext stream) {
    return stream.destinationSyncMode() == DestinationSyncMode.OVERWRITE || stream.truncatesOlderGenerations();
  }
}

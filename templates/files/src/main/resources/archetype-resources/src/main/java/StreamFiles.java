package ${package};

import io.destkit.runtime.error.FileTransferException;
import io.destkit.runtime.files.StagedFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the files of a stream's records go: {@code <stream folder>.files/<relative path>}, beside the folder of the
 * stream's JSON Lines files (for stream {@code orders}, {@code orders/} holds the records and {@code orders.files/}
 * their files). Folder names from {@link StreamFolders} never hold a dot, so this folder cannot be a stream's or a
 * namespace's. The runtime's {@link StagedFile} does the copy: checked against the size the record declares, atomic
 * (a reader sees the old file or the whole new one), and never outside this folder (a {@code ../} path is refused).
 *
 * <p>For a stream that replaces its data (overwrite, truncate refresh), files are copied to a hidden staging folder
 * inside the stream's folder and swap places with the old files only once the stream ends COMPLETE, as its JSON Lines
 * files do; an interrupted sync keeps the old files, and a retry of the same attempt keeps what it staged.
 */
final class StreamFiles {
  private static final String STAGING_PREFIX = ".files-";

  private final Path files;
  private final Path staging;

  private StreamFiles(Path files, Path staging) {
    this.files = files;
    this.staging = staging;
  }

  /** The files folder of the stream whose records go to {@code streamFolder}. */
  static Path folderOf(Path streamFolder) {
    return streamFolder.resolveSibling(streamFolder.getFileName() + ".files");
  }

  /** Files copied straight into the stream's files folder, replacing a file of the same path. */
  static StreamFiles appending(Path streamFolder) {
    return new StreamFiles(folderOf(streamFolder), null);
  }

  /**
   * Files staged until {@link #replaceOld()}; staging folders of attempts other than {@code attempt} are removed now,
   * that of {@code attempt} is kept (its records' states were echoed).
   */
  static StreamFiles replacing(Path streamFolder, String attempt) throws IOException {
    Files.createDirectories(streamFolder);
    Path staging = streamFolder.resolve(STAGING_PREFIX + attempt);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(streamFolder, STAGING_PREFIX + "*")) {
      for (Path entry : entries) {
        if (!entry.equals(staging)) {
          deleteTree(entry);
        }
      }
    }
    return new StreamFiles(folderOf(streamFolder), staging);
  }

  /** Copies {@code file} under its relative path; returns where it went. */
  Path copy(StagedFile file) throws IOException, FileTransferException {
    return file.copyInto(staging == null ? files : staging);
  }

  /**
   * For a replacing stream, once it ended COMPLETE: its staged files become the stream's files, and the old ones go
   * (also when this sync sent none: the stream's data was replaced). Two renames, no copy.
   */
  void replaceOld() throws IOException {
    if (staging == null) {
      return;
    }
    Files.createDirectories(staging);
    Path old = staging.resolveSibling(".files-old");
    deleteTree(old);
    if (Files.exists(files)) {
      Files.move(files, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staging, files, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(old);
  }

  private static void deleteTree(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
        for (Path entry : entries) {
          deleteTree(entry);
        }
      }
    }
    Files.deleteIfExists(path);
  }
}

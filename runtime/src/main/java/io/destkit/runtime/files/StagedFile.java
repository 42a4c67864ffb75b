package io.destkit.runtime.files;

import io.destkit.runtime.error.FileTransferException;
import io.destkit.runtime.write.FileReference;
import io.destkit.runtime.write.StreamDescriptor;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file the platform staged for a record ({@link FileReference}), checked: it exists, is a regular file, and has
 * the size its record declares. {@link #copyInto(Path)} puts it in a destination folder under its relative path,
 * atomically, and never outside that folder.
 *
 * <pre>{@code
 * Optional<StagedFile> file = batch.file(i);
 * if (file.isPresent()) {
 *   file.get().copyInto(streamFolder.resolve("files"));
 * }
 * }</pre>
 */
public final class StagedFile {
  private final StreamDescriptor stream;
  private final FileReference reference;
  private final Path path;

  private StagedFile(StreamDescriptor stream, FileReference reference, Path path) {
    this.stream = stream;
    this.reference = reference;
    this.path = path;
  }

  /**
   * The staged file of {@code reference}, a record of {@code stream} (named in errors). Fails when the staging URL is
   * neither a local path nor a {@code file:} URL, when no regular file is there, or when its size is not the declared
   * one (a file cut short or replaced while staged).
   */
  public static StagedFile open(StreamDescriptor stream, FileReference reference) throws FileTransferException {
    Path path = stagedPath(stream, reference);
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new FileTransferException("The staged file of '" + reference.sourceFileRelativePath() + "' (stream "
          + stream + ") is missing: nothing at " + path + ". The platform stages a stream's files before sending"
          + " their records; run the sync again.", e);
    } catch (IOException e) {
      throw new FileTransferException("The staged file of '" + reference.sourceFileRelativePath() + "' (stream "
          + stream + ") at " + path + " cannot be read: " + e, e);
    }
    if (!attributes.isRegularFile()) {
      throw new FileTransferException("The staged file of '" + reference.sourceFileRelativePath() + "' (stream "
          + stream + ") at " + path + " is not a regular file.");
    }
    if (attributes.size() != reference.fileSizeBytes()) {
      throw sizeMismatch(stream, reference, path, attributes.size());
    }
    return new StagedFile(stream, reference, path);
  }

  private static Path stagedPath(StreamDescriptor stream, FileReference reference) throws FileTransferException {
    String url = reference.stagingFileUrl();
    try {
      if (url.regionMatches(true, 0, "file:", 0, 5)) {
        return Path.of(new URI(url));
      }
      Path path = Path.of(url);
      if (path.isAbsolute()) {
        return path;
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      // Reported below, with what a staging URL may be.
    }
    throw new FileTransferException("The staging_file_url of '" + reference.sourceFileRelativePath() + "' (stream "
        + stream + ") is not an absolute local path or a file: URL: " + url);
  }

  private static FileTransferException sizeMismatch(StreamDescriptor stream, FileReference reference, Path path,
      long actual) {
    return new FileTransferException("The staged file of '" + reference.sourceFileRelativePath() + "' (stream "
        + stream + ") at " + path + " holds " + actual + " bytes, but its record declares file_size_bytes "
        + reference.fileSizeBytes() + ": the file was cut short or changed while staged. Run the sync again.");
  }

  /** The reference the file was opened from. */
  public FileReference reference() {
    return reference;
  }

  /** Where the file is staged. */
  public Path path() {
    return path;
  }

  /** The file's size in bytes, as declared and checked. */
  public long size() {
    return reference.fileSizeBytes();
  }

  /** The file's path relative to the source's root, as the record names it. */
  public String relativePath() {
    return reference.sourceFileRelativePath();
  }

  /**
   * Where {@link #copyInto} puts the file under {@code root}: {@code root} and the relative path. Refuses an empty or
   * absolute path (a drive letter included), a {@code ..} segment (with {@code /} or {@code \} as separator), and anything else that would
   * resolve outside {@code root}: a source's file name must never write over a file of the destination's host.
   */
  public Path target(Path root) throws FileTransferException {
    String relative = relativePath();
    if (relative == null || relative.isEmpty()) {
      throw refused("is empty");
    }
    if (relative.startsWith("/") || relative.startsWith("\\") || relative.matches("[A-Za-z]:.*")) {
      throw refused("is absolute");
    }
    if (relative.indexOf('\0') >= 0) {
      throw refused("holds a NUL character");
    }
    for (String segment : relative.split("[/\\\\]")) {
      if (segment.equals("..")) {
        throw refused("has a '..' segment");
      }
    }
    Path base = root.toAbsolutePath().normalize();
    Path target;
    try {
      target = base.resolve(relative).normalize();
    } catch (InvalidPathException e) {
      throw refused("is not a valid file name here (" + e.getReason() + ")");
    }
    if (!target.startsWith(base) || target.equals(base)) {
      throw refused("does not name a file inside the destination folder");
    }
    return target;
  }

  private FileTransferException refused(String why) {
    return new FileTransferException("The file '" + relativePath() + "' of stream " + stream + " is refused: its"
        + " source_file_relative_path " + why + ". Files are written only inside the destination's folder.");
  }

  /**
   * Copies the file to {@link #target(Path) root/relative path}, creating the folders on the way, and returns where it
   * went. Atomic: the bytes go to a hidden temporary file in the target's folder, synced to disk, then renamed over
   * any file of that name; a reader sees the old file or the whole new one, never part of it. The bytes copied are
   * counted against the declared size again, for a file that changed since {@link #open}.
   */
  public Path copyInto(Path root) throws IOException, FileTransferException {
    Path target = target(root);
    Path folder = target.getParent();
    Files.createDirectories(folder);
    Path base = root.toAbsolutePath().normalize();
    // A folder on the way that is a link to elsewhere would carry the file outside the root all the same.
    if (!folder.toRealPath().startsWith(base.toRealPath())) {
      throw refused("leads through a link out of the destination folder");
    }
    Path temporary = Files.createTempFile(folder, ".destkit-", ".tmp");
    try {
      try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ);
          FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        long copied = 0;
        long size = in.size();
        while (copied < size) {
          long sent = in.transferTo(copied, size - copied, out);
          if (sent <= 0) {
            break;
          }
          copied += sent;
        }
        if (copied != reference.fileSizeBytes()) {
          throw sizeMismatch(stream, reference, path, copied);
        }
        out.force(true);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | FileTransferException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    RotatingJsonLinesWriter.syncFolder(folder);
    return target;
  }

  @Override
  public String toString() {
    return "'" + relativePath() + "' of stream " + stream + " (" + size() + " bytes, staged at " + path + ")";
  }
}

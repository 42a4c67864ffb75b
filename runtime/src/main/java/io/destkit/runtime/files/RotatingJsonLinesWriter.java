package io.destkit.runtime.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes one stream's records as JSON Lines files in a folder: one JSON object a line, a new file once the current
 * one reaches a size, and every file written atomically. A file is written under a hidden temporary name; at
 * {@link #commit()} it is flushed, synced to disk and renamed to its final name ({@code <prefix>-00001.jsonl}), and the
 * folder is synced, so that a reader never sees a file half written and a committed file survives a crash. What was
 * not committed is removed by {@link #close()}: the runtime echoes a state only after a commit, so nothing is lost.
 *
 * <p>Two placements:
 * <ul>
 *   <li>{@link #appending}: committed files join the folder's files.</li>
 *   <li>{@link #replacing}: committed files wait in a hidden staging folder; {@link #replaceOld()}, called once the
 *       stream ended COMPLETE, moves them in and then removes the folder's older {@code .jsonl} files. An interrupted
 *       sync thus keeps the old files. Staged files of an earlier attempt of the same generation are kept (its
 *       states were echoed), those of other generations removed.</li>
 * </ul>
 *
 * <p>One writer per folder at a time (one sync per destination): opening a writer removes the temporary files a
 * crashed writer left there. Not thread-safe; the runtime calls the handlers from one thread.
 *
 * <pre>{@code
 * RotatingJsonLinesWriter files = RotatingJsonLinesWriter.appending(folder, "part-20240101T120000Z", 64 << 20);
 * files.write(json -> RecordJson.write(stream, record, json));   // one line
 * files.commit();                                                 // durable and visible
 * files.close();
 * }</pre>
 */
public final class RotatingJsonLinesWriter implements AutoCloseable {
  /** The extension of committed files. */
  public static final String EXTENSION = ".jsonl";

  private static final String TEMPORARY = ".tmp";
  private static final String STAGING_PREFIX = ".staging-";
  private static final JsonFactory JSON = new JsonFactory();

  /** Writes the JSON value of one line, e.g. with {@code generator.writeStartObject()} ... {@code writeEndObject()}. */
  @FunctionalInterface
  public interface Line {
    void writeTo(JsonGenerator generator) throws IOException;
  }

  private final Path folder;
  private final Path target;
  private final boolean replacing;
  private final String prefix;
  private final long maxFileBytes;

  private final List<Path> finished = new ArrayList<>();
  private final List<Path> committed = new ArrayList<>();
  private OpenFile current;
  private int sequence;
  private long lines;
  private boolean broken;

  private RotatingJsonLinesWriter(Path folder, Path target, boolean replacing, String prefix, long maxFileBytes)
      throws IOException {
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("maxFileBytes must be at least 1, not " + maxFileBytes);
    }
    if (prefix.isEmpty() || prefix.startsWith(".") || prefix.contains("/") || prefix.contains("\\")) {
      throw new IllegalArgumentException("A file name prefix is a plain, visible file name, not '" + prefix + "'");
    }
    this.folder = folder;
    this.target = target;
    this.replacing = replacing;
    this.prefix = prefix;
    this.maxFileBytes = maxFileBytes;
    Files.createDirectories(target);
    removeTemporaryFiles(target);
  }

  /**
   * A writer whose committed files join those in {@code folder} (created if missing), named {@code prefix-NNNNN.jsonl};
   * a file is closed and a new one begun once it holds {@code maxFileBytes} or more. The prefix must make the names
   * new to the folder, e.g. with the sync's start time.
   */
  public static RotatingJsonLinesWriter appending(Path folder, String prefix, long maxFileBytes) throws IOException {
    return new RotatingJsonLinesWriter(folder, folder, false, prefix, maxFileBytes);
  }

  /**
   * A writer whose committed files replace those in {@code folder} at {@link #replaceOld()}. {@code attempt} names
   * what may be resumed (the stream's generation, say): files staged by an earlier writer with the same
   * {@code attempt} are kept and move in with this writer's; staging folders of other attempts are removed now.
   */
  public static RotatingJsonLinesWriter replacing(Path folder, String prefix, long maxFileBytes, String attempt)
      throws IOException {
    if (attempt.isEmpty() || attempt.contains("/") || attempt.contains("\\")) {
      throw new IllegalArgumentException("An attempt is a plain name, not '" + attempt + "'");
    }
    Files.createDirectories(folder);
    Path staging = folder.resolve(STAGING_PREFIX + attempt);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, STAGING_PREFIX + "*")) {
      for (Path entry : entries) {
        if (!entry.equals(staging)) {
          deleteTree(entry);
        }
      }
    }
    return new RotatingJsonLinesWriter(folder, staging, true, prefix, maxFileBytes);
  }

  /** Writes one line: {@code line} writes exactly one JSON value, which this writer ends with a line break. */
  public void write(Line line) throws IOException {
    if (broken) {
      throw new IOException("An earlier write to " + folder + " failed; this writer takes no more lines");
    }
    try {
      if (current == null) {
        current = open();
      }
      line.writeTo(current.json);
      current.json.writeRaw('\n');
      current.json.flush();
      lines++;
      if (current.counter.count >= maxFileBytes) {
        finish();
      }
    } catch (IOException | RuntimeException e) {
      broken = true;
      throw e;
    }
  }

  /**
   * Makes every line written so far durable and visible (in the staging folder, for a replacing writer): finishes the
   * current file, syncs each finished file, renames it to its final name, and syncs the folder.
   */
  public void commit() throws IOException {
    if (broken) {
      throw new IOException("An earlier write to " + folder + " failed; nothing more can be committed");
    }
    if (current != null) {
      finish();
    }
    if (finished.isEmpty()) {
      return;
    }
    for (Path temporary : finished) {
      Path done = target.resolve(finalName(temporary));
      Files.move(temporary, done, StandardCopyOption.ATOMIC_MOVE);
      committed.add(done);
    }
    finished.clear();
    syncFolder(target);
  }

  /**
   * For a replacing writer, after the last {@link #commit()}: moves the staged files (this writer's and those of
   * earlier tries of the same attempt) into the folder, then removes the folder's other {@code .jsonl} files and the
   * staging folder. Were the process to die in between, the folder would hold old and new files, never neither.
   */
  public void replaceOld() throws IOException {
    if (!replacing) {
      throw new IllegalStateException("Only a replacing writer replaces old files; this one appends to " + folder);
    }
    commit();
    Set<Path> fresh = new HashSet<>();
    for (Path staged : jsonLinesFiles(target)) {
      Path moved = folder.resolve(staged.getFileName());
      Files.move(staged, moved, StandardCopyOption.ATOMIC_MOVE);
      fresh.add(moved);
    }
    syncFolder(folder);
    for (Path old : jsonLinesFiles(folder)) {
      if (!fresh.contains(old)) {
        Files.delete(old);
      }
    }
    deleteTree(target);
    syncFolder(folder);
    committed.clear();
    committed.addAll(fresh);
    Collections.sort(committed);
  }

  /** Removes what was written but not committed. A writer can be closed more than once. */
  @Override
  public void close() throws IOException {
    IOException failure = null;
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        failure = e;
      }
      finished.add(current.path);
      current = null;
    }
    for (Path temporary : finished) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    finished.clear();
    if (failure != null) {
      throw failure;
    }
  }

  /** The files this writer committed, in the order written (after {@link #replaceOld()}: the folder's files). */
  public List<Path> committedFiles() {
    return List.copyOf(committed);
  }

  /** How many lines were written, committed or not. */
  public long linesWritten() {
    return lines;
  }

  /** The {@code .jsonl} files directly in {@code folder}, sorted by name; empty when there is no such folder. */
  public static List<Path> jsonLinesFiles(Path folder) throws IOException {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*" + EXTENSION)) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry) && !entry.getFileName().toString().startsWith(".")) {
          files.add(entry);
        }
      }
    }
    Collections.sort(files);
    return files;
  }

  private OpenFile open() throws IOException {
    sequence++;
    String name = String.format(Locale.ROOT, "%s-%05d%s", prefix, sequence, EXTENSION);
    Path path = target.resolve("." + name + TEMPORARY);
    return new OpenFile(path);
  }

  /** Closes the current file, synced; it stays temporary until the commit. */
  private void finish() throws IOException {
    OpenFile file = current;
    current = null;
    file.close();
    finished.add(file.path);
  }

  private static Path finalName(Path temporary) {
    String name = temporary.getFileName().toString();
    return Path.of(name.substring(1, name.length() - TEMPORARY.length()));
  }

  private static void removeTemporaryFiles(Path folder) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, ".*" + EXTENSION + TEMPORARY)) {
      for (Path entry : entries) {
        Files.deleteIfExists(entry);
      }
    }
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

  /** Syncs a folder's entries (the renames) to disk, where the platform allows it. */
  static void syncFolder(Path folder) throws IOException {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a folder as a file: the rename is as durable as they make it.
      if (Files.isDirectory(folder) && !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) {
        throw e;
      }
    }
  }

  /** A temporary file being written: the channel to sync it, the count of bytes, the generator of lines. */
  private static final class OpenFile {
    final Path path;
    final FileChannel channel;
    final CountingStream counter;
    final JsonGenerator json;

    OpenFile(Path path) throws IOException {
      this.path = path;
      this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      this.counter = new CountingStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
      this.json = JSON.createGenerator(counter).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      // Lines end with '\n' written by the writer; Jackson's default space between root values must not come too.
      this.json.setRootValueSeparator(null);
    }

    void close() throws IOException {
      try (FileChannel closing = channel) {
        json.close();
        counter.flush();
        closing.force(true);
      }
    }
  }

  /** Counts the bytes that reach the file, so that rotation happens at the real size. */
  private static final class CountingStream extends FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      count += length;
    }
  }
}

package io.destkit.runtime.rejected;

import io.destkit.annotations.Property;
import io.destkit.annotations.Range;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rejected-records option as JSON Lines files in a local folder: the config type a connector adds to its config
 * class in one property, e.g.
 *
 * <pre>{@code
 * @Property(title = "Rejected records", description = "Keep records that cannot be loaded instead of failing.",
 *     required = false)
 * RejectedRecordsFiles rejectedRecords
 * }</pre>
 *
 * <p>The spec shows it as an optional group of two fields. Each sync writes its own files,
 * {@code rejected-<time>-<id>-00001.jsonl}, rotated at {@code max_file_mb}, each committed atomically before the
 * states that count its records are echoed (see {@link JsonLinesRejectedRecords} for the line format).
 *
 * @param folder where the files go; created when missing
 * @param maxFileMb a new file is started once one reaches this size
 */
public record RejectedRecordsFiles(
    @Property(title = "Folder", description = "Local folder the rejected records are written to, as JSON Lines files;"
        + " created when missing.", examples = "/local/rejected", order = 0)
    String folder,
    @Property(name = "max_file_mb", title = "File size (MB)", description = "A new file is started once one reaches"
        + " this size.", defaultValue = "64", required = false, order = 1)
    @Range(min = 1, max = 4096)
    int maxFileMb) implements RejectedRecordsSettings {

  /** The JSON names of this group's properties in the spec, by which tools recognize it. */
  public static final List<String> JSON_PROPERTIES = List.of("folder", "max_file_mb");

  @Override
  public RejectedRecordsSink open(String connector) throws IOException {
    return JsonLinesRejectedRecords.open(Path.of(folder), (long) maxFileMb << 20);
  }

  @Override
  public void check() throws IOException {
    Path root = Path.of(folder);
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new IOException("The rejected-records folder " + root + " is a file: give the path of a folder");
    }
    Files.createDirectories(root);
    Path probe = Files.createTempFile(root, ".destkit-check-", ".tmp");
    Files.delete(probe);
  }
}

package ${package};

import io.destkit.annotations.ConnectorConfig;
import io.destkit.annotations.Property;
import io.destkit.annotations.Range;
import io.destkit.runtime.rejected.RejectedRecordsFiles;

/**
 * What the connector's user fills in. The spec (JSON Schema with Airbyte's UI hints) and a reader that validates a
 * config against it are generated from this record.
 */
@ConnectorConfig(title = "${connectorName}")
public record ${connectorName}Config(
    @Property(title = "Folder", order = 0, examples = "/local/airbyte",
        description = "Where the files go: a folder per stream, inside a folder per namespace. Created if missing.")
    String path,
    @Property(title = "File size (MB)", order = 1, defaultValue = "64",
        description = "A file is closed and the next one begun once it holds this many megabytes.")
    @Range(min = 1, max = 4096)
    int maxFileMegabytes,
    @Property(name = "rejected_records", title = "Rejected records", order = 2, required = false,
        description = "Keep records that cannot be written (data that is not an object, a key of the wrong type) in"
            + " JSON Lines files instead of failing the sync.")
    RejectedRecordsFiles rejectedRecords) {

  /** The size at which a file is rotated, in bytes. */
  long maxFileBytes() {
    return maxFileMegabytes * 1024L * 1024L;
  }
}

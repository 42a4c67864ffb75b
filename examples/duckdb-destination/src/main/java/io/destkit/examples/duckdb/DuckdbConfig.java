package io.destkit.examples.duckdb;

import io.destkit.annotations.ConnectorConfig;
import io.destkit.annotations.Property;
import io.destkit.runtime.rejected.RejectedRecordsFiles;

/** Where the DuckDB file is. */
@ConnectorConfig(title = "DuckDB (destkit example)")
public record DuckdbConfig(
    @Property(title = "Database file", description = "Path of the DuckDB file; created when missing.",
        examples = "/local/warehouse.duckdb")
    String path,
    @Property(name = "rejected_records", title = "Rejected records", required = false,
        description = "Keep records that cannot be loaded in JSON Lines files instead of failing the sync.")
    RejectedRecordsFiles rejectedRecords) {}

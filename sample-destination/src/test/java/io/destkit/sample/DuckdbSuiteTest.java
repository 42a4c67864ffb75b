package io.destkit.sample;

import io.destkit.testkit.suite.DestinationReader;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The standard destination suite against the sample on DuckDB, in process: a new database file per test. The reader's
 * connection and the connector's share one DuckDB instance (the driver's, per file and process), so the reader may
 * stay open between syncs here; a connector in another process would find the file locked.
 */
class DuckdbSuiteTest extends FileEngineSuite {
  @Override
  String engine() {
    return "duckdb";
  }

  @Override
  DestinationReader reader(Path file) throws SQLException {
    return SampleReader.duckdb(file);
  }
}

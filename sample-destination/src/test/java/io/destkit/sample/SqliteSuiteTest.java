package io.destkit.sample;

import io.destkit.testkit.suite.DestinationReader;
import java.nio.file.Path;
import java.sql.SQLException;

/** The standard destination suite against the sample on SQLite, in process: a new database file per test. */
class SqliteSuiteTest extends FileEngineSuite {
  @Override
  String engine() {
    return "sqlite";
  }

  @Override
  DestinationReader reader(Path file) throws SQLException {
    return SampleReader.sqlite(file);
  }
}

package io.destkit.sample;

import io.destkit.annotations.Check;
import io.destkit.annotations.Destination;

/** A SQL warehouse destination: SQLite by default, PostgreSQL at speed. */
@Destination(name = "destination-destkit-sample", title = "SQL warehouse (destkit sample)",
    documentationUrl = "https://github.com/destkit/destkit/tree/main/sample-destination",
    config = SampleConfig.class)
public class SampleDestination {

  /** Connects to the configured database and proves that tables can be created, written and dropped. */
  @Check
  void check(SampleConfig config) throws Exception {
    ConnectionCheck.forDatabase(config.database()).run();
  }
}

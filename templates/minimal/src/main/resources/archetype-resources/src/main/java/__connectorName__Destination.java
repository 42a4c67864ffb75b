#set( $destinationName = $artifactId.toLowerCase().replaceAll('[^a-z0-9]+', '-').replaceAll('^-|-$', '') )
package ${package};

import io.destkit.annotations.Check;
import io.destkit.annotations.Destination;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.annotations.OnClose;
import io.destkit.annotations.OnRecords;
import io.destkit.annotations.Stream;
import java.util.List;

/**
 * The connector. It takes one stream known at build time, {@code users}: its schema is
 * {@code src/main/resources/schemas/users.json}, from which the destkit processor generates the record class
 * {@code User} and the code that decodes records straight into it. This skeleton only counts what it gets, on
 * standard error (standard output is for protocol messages only); write the records somewhere real in
 * {@link #users(List)}.
 */
@Destination(name = "${destinationName}", title = "${connectorName}",
    documentationUrl = "https://example.com/docs/${destinationName}", config = ${connectorName}Config.class)
@Stream(name = "users", type = "User")
public class ${connectorName}Destination {
  private final ${connectorName}Config config;
  private long users;

  public ${connectorName}Destination(${connectorName}Config config) {
    this.config = config;
  }

  /** Called by {@code check}: throw, with a message the user can act on, when the destination cannot be used. */
  @Check
  void check(${connectorName}Config config) {
    if (config.label().isBlank()) {
      throw new IllegalArgumentException("The label is blank: give it a few words to tell this destination's logs");
    }
  }

  /** A batch of the {@code users} stream, in the order the records came. */
  @OnRecords(stream = "users", modes = {DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE})
  void users(List<User> batch) {
    users += batch.size();
    System.err.println(config.label() + ": " + batch.size() + " users in this batch, the first with id "
        + batch.get(0).getId() + "; " + users + " users in all");
  }

  /** Once at the end of a write, after success or failure. */
  @OnClose
  void close() {
    System.err.println(config.label() + ": wrote " + users + " users");
  }
}

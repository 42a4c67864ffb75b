package ${package};

import io.destkit.annotations.ConnectorConfig;
import io.destkit.annotations.Pattern;
import io.destkit.annotations.Property;
import io.destkit.annotations.Range;
import io.destkit.annotations.Secret;
import io.destkit.runtime.rejected.RejectedRecordsFiles;

/**
 * What the connector's user fills in. The spec (JSON Schema with Airbyte's UI hints) and a reader that validates a
 * config against it are generated from this record; the token is a secret, masked in everything the connector prints.
 */
@ConnectorConfig(title = "${connectorName}")
public record ${connectorName}Config(
    @Property(title = "API URL", order = 0, examples = "https://api.example.com/v1/records",
        description = "Where batches of records are POSTed, as JSON.")
    @Pattern(value = "^https?://", descriptor = "an http:// or https:// URL")
    String url,
    @Property(title = "API token", order = 1, description = "Sent as 'Authorization: Bearer <token>'.")
    @Secret
    String apiToken,
    @Property(title = "Records per request", order = 2, defaultValue = "500",
        description = "How many records one POST carries at most.")
    @Range(min = 1, max = 100000)
    int batchSize,
    @Property(title = "Tries per request", order = 3, defaultValue = "5",
        description = "How often a request is tried in all when the API is busy (429), failing (5xx) or unreachable;"
            + " then the sync ends with a transient error, and the platform tries it again later.")
    @Range(min = 1, max = 20)
    int maxAttempts,
    @Property(title = "First backoff (ms)", order = 4, defaultValue = "1000",
        description = "The wait before the second try; it doubles for each further try (with jitter), up to a"
            + " minute. A Retry-After the API sends takes precedence.")
    @Range(min = 1, max = 60000)
    int initialBackoffMillis,
    @Property(name = "rejected_records", title = "Rejected records", order = 5, required = false,
        description = "Keep the records the API refuses, or that cannot be sent (data that is not an object, a key of"
            + " the wrong type), in JSON Lines files instead of failing the sync.")
    RejectedRecordsFiles rejectedRecords) {

  /** Never the token: the Java default would print it. */
  @Override
  public String toString() {
    return "${connectorName}Config[url=" + url + ", apiToken=****, batchSize=" + batchSize + ", maxAttempts="
        + maxAttempts + ", initialBackoffMillis=" + initialBackoffMillis + ", rejectedRecords=" + rejectedRecords
        + "]";
  }
}

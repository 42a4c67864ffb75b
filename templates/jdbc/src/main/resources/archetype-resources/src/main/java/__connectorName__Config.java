package ${package};

import io.destkit.annotations.ConnectorConfig;
import io.destkit.annotations.Pattern;
import io.destkit.annotations.Property;
import io.destkit.annotations.Secret;
import io.destkit.runtime.rejected.RejectedRecordsFiles;

/**
 * What the connector's user fills in. The spec (JSON Schema with Airbyte's UI hints) and a reader that validates a
 * config against it are generated from this record; the password is a secret, masked in everything printed.
 */
@ConnectorConfig(title = "${connectorName}")
public record ${connectorName}Config(
    @Property(title = "JDBC URL", order = 0, examples = "jdbc:sqlite:/local/warehouse.sqlite",
        description = "The database to write to. SQLite (jdbc:sqlite:FILE) works as it is; another database needs"
            + " its driver and an SqlEngine.")
    @Pattern(value = "^jdbc:[a-z0-9]+:", descriptor = "jdbc:<driver>:<database>")
    String jdbcUrl,
    @Property(title = "User", order = 1, required = false)
    String username,
    @Property(title = "Password", order = 2, required = false)
    @Secret
    String password,
    @Property(name = "rejected_records", title = "Rejected records", order = 3, required = false,
        description = "Keep records that cannot be loaded (data that is not an object, a key of the wrong type) in"
            + " JSON Lines files instead of failing the sync.")
    RejectedRecordsFiles rejectedRecords) {

  /** Never the password: the Java default would print it. */
  @Override
  public String toString() {
    return "${connectorName}Config[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password=****, rejectedRecords="
        + rejectedRecords + "]";
  }
}

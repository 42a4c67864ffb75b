package io.destkit.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.discover.DestinationCatalog;
import io.destkit.runtime.rejected.RejectedRecordsSettings;
import io.destkit.runtime.secret.SecretMasker;
import io.destkit.runtime.write.WriteHandlers;

/**
 * A destination as the runtime sees it. The annotation processor implements it for each {@code @Destination} class
 * (the generated {@code <ClassName>Main}); authors do not implement it by hand.
 *
 * @param <C> the connector's config type
 */
public interface DestinationDefinition<C> {
  /** Where the generated {@code spec.json} (the ConnectorSpecification) sits on the class path. */
  String SPEC_RESOURCE = "/META-INF/destkit/spec.json";

  /** The connector's technical name, e.g. {@code destination-warehouse}. */
  String name();

  /**
   * Reads and validates the config, reporting every problem at once; the values of secret properties are added to
   * {@code secrets} as soon as they are read.
   */
  C readConfig(JsonNode json, SecretMasker secrets) throws ConfigException;

  /** Tests the config against the real system; throws when it does not work, with a message for the user. */
  void check(C config) throws Exception;

  /** The handlers of one write: a new connector instance for {@code config}, behind the generated dispatcher. */
  WriteHandlers writer(C config) throws Exception;

  /**
   * The destination's objects and the operations it takes on them, for {@code discover} and for checking a catalog
   * at write start: its typed streams' declared objects, and what its {@code @Discover} method finds with
   * {@code config}; null when it declares none (it is not a data activation destination).
   */
  default DestinationCatalog discover(C config) throws Exception {
    return null;
  }

  /**
   * The rejected-records settings the user gave in {@code config}, or null when the option is off or the connector
   * has none (its config class has no property of a {@link RejectedRecordsSettings} type).
   */
  default RejectedRecordsSettings rejectedRecords(C config) {
    return null;
  }
}

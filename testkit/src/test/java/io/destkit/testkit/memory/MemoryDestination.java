package io.destkit.testkit.memory;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.runtime.DestinationDefinition;
import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.config.ConfigInput;
import io.destkit.runtime.secret.SecretMasker;
import io.destkit.runtime.write.WriteHandlers;

/**
 * A destination that keeps its tables in memory, written by hand as the processor would generate it: a correct
 * implementation of CONTRACT.md to run the suite against, and, with a {@link Flaw}, the broken connectors the suite
 * must catch. Config: {@code {"store": NAME, "token": SECRET}}; check fails for stores named {@code unreachable...}.
 */
public final class MemoryDestination implements DestinationDefinition<MemoryDestination.Config> {
  /** A deliberate bug. */
  public enum Flaw {
    /** None: the destination honours the contract. */
    NONE,
    /** Its commit does nothing; the data becomes visible only at close, after the states were echoed. */
    COMMITS_ONLY_AT_CLOSE,
    /** It never stores the last field of a stream. */
    DROPS_THE_LAST_FIELD,
    /** It stores null in the primary key fields. */
    NULLS_THE_PRIMARY_KEY,
    /** It takes a record's staged file as it is, unchecked: any size, any relative path. */
    TRUSTS_STAGED_FILES,
    /** In append_dedup it forgets a key deleted at the source: an older version arriving later brings it back. */
    FORGETS_DELETED_KEYS,
    /** In append_dedup it matches keys with a null part as if null were a value: one such record replaces another. */
    MATCHES_NULL_KEY_PARTS
  }

  /** The config: which store, and a secret that must never be printed. */
  public record Config(String store, String token) {
    @Override
    public String toString() {
      return "Config[store=" + store + ", token=****]";
    }
  }

  private final Flaw flaw;

  public MemoryDestination(Flaw flaw) {
    this.flaw = flaw;
  }

  @Override
  public String name() {
    return "destination-memory";
  }

  @Override
  public Config readConfig(JsonNode json, SecretMasker secrets) throws ConfigException {
    ConfigInput in = new ConfigInput(secrets);
    String store = in.string(in.member(json, "store", "$.store", true), "$.store");
    String token = in.secret(in.member(json, "token", "$.token", false), "$.token");
    in.throwIfProblems("config");
    return new Config(store, token);
  }

  @Override
  public void check(Config config) throws Exception {
    if (config.store().startsWith("unreachable")) {
      throw new IllegalStateException("Cannot reach the store '" + config.store() + "' with the token given. Check"
          + " the store's name and the token.");
    }
  }

  @Override
  public WriteHandlers writer(Config config) {
    return new MemoryWriter(MemoryStore.named(config.store()), flaw);
  }
}

package io.destkit.runtime.rejected;

/**
 * A config type that turns on rejected records: with a property of such a type in its config class, a connector sets
 * aside the records it cannot load (data that is not an object, a primary key or cursor value that does not fit its
 * type, a record the target refused while writing) instead of failing the sync, and counts them in each state's
 * {@code rejectedRecordCount}. The processor finds the property by its type; when the user leaves it out of the
 * config (the property is optional), records that cannot be loaded fail the sync as before.
 *
 * <p>{@link RejectedRecordsFiles} is the runtime's own; implement this interface on a config record of your own to
 * send rejected records elsewhere.
 */
public interface RejectedRecordsSettings {
  /**
   * Opens the sink for one sync of the connector named {@code connector}. Called once per {@code write}, before any
   * input is read.
   */
  RejectedRecordsSink open(String connector) throws Exception;

  /** Checks, for the {@code check} command, that the sink can be written; throws with a message for the user. */
  void check() throws Exception;
}

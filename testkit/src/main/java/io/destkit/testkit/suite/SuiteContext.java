package io.destkit.testkit.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.harness.OutputListener;
import io.destkit.testkit.harness.RunResult;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.RecordMessage;
import io.destkit.testkit.messages.SyncInput;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the test families of the standard suite ({@link SpecAndCheckSuite}, {@link CheckpointSuite},
 * {@link SyncModeSuite}, {@link ValueSuite}, {@link NameSuite}, {@link SchemaEvolutionSuite}, {@link RobustnessSuite},
 * {@link FileSuite}) need from the class that runs them: the connector, its spec and features, this test's
 * destination, and writing to it and reading it back. The families are interfaces, which hold no state, so they
 * reach the suite's through these methods.
 * {@link DestinationSuite} implements them, as {@code final} methods a connector's suite may call too.
 */
public interface SuiteContext {
  /** The runner of the connector under test. */
  DestinationRunner runner();

  /** Whether this test writes in speed mode (records over Unix sockets): what that channel cannot carry is skipped. */
  default boolean speedMode() {
    return runner().speedMode();
  }

  /** The connector's ConnectorSpecification (the SPEC message's {@code spec}). */
  JsonNode spec();

  /** What the connector supports; tests of what it lacks are skipped. */
  DestinationFeatures features();

  /** This test's destination: its config, made on first use. */
  JsonNode config();

  /** A config that the spec accepts but with which this test's destination cannot work, if the suite has one. */
  Optional<JsonNode> unusableConfig();

  /**
   * Runs {@code write} of {@code input} against this test's destination; checks that its output is protocol messages
   * only and holds no secret of the config.
   */
  RunResult write(ConfiguredCatalog catalog, SyncInput input);

  /** Like {@link #write(ConfiguredCatalog, SyncInput)}, telling {@code listener} each message as it is printed. */
  RunResult write(ConfiguredCatalog catalog, SyncInput input, OutputListener listener);

  /** Runs {@code write} and fails unless it exits 0 without a TRACE ERROR. */
  RunResult writeSuccessfully(ConfiguredCatalog catalog, SyncInput input);

  /** The rows of {@code stream} in this test's destination now (see {@link DestinationReader#rows}). */
  List<Map<String, Object>> rows(ConfiguredCatalog catalog, ConfiguredStream stream);

  /**
   * The bytes of the file landed in this test's destination for a record of {@code stream} naming
   * {@code relativePath}; empty when there is none (see {@link DestinationReader#file}).
   */
  Optional<byte[]> landedFile(ConfiguredCatalog catalog, ConfiguredStream stream, String relativePath);

  /**
   * Adds a nullable text column named {@code column} to the table of {@code stream} in this test's destination, as
   * its user might between syncs; skips the test when the reader cannot (see {@link DestinationReader#addColumn}).
   */
  void addUserColumn(ConfiguredCatalog catalog, ConfiguredStream stream, String column);

  /**
   * Fails, listing every difference, unless the rows of {@code stream} are exactly {@code records} (sent with
   * {@code stream} as configured), matched by primary key or {@code id}, every field and Airbyte column compared.
   */
  void assertLandedExactly(ConfiguredCatalog catalog, ConfiguredStream stream, List<RecordMessage> records);
}

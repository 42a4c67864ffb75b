package io.destkit.testkit.suite;

import static io.destkit.testkit.suite.SuiteChecks.assertLanded;
import static io.destkit.testkit.suite.SuiteChecks.assertProtocolOutput;
import static io.destkit.testkit.suite.SuiteChecks.assertSucceeded;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.testkit.ProtocolSchema;
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
import io.destkit.testkit.speed.SpeedModeSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * The standard destination test suite: one named test per behaviour of CONTRACT.md, run against a connector the way
 * the platform runs it. Extend it with a JUnit 5 class that says how to run the connector, how to get a fresh
 * destination, and how to read back what landed:
 *
 * <pre>{@code
 * class WarehouseSuiteTest extends DestinationSuite {
 *   @TempDir Path dir;
 *
 *   protected DestinationRunner connector() {
 *     return DestinationRunner.inProcess(new WarehouseDestinationMain());
 *   }
 *
 *   protected JsonNode freshConfig() {
 *     return Json.object("path", dir.resolve(UUID.randomUUID() + ".db").toString());
 *   }
 *
 *   protected DestinationReader reader(JsonNode config) {
 *     return new WarehouseReader(config);
 *   }
 * }
 * }</pre>
 *
 * <p>What the connector supports comes from its spec ({@link #features(JsonNode)}); tests of modes or features it
 * lacks are reported as skipped, with the reason. Each test gets its own destination: {@link #freshConfig()} is called
 * once per test that writes or checks, and {@link #cleanUp(JsonNode)} after it. Every line a connector prints is
 * checked to be a protocol message (against the Airbyte protocol's schema when {@link ProtocolSchema#locate()} finds
 * it), and no secret of the config may appear in anything it prints.
 *
 * <p>One instance runs all tests of the class ({@link TestInstance.Lifecycle#PER_CLASS}), so a subclass may keep a
 * server or a login in a field. Tests run one at a time.
 *
 * <p>The tests are declared, by family, in the interfaces this class implements: {@link SpecAndCheckSuite},
 * {@link CheckpointSuite}, {@link SyncModeSuite}, {@link ValueSuite}, {@link NameSuite}, {@link SchemaEvolutionSuite},
 * {@link RobustnessSuite}, {@link RejectedRecordsSuite}, {@link FileSuite} and {@link ActivationSuite}. They reach
 * the connector and this test's destination through {@link SuiteContext}, whose methods are the {@code final} ones
 * below.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DestinationSuite implements SpecAndCheckSuite, CheckpointSuite, SyncModeSuite, ValueSuite,
    NameSuite, SchemaEvolutionSuite, RobustnessSuite, RejectedRecordsSuite, FileSuite, ActivationSuite {
  private DestinationRunner runner;
  private JsonNode spec;
  private DestinationFeatures features;
  private JsonNode config;
  private DestinationReader reader;

  // ---------------------------------------------------------------------------------------------------------------
  // What the connector's author supplies

  /**
   * How to run the connector: {@code DestinationRunner.inProcess(new MyDestinationMain())} (fast) or
   * {@code DestinationRunner.childProcess(jar)} (exactly as the platform). Called once.
   */
  protected abstract DestinationRunner connector();

  /**
   * The config of a destination no test has written to: a new file, a new schema or a new database. Called once per
   * test that needs a destination, before anything runs against it.
   */
  protected abstract JsonNode freshConfig() throws Exception;

  /** What reads back the destination {@code config} points at. Called at most once per test, after the config. */
  protected abstract DestinationReader reader(JsonNode config) throws Exception;

  /**
   * A config that the spec accepts but with which the destination cannot work: a wrong password, a folder that does
   * not exist. {@code workingConfig} is this test's fresh config, to change. By default none, and the test of
   * {@code check} on such a config is skipped.
   */
  protected Optional<JsonNode> unusableConfig(JsonNode workingConfig) {
    return Optional.empty();
  }

  /**
   * What the connector supports. By default the modes its spec lists, and every other feature but files; override to
   * declare what it lacks, e.g. {@code DestinationFeatures.fromSpec(spec).without(Feature.NAMESPACES, "one folder
   * only")}, or that it handles files: {@code DestinationFeatures.fromSpec(spec).with(Feature.FILES)}.
   */
  protected DestinationFeatures features(JsonNode spec) {
    return DestinationFeatures.fromSpec(spec);
  }

  /** Removes what one test created, given its config: called after each test that asked for a destination. */
  protected void cleanUp(JsonNode config) throws Exception {}

  // ---------------------------------------------------------------------------------------------------------------
  // For the tests: the families' (SuiteContext) and an author's own

  /** The runner of {@link #connector()}. */
  @Override
  public final DestinationRunner runner() {
    if (runner == null) {
      runner = connector();
    }
    return runner;
  }

  /** The connector's ConnectorSpecification (the SPEC message's {@code spec}), read once. */
  @Override
  public final JsonNode spec() {
    if (spec == null) {
      RunResult result = runner().spec();
      spec = result.spec().orElseThrow(() -> new AssertionError("spec printed no SPEC message\n" + result));
    }
    return spec;
  }

  /** What the connector supports: {@link #features(JsonNode)} of its spec. */
  @Override
  public final DestinationFeatures features() {
    if (features == null) {
      features = features(spec());
    }
    return features;
  }

  /** This test's destination: its config, made by {@link #freshConfig()} on first use. */
  @Override
  public final JsonNode config() {
    if (config == null) {
      try {
        config = freshConfig();
      } catch (Exception e) {
        throw new AssertionError("freshConfig() failed: " + e, e);
      }
    }
    return config;
  }

  /** {@link #unusableConfig(JsonNode)} of a copy of this test's config. */
  @Override
  public final Optional<JsonNode> unusableConfig() {
    return unusableConfig(config().deepCopy());
  }

  /** Runs {@code write} of {@code input} against this test's destination; checks its output is protocol only. */
  @Override
  public final RunResult write(ConfiguredCatalog catalog, SyncInput input) {
    return write(catalog, input, OutputListener.NONE);
  }

  /** Like {@link #write(ConfiguredCatalog, SyncInput)}, telling {@code listener} each message as it is printed. */
  @Override
  public final RunResult write(ConfiguredCatalog catalog, SyncInput input, OutputListener listener) {
    RunResult result = runner().write(config(), catalog, input, listener);
    assertProtocolOutput(this, result, config());
    return result;
  }

  /** Runs {@code write} and fails unless it exits 0 without a TRACE ERROR. */
  @Override
  public final RunResult writeSuccessfully(ConfiguredCatalog catalog, SyncInput input) {
    RunResult result = write(catalog, input);
    assertSucceeded(result);
    return result;
  }

  /** The rows of {@code stream} in this test's destination now (see {@link DestinationReader#rows}). */
  @Override
  public final List<Map<String, Object>> rows(ConfiguredCatalog catalog, ConfiguredStream stream) {
    try {
      if (reader == null) {
        reader = reader(config());
      }
      return reader.rows(catalog, stream);
    } catch (Exception e) {
      throw new AssertionError("Reading back stream " + stream.descriptor() + " failed: " + e, e);
    }
  }

  /** The file landed for {@code relativePath} in this test's destination (see {@link DestinationReader#file}). */
  @Override
  public final Optional<byte[]> landedFile(ConfiguredCatalog catalog, ConfiguredStream stream, String relativePath) {
    try {
      if (reader == null) {
        reader = reader(config());
      }
      return reader.file(catalog, stream, relativePath);
    } catch (Exception e) {
      throw new AssertionError("Reading back file '" + relativePath + "' of stream " + stream.descriptor()
          + " failed: " + e, e);
    }
  }

  /** Adds {@code column} to the table of {@code stream} as a user would (see {@link DestinationReader#addColumn}). */
  @Override
  public final void addUserColumn(ConfiguredCatalog catalog, ConfiguredStream stream, String column) {
    try {
      if (reader == null) {
        reader = reader(config());
      }
      reader.addColumn(catalog, stream, column);
    } catch (TestAbortedException e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError("Adding column '" + column + "' to the table of stream " + stream.descriptor()
          + " failed: " + e, e);
    }
  }

  /**
   * Fails, listing every difference, unless the rows of {@code stream} are exactly {@code records} (sent with
   * {@code stream} as configured), matched by primary key or {@code id}, every field and Airbyte column compared.
   */
  @Override
  public final void assertLandedExactly(ConfiguredCatalog catalog, ConfiguredStream stream,
      List<RecordMessage> records) {
    assertLanded(this, catalog, stream, ExpectedRow.of(stream, records), true);
  }

  /** Closes this test's reader and calls {@link #cleanUp(JsonNode)} with its config, if it had one. */
  @AfterEach
  protected final void releaseTheDestination() throws Exception {
    try {
      if (reader != null) {
        reader.close();
      }
    } finally {
      reader = null;
      if (config != null) {
        JsonNode used = config;
        config = null;
        cleanUp(used);
      }
    }
  }

  /**
   * Whether the write tests run a second time in speed mode ({@link InSpeedMode}); true unless a subclass says
   * otherwise (e.g. to keep a slow suite short while iterating).
   */
  protected boolean runsInSpeedMode() {
    return true;
  }

  /**
   * The write tests again, in speed mode, as the platform's fastest channel runs them: each test's input is served
   * over two Unix sockets as protobuf frames by {@link io.destkit.testkit.speed.SpeedModeSource} (checkpoint
   * partitions and state ids added, messages spread over the sockets in a seeded random order, states often before
   * their records) and the connector reads them through the runtime's speed mode. The same destination, config and
   * checks as the test's own run; what speed mode cannot carry (raw lines, staged files) is skipped there, saying so.
   */
  @Nested
  @DisplayName("in speed mode (protobuf over 2 Unix sockets)")
  class InSpeedMode extends OverSockets implements CheckpointSuite, SyncModeSuite, ValueSuite, NameSuite,
      SchemaEvolutionSuite, RobustnessSuite, RejectedRecordsSuite, ActivationSuite {
    InSpeedMode() {
      super(SpeedModeSource.Format.PROTOBUF);
    }
  }

  /**
   * The tests of checkpoints and sync modes again, with the input over two Unix sockets as JSON lines, the other
   * format the platform may choose: each socket read by the stdin decoder, states reconciled across sockets by
   * partition and id as with protobuf. Values, names and the rest decode as on stdin, so they are not run again.
   */
  @Nested
  @DisplayName("in speed mode (JSON lines over 2 Unix sockets)")
  class InSpeedModeJsonLines extends OverSockets implements CheckpointSuite, SyncModeSuite {
    InSpeedModeJsonLines() {
      super(SpeedModeSource.Format.JSONL);
    }
  }

  /** What a suite run in speed mode needs: the suite's own destination, config and checks, its input over sockets. */
  abstract class OverSockets implements SuiteContext {
    private final SpeedModeSource.Format format;
    private DestinationRunner speedRunner;

    OverSockets(SpeedModeSource.Format format) {
      this.format = format;
    }

    @BeforeEach
    void onlyWhenAsked() {
      Assumptions.assumeTrue(runsInSpeedMode(), "this suite does not run in speed mode (runsInSpeedMode)");
    }

    @Override
    public DestinationRunner runner() {
      if (speedRunner == null) {
        speedRunner = DestinationSuite.this.runner().inSpeedMode(format, 2);
      }
      return speedRunner;
    }

    @Override
    public JsonNode spec() {
      return DestinationSuite.this.spec();
    }

    @Override
    public DestinationFeatures features() {
      return DestinationSuite.this.features();
    }

    @Override
    public JsonNode config() {
      return DestinationSuite.this.config();
    }

    @Override
    public Optional<JsonNode> unusableConfig() {
      return DestinationSuite.this.unusableConfig();
    }

    @Override
    public RunResult write(ConfiguredCatalog catalog, SyncInput input) {
      return write(catalog, input, OutputListener.NONE);
    }

    @Override
    public RunResult write(ConfiguredCatalog catalog, SyncInput input, OutputListener listener) {
      RunResult result = runner().write(config(), catalog, input, listener);
      assertProtocolOutput(this, result, config());
      return result;
    }

    @Override
    public RunResult writeSuccessfully(ConfiguredCatalog catalog, SyncInput input) {
      RunResult result = write(catalog, input);
      assertSucceeded(result);
      return result;
    }

    @Override
    public List<Map<String, Object>> rows(ConfiguredCatalog catalog, ConfiguredStream stream) {
      return DestinationSuite.this.rows(catalog, stream);
    }

    @Override
    public Optional<byte[]> landedFile(ConfiguredCatalog catalog, ConfiguredStream stream, String relativePath) {
      return DestinationSuite.this.landedFile(catalog, stream, relativePath);
    }

    @Override
    public void addUserColumn(ConfiguredCatalog catalog, ConfiguredStream stream, String column) {
      DestinationSuite.this.addUserColumn(catalog, stream, column);
    }

    @Override
    public void assertLandedExactly(ConfiguredCatalog catalog, ConfiguredStream stream,
        List<RecordMessage> records) {
      assertLanded(this, catalog, stream, ExpectedRow.of(stream, records), true);
    }
  }
}

package io.destkit.testkit.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.destkit.testkit.memory.BrokenConnectorSuites;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Each deliberately broken connector is caught by the suite test named for its bug: the suite class is run through
 * the JUnit Platform launcher, as a build would run it, and the failed tests are read from its events.
 */
class SuiteCatchesBrokenConnectorsTest {

  @Test
  void aConnectorThatEchoesStatesBeforeCommittingFailsTheCheckpointTest() {
    Outcome outcome = run(BrokenConnectorSuites.EchoesStatesBeforeCommitting.class);
    outcome.assertFailed("eachStateIsEchoedOnlyOnceItsRecordsCanBeRead", "before it could not be read back yet");
  }

  @Test
  void aConnectorThatDropsAFieldFailsTheBasicWriteTest() {
    Outcome outcome = run(BrokenConnectorSuites.DropsAField.class);
    outcome.assertFailed("writeLandsEveryRecordWithEveryField", "field 'vip' (boolean): sent true");
  }

  @Test
  void aConnectorThatNullsThePrimaryKeyFailsTheKeyTest() {
    Outcome outcome = run(BrokenConnectorSuites.NullsThePrimaryKey.class);
    outcome.assertFailed("primaryKeyAndCursorValuesLandIntact", "a row landed without its key (tenant, id null");
  }

  @Test
  void aConnectorThatTrustsStagedFilesFailsTheFileTests() {
    Outcome outcome = run(BrokenConnectorSuites.TrustsStagedFiles.class);
    outcome.assertFailed("aFileOfAnotherSizeThanDeclaredFailsTheSyncNamingIt",
        "The sync must fail on a staged file of another size");
    outcome.assertFailed("aRelativePathLeadingOutOfTheDestinationIsRefused",
        "The sync must fail on a file whose relative path leads out");
  }

  @Test
  void aConnectorThatForgetsDeletedKeysFailsTheOlderVersionTest() {
    Outcome outcome = run(BrokenConnectorSuites.ForgetsDeletedKeys.class);
    outcome.assertFailed("anOlderVersionArrivingAfterItsDeleteDoesNotBringTheRowBack",
        "row id=2 is there but should not be");
  }

  @Test
  void aConnectorThatMatchesNullKeyPartsFailsTheNullKeyTest() {
    Outcome outcome = run(BrokenConnectorSuites.MatchesNullKeyParts.class);
    outcome.assertFailed("aPrimaryKeyWithANullPartLosesNoRecord", "the record 'no tenant, id 1, A', whose key has a"
        + " null part, was lost");
  }

  /** Runs every test of {@code suite} and returns which failed, with their messages, and which passed. */
  private static Outcome run(Class<?> suite) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build();
    Launcher launcher = LauncherFactory.create();
    Outcome outcome = new Outcome(suite);
    launcher.execute(request, outcome);
    return outcome;
  }

  /** The events of one run, by test method name. */
  private static final class Outcome implements TestExecutionListener {
    private final Class<?> suite;
    private final Map<String, String> failed = new TreeMap<>();
    private final Set<String> passed = new TreeSet<>();

    Outcome(Class<?> suite) {
      this.suite = suite;
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
      if (!test.isTest() || !(test.getSource().orElse(null) instanceof MethodSource method)) {
        if (result.getStatus() == TestExecutionResult.Status.FAILED) {
          failed.put(test.getDisplayName(), String.valueOf(result.getThrowable().orElse(null)));
        }
        return;
      }
      if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
        passed.add(method.getMethodName());
      } else if (result.getStatus() == TestExecutionResult.Status.FAILED) {
        failed.put(method.getMethodName(), String.valueOf(result.getThrowable().map(Throwable::getMessage)
            .orElse("")));
      }
    }

    /** Fails unless {@code test} ran and failed with a message that holds {@code because}. */
    void assertFailed(String test, String because) {
      assertTrue(failed.containsKey(test), () -> suite.getSimpleName() + " should fail " + test + "; failed: "
          + failed.keySet() + ", passed: " + passed);
      assertTrue(failed.get(test).contains(because), () -> test + " failed, but not for the reason expected ("
          + because + "): " + failed.get(test));
    }
  }
}

package io.destkit.testkit.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;

/** The suite passes on a destination that honours the contract: none of its tests fails without cause. */
class MemoryDestinationSuiteTest extends MemorySuite {
  MemoryDestinationSuiteTest() {
    super(MemoryDestination.Flaw.NONE);
  }

  @AfterAll
  void everyTestsDestinationWasCleanedUp() {
    Set<String> left = MemoryStore.names().stream().filter(name -> name.startsWith("suite-"))
        .collect(Collectors.toSet());
    assertEquals(Set.of(), left, "the suite calls cleanUp(config) after each test that made a destination");
  }
}

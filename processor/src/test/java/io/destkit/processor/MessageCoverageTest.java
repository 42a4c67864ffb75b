package io.destkit.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message of the catalogue has exactly one error case; a new message without one fails the build. */
class MessageCoverageTest {
  /** Messages no source can trigger, each with the reason. */
  private static final Set<Message> EXCLUDED = EnumSet.of(
      // Reported only when the processor itself has a bug: no correct source reaches it.
      Message.INTERNAL_ERROR,
      // A note, not an error: ReleasedSpecCheckTest sees it.
      Message.RELEASED_SPEC_ABSENT);

  @Test
  void everyMessageHasOneErrorCase() {
    List<Message> covered = Stream.of(ConnectorErrorsTest.cases(), ConfigErrorsTest.cases(), ChoiceErrorsTest.cases(),
            HandlerErrorsTest.cases(), StreamErrorsTest.cases(), ReleaseErrorsTest.cases())
        .flatMap(List::stream)
        .map(ErrorCase::message)
        .toList();
    List<Message> twice = new ArrayList<>(covered);
    EnumSet.copyOf(covered).forEach(twice::remove);
    assertEquals(List.of(), twice, "messages with more than one case");

    Set<Message> expected = EnumSet.allOf(Message.class);
    expected.removeAll(EXCLUDED);
    assertEquals(expected, EnumSet.copyOf(covered), "messages with a case");
  }
}

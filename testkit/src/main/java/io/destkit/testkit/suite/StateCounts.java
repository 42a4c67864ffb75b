package io.destkit.testkit.suite;

import io.destkit.runtime.write.StreamDescriptor;
import io.destkit.testkit.messages.Message;
import io.destkit.testkit.messages.RecordMessage;
import io.destkit.testkit.messages.StateMessage;
import io.destkit.testkit.messages.SyncInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code destinationStats.recordCount} each state of an input must be echoed with: for a STREAM state, the
 * records of its stream since that stream's previous state; for GLOBAL and LEGACY states, all records since the
 * previous state.
 */
final class StateCounts {
  private StateCounts() {}

  static List<Long> expected(SyncInput input) {
    List<Long> counts = new ArrayList<>();
    Map<StreamDescriptor, Long> perStream = new HashMap<>();
    long sinceState = 0;
    for (Message message : input.messages()) {
      if (message instanceof RecordMessage record) {
        perStream.merge(record.stream(), 1L, Long::sum);
        sinceState++;
      } else if (message instanceof StateMessage state) {
        if (state.kind() == StateMessage.Kind.STREAM) {
          Long count = perStream.remove(state.stream());
          counts.add(count == null ? 0L : count);
        } else {
          counts.add(sinceState);
          sinceState = 0;
        }
      }
    }
    return counts;
  }
}

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
 * The record counts each state of an input must be echoed with (CONTRACT, State): {@code destinationStats.recordCount},
 * for a STREAM state the records of its stream since that stream's previous state, for GLOBAL and LEGACY states all
 * records since the previous such state; and {@code committedRecordsCount}, the records of the same scope from the
 * start of the sync up to the state.
 */
record StateCounts(long sinceState, long committed) {
  static List<StateCounts> expected(SyncInput input) {
    List<StateCounts> counts = new ArrayList<>();
    Map<StreamDescriptor, Long> perStream = new HashMap<>();
    Map<StreamDescriptor, Long> perStreamTotal = new HashMap<>();
    long sinceState = 0;
    long total = 0;
    for (Message message : input.messages()) {
      if (message instanceof RecordMessage record) {
        perStream.merge(record.stream(), 1L, Long::sum);
        perStreamTotal.merge(record.stream(), 1L, Long::sum);
        sinceState++;
        total++;
      } else if (message instanceof StateMessage state) {
        if (state.kind() == StateMessage.Kind.STREAM) {
          Long count = perStream.remove(state.stream());
          counts.add(new StateCounts(count == null ? 0L : count, perStreamTotal.getOrDefault(state.stream(), 0L)));
        } else {
          counts.add(new StateCounts(sinceState, total));
          sinceState = 0;
        }
      }
    }
    return counts;
  }
}

package io.destkit.runtime.engine;

import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.WriteHandlers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An in-memory destination for engine tests: keeps what each call received, and "commits" by moving written records
 * to the committed list. It can be told to fail on its n-th batch.
 */
public class RecordingHandlers implements WriteHandlers {
  /** Everything that happened, in order, e.g. {@code start users}, {@code records users 3}, {@code commit}. */
  public final List<String> events = Collections.synchronizedList(new ArrayList<>());
  public final List<Record> committed = Collections.synchronizedList(new ArrayList<>());
  private final List<Record> uncommitted = new ArrayList<>();
  private final int failOnBatch;
  private int batches;

  /** Handlers that never fail. */
  public RecordingHandlers() {
    this(0);
  }

  /** Handlers whose {@code failOnBatch}-th records call (from 1) throws; 0 for never. */
  public RecordingHandlers(int failOnBatch) {
    this.failOnBatch = failOnBatch;
  }

  @Override
  public boolean accepts(StreamContext stream) {
    return !stream.name().startsWith("refused");
  }

  @Override
  public void streamStart(StreamContext stream) {
    events.add("start " + stream.descriptor());
  }

  @Override
  public void records(RecordBatch batch) {
    if (++batches == failOnBatch) {
      events.add("fail");
      throw new IllegalStateException("disk full on batch " + batches);
    }
    events.add("records " + batch.stream().descriptor() + " " + batch.size());
    uncommitted.addAll(batch.records());
  }

  @Override
  public void commit() {
    events.add("commit");
    committed.addAll(uncommitted);
    uncommitted.clear();
  }

  @Override
  public void streamComplete(StreamContext stream) {
    events.add("complete " + stream.descriptor());
  }

  @Override
  public void close() {
    events.add("close");
  }
}

package io.destkit.runtime.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.destkit.runtime.error.FailureType;
import io.destkit.runtime.error.InputException;
import io.destkit.runtime.rejected.RejectedRecord;
import io.destkit.runtime.rejected.RejectedRecordsSink;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.RecordCodec;
import io.destkit.runtime.write.RecordJson;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.WriteHandlers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rejected-records side of a write. Records the decoder set aside wait here on the reading thread until the next
 * commit is queued, so that they reach the writer before it ({@link #takeSetAside}); on the writer thread they go to
 * the sink, with the records the connector refused while writing a batch, and the sink is committed before the states
 * that count them are echoed. Without a sink (the option is off) a record the connector refuses fails the write.
 */
final class Rejections {
  private static final JsonFactory JSON = new JsonFactory();

  private final RejectedRecordsSink sink;
  private final WriteHandlers handlers;
  /** Reading thread: records set aside since the last commit was queued. */
  private List<RejectedRecord> setAside = new ArrayList<>();
  /** Writer thread: whether the sink holds records not committed. */
  private boolean uncommitted;

  /** {@code sink} is null when the option is off. */
  Rejections(RejectedRecordsSink sink, WriteHandlers handlers) {
    this.sink = sink;
    this.handlers = handlers;
  }

  /** Whether records that cannot be loaded are set aside rather than failing the write. */
  boolean enabled() {
    return sink != null;
  }

  /** Reading thread: the decoder set {@code record} aside. */
  void setAside(RejectedRecord record) {
    setAside.add(record);
  }

  /** Reading thread: the records set aside since the last call, for the writer; null when there are none. */
  List<RejectedRecord> takeSetAside() {
    if (setAside.isEmpty()) {
      return null;
    }
    List<RejectedRecord> taken = setAside;
    setAside = new ArrayList<>();
    return taken;
  }

  /** Writer thread: keeps {@code records} in the sink. */
  void write(List<RejectedRecord> records) throws IOException {
    for (RejectedRecord record : records) {
      sink.write(record);
    }
    uncommitted |= !records.isEmpty();
  }

  /**
   * Writer thread, after {@code batch} was written: the records the connector reported refused go to the sink; without
   * one, the first of them fails the write, naming its stream, line and reason.
   */
  void refused(RecordBatch batch, long[] lines) throws IOException, InputException {
    Map<Integer, String> refused = batch.report().rejections();
    if (refused.isEmpty()) {
      return;
    }
    StreamContext stream = batch.stream();
    if (sink == null) {
      Map.Entry<Integer, String> first = refused.entrySet().iterator().next();
      throw new InputException(lines[first.getKey()], "the destination refused the record of stream "
          + stream.descriptor() + ": " + first.getValue() + (refused.size() > 1 ? " (and " + (refused.size() - 1)
          + " more records of the same batch)" : "") + ". Fix the data at the source, or turn on the connector's"
          + " rejected-records option to set such records aside and go on.", FailureType.CONFIG);
    }
    RecordCodec<?> codec = handlers.codec(stream);
    for (Map.Entry<Integer, String> entry : refused.entrySet()) {
      int index = entry.getKey();
      sink.write(new RejectedRecord(stream.descriptor(), lines[index], entry.getValue(),
          message(stream, batch.records().get(index), codec)));
    }
    uncommitted = true;
  }

  /** Writer thread: makes what the sink holds durable, before states are echoed. */
  void commit() throws IOException {
    if (uncommitted) {
      sink.commit();
      uncommitted = false;
    }
  }

  /** At the end of the write; records not committed are dropped (their states were not echoed). */
  void close() throws IOException {
    if (sink != null) {
      sink.close();
    }
  }

  /** The record as an AirbyteMessage, rebuilt from its decoded values (or typed object). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static byte[] message(StreamContext stream, Record record, RecordCodec codec) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, record.size()));
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("type", "RECORD");
      json.writeObjectFieldStart("record");
      if (stream.namespace() != null) {
        json.writeStringField("namespace", stream.namespace());
      }
      json.writeStringField("stream", stream.name());
      json.writeNumberField("emitted_at", record.emittedAt());
      json.writeFieldName("data");
      if (record.typed() != null && codec != null) {
        codec.encode(record.typed(), json);
      } else {
        RecordJson.writeData(stream, record, json);
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    return out.toByteArray();
  }
}

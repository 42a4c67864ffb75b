package io.destkit.runtime.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.destkit.runtime.error.FailureType;
import io.destkit.runtime.error.InputException;
import io.destkit.runtime.rejected.RejectedRecord;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.types.ProtobufValues;
import io.destkit.runtime.write.PositionalDecoder;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.StreamDescriptor;
import io.destkit.runtime.write.TooManyValuesException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one speed-mode socket carrying PROTOBUF (SPEED-MODE.md, "Messages"): frames of a varint32 length and one
 * {@code AirbyteMessageProtobuf}. A record's values are positional and decoded straight into the stream's column
 * values with the JSON path's coercions ({@link ProtobufValues}); a typed stream's record goes straight into its
 * record class through its codec's positional decoder, or, for a codec without one, through the codec as JSON tokens.
 * States and traces travel as JSON text and are decoded by {@link MessageDecoder}; probes are
 * skipped.
 *
 * <p>Bad input (a negative or too long frame, the socket ending inside one, an unknown message case, a record of a
 * stream the catalog lacks or with more values than the stream has fields) fails with an {@link InputException}
 * naming the socket and the message's number, never a value.
 */
final class ProtobufReader implements MessageSource {
  /** The longest frame read, as the platform's own reader allows. */
  static final int MAX_FRAME = 256 << 20;

  // Field numbers of AirbyteMessageProtobuf, AirbyteRecordMessageProtobuf and its meta.
  private static final int MESSAGE_RECORD = 1;
  private static final int MESSAGE_PROTOCOL = 2;
  private static final int MESSAGE_PROBE = 3;
  private static final int RECORD_NAMESPACE = 1;
  private static final int RECORD_NAME = 2;
  private static final int RECORD_EMITTED_AT = 3;
  private static final int RECORD_PARTITION = 4;
  private static final int RECORD_DATA = 5;
  private static final int RECORD_META = 6;

  private final InputStream in;
  private final String socket;
  private final MessageDecoder json;
  private byte[] frame = new byte[1 << 16];
  private int frameLength;
  private long messages;
  private final List<MetaChange> scratch = new ArrayList<>();
  /** The texts each record repeats: most records are of the last record's stream and partition. */
  private final RepeatedText namespaces = new RepeatedText();
  private final RepeatedText names = new RepeatedText();
  private final RepeatedText partitions = new RepeatedText();
  private static final Object[] NO_VALUES = new Object[0];

  /** The last record's parts. */
  private StreamPlan plan;
  private Record record;
  private String partition;
  private RejectedRecord rejection;
  /** Whether the last message was a JSON one, whose parts {@link #json} holds. */
  private boolean lastWasJson;

  /**
   * @param in the socket's bytes
   * @param socket the socket's path, for errors
   * @param json the decoder of the socket's JSON messages, which also holds the streams' plans
   */
  ProtobufReader(InputStream in, String socket, MessageDecoder json) {
    this.in = in;
    this.socket = socket;
    this.json = json;
  }

  @Override
  public MessageDecoder.Kind next() throws IOException, InputException {
    if (!readFrame()) {
      return null;
    }
    try {
      return message();
    } catch (InvalidProtocolBufferException e) {
      // protobuf-java's own words on what is malformed (a length past the frame, text that is not UTF-8, ...).
      throw bad("is not a valid AirbyteMessageProtobuf: " + e.getMessage());
    }
  }

  /** Decodes the frame just read. */
  private MessageDecoder.Kind message() throws IOException, InputException {
    CodedInputStream input = CodedInputStream.newInstance(frame, 0, frameLength);
    // A JSON column's bytes are read in place (nothing keeps them past the frame: its value is a String made of them).
    input.enableAliasing(true);
    MessageDecoder.Kind kind = null;
    int tag;
    while ((tag = input.readTag()) != 0) {
      int field = WireFormat.getTagFieldNumber(tag);
      if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED || kind != null) {
        throw bad("is not one AirbyteMessageProtobuf (field " + field + ")");
      }
      switch (field) {
        case MESSAGE_RECORD -> {
          // Read by the same stream within a limit: a stream made for each record was a fifth of what decoding
          // allocated.
          int length = input.readRawVarint32();
          int start = input.getTotalBytesRead();
          int outer = input.pushLimit(length);
          kind = record(input, start, length);
          input.popLimit(outer);
        }
        case MESSAGE_PROTOCOL -> {
          int length = input.readRawVarint32();
          int start = input.getTotalBytesRead();
          input.skipRawBytes(length);
          lastWasJson = true;
          try {
            kind = json.decode(frame, start, length, messages);
          } catch (InputException e) {
            throw bad(e.problem(), e.failureType());
          }
        }
        case MESSAGE_PROBE -> {
          input.skipField(tag);
          kind = MessageDecoder.Kind.OTHER;
        }
        default -> throw bad("holds an unknown message case (field " + field + ")");
      }
    }
    if (kind == null) {
      throw bad("holds no message (no record, protocol message or probe)");
    }
    return kind;
  }

  /** Reads the next frame into {@link #frame}; false at a clean end of the socket. */
  private boolean readFrame() throws IOException, InputException {
    int length = 0;
    for (int shift = 0; ; shift += 7) {
      int b = in.read();
      if (b < 0) {
        if (shift == 0) {
          return false;
        }
        messages++;
        throw bad("ended inside a frame's length");
      }
      if (shift == 28 && (b & 0xF0) != 0) {
        messages++;
        throw bad("has a frame length that is negative or beyond 32 bits");
      }
      length |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    messages++;
    if (length < 0 || length > MAX_FRAME) {
      throw bad("has a frame of " + Integer.toUnsignedString(length) + " bytes, beyond the " + (MAX_FRAME >> 20)
          + " MiB a message may have");
    }
    if (length > frame.length) {
      frame = new byte[Math.max(length, Math.min(MAX_FRAME, frame.length * 2))];
    }
    int read = in.readNBytes(frame, 0, length);
    if (read < length) {
      throw bad("ended inside a frame (" + read + " of its " + length + " bytes came)");
    }
    frameLength = length;
    return true;
  }

  /**
   * Decodes the record message at {@code frame[start, start + length)}, which {@code input} (reading the frame from
   * its start) is at, its limit the record's end.
   */
  private MessageDecoder.Kind record(CodedInputStream input, int start, int length)
      throws IOException, InputException {
    lastWasJson = false;
    scratch.clear();
    String namespace = null;
    String name = null;
    long emittedAt = 0;
    String partitionId = null;
    List<MetaChange> sourceChanges = List.of();
    Object[] values = null;
    boolean later = false;
    StreamPlan found = null;
    int position = 0;
    int tag;
    while ((tag = input.readTag()) != 0) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case RECORD_NAMESPACE -> namespace = namespaces.read(input, frame);
        case RECORD_NAME -> name = names.read(input, frame);
        case RECORD_EMITTED_AT -> emittedAt = input.readUInt64();
        case RECORD_PARTITION -> partitionId = partitions.read(input, frame);
        case RECORD_META -> sourceChanges = ProtobufMeta.changes(input);
        case RECORD_DATA -> {
          if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            throw bad("holds a record whose data is not a list of values");
          }
          if (found == null && name != null && !later) {
            found = plan(name, namespace);
            later = found.codec() != null;
            values = later ? null : new Object[found.positions()];
          }
          if (found == null || later) {
            // A typed stream, or values before the stream's name (fields out of their usual order): decoded in a
            // second pass over the record.
            later = true;
            input.skipField(tag);
          } else {
            value(input, found, position++, values);
          }
        }
        default -> input.skipField(tag);
      }
    }
    if (name == null) {
      throw bad("holds a record without stream_name");
    }
    if (partitionId == null) {
      throw bad("holds a record without partition_id");
    }
    found = found != null ? found : plan(name, namespace);
    Object typed = null;
    if (later || values == null) {
      scratch.clear();
      if (found.codec() == null) {
        values = new Object[found.positions()];
        CodedInputStream again = CodedInputStream.newInstance(frame, start, length);
        position = 0;
        while ((tag = again.readTag()) != 0) {
          if (WireFormat.getTagFieldNumber(tag) == RECORD_DATA) {
            value(again, found, position++, values);
          } else {
            again.skipField(tag);
          }
        }
      } else {
        values = NO_VALUES;
        typed = typed(start, length, found);
      }
    }
    plan = found;
    partition = partitionId;
    MetaChange misfit = found.misfitKey(scratch);
    if (misfit != null && json.rejecting()) {
      rejection = new RejectedRecord(found.stream().descriptor(), messages, DecodedRecords.misfitReason(misfit),
          asJson(start, length, found, namespace, name, emittedAt, partitionId));
      return MessageDecoder.Kind.REJECTED;
    }
    if (misfit != null) {
      throw DecodedRecords.misfitKey(found, misfit, where());
    }
    List<MetaChange> changes = DecodedRecords.changes(sourceChanges, scratch);
    record = new Record(DecodedRecords.randomUuid(), emittedAt, values, typed, changes, frameLength);
    return MessageDecoder.Kind.RECORD;
  }

  /** Decodes the {@code data} entry whose tag was just read, number {@code position}, into its column. */
  private void value(CodedInputStream input, StreamPlan found, int position, Object[] values)
      throws IOException, InputException {
    int column = column(found, position);
    int limit = input.pushLimit(input.readRawVarint32());
    values[column] = found.protobufDecoder(column).read(input, found.name(column), scratch);
    input.popLimit(limit);
  }

  /**
   * The column of value number {@code position}, checked ({@link #record}'s first pass has checked that the data
   * entries are length-delimited).
   */
  private int column(StreamPlan found, int position) throws InputException {
    if (position >= found.positions()) {
      throw tooManyValues(found);
    }
    return found.columnAt(position);
  }

  private InputException tooManyValues(StreamPlan found) {
    return bad("holds a record of stream " + found.stream().descriptor() + " with more values than the "
        + found.positions() + " fields of its schema");
  }

  /**
   * A typed stream's record, the message at {@code frame[start, start + length)}: decoded by the codec's positional
   * decoder in one pass, or, when it has none, given to the codec as a JSON object's tokens.
   */
  private Object typed(int start, int length, StreamPlan found) throws IOException, InputException {
    PositionalDecoder<?> positional = found.positional();
    if (positional != null) {
      try {
        return positional.decode(CodedInputStream.newInstance(frame, start, length), scratch);
      } catch (TooManyValuesException e) {
        throw tooManyValues(found);
      }
    }
    TokenBuffer tokens = new TokenBuffer((ObjectCodec) null, false);
    dataAsJson(CodedInputStream.newInstance(frame, start, length), found, tokens);
    try (JsonParser parser = tokens.asParser()) {
      parser.nextToken();
      return found.codec().decode(parser, scratch);
    }
  }

  /** Writes the record's values, read from {@code input} (the record message), as a JSON object. */
  private void dataAsJson(CodedInputStream input, StreamPlan found, JsonGenerator json)
      throws IOException, InputException {
    json.writeStartObject();
    int position = 0;
    int tag;
    while ((tag = input.readTag()) != 0) {
      if (WireFormat.getTagFieldNumber(tag) == RECORD_DATA) {
        json.writeFieldName(found.name(column(found, position++)));
        int limit = input.pushLimit(input.readRawVarint32());
        ProtobufValues.writeJson(input, json);
        input.popLimit(limit);
      } else {
        input.skipField(tag);
      }
    }
    json.writeEndObject();
  }

  /** The record as the JSON AirbyteMessage a source would have sent on standard input: for a rejected record. */
  private byte[] asJson(int start, int length, StreamPlan found, String namespace, String name, long emittedAt,
      String partitionId) throws IOException, InputException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length * 2 + 100);
    try (JsonGenerator generator = MessageDecoder.BLOCK_FACTORY.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeStringField("type", "RECORD");
      generator.writeObjectFieldStart("record");
      if (namespace != null) {
        generator.writeStringField("namespace", namespace);
      }
      generator.writeStringField("stream", name);
      generator.writeNumberField("emitted_at", emittedAt);
      generator.writeStringField("partition_id", partitionId);
      generator.writeFieldName("data");
      dataAsJson(CodedInputStream.newInstance(frame, start, length), found, generator);
      generator.writeEndObject();
      generator.writeEndObject();
    }
    return out.toByteArray();
  }

  private StreamPlan plan(String name, String namespace) throws InputException {
    StreamPlan found = json.planOrNull(name, namespace);
    if (found == null) {
      throw bad("holds a record of stream " + new StreamDescriptor(namespace, name) + ", which is not in the"
          + " catalog");
    }
    return found;
  }

  private String where() {
    return "Socket " + socket + ", message " + messages;
  }

  private InputException bad(String problem) {
    return bad(problem, FailureType.SYSTEM);
  }

  private InputException bad(String problem, FailureType type) {
    return new InputException(where(), problem, type);
  }

  @Override
  public RecordCursor record() {
    return lastWasJson ? json : cursor;
  }

  @Override
  public RejectedRecord rejection() {
    return lastWasJson ? json.rejection() : rejection;
  }

  @Override
  public StateMessage state() {
    return json.state();
  }

  @Override
  public StreamDescriptor completed() {
    return json.completed();
  }

  /** The last protobuf record, read in place. */
  private final RecordCursor cursor = new RecordCursor() {
    @Override
    public StreamContext stream() {
      return plan.stream();
    }

    @Override
    public Record record() {
      return record;
    }

    @Override
    public String partition() {
      return partition;
    }

    @Override
    public long line() {
      return messages;
    }
  };
}

package io.destkit.runtime.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.destkit.runtime.error.InputException;
import io.destkit.runtime.rejected.RejectedRecord;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.FileReference;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.StreamDescriptor;
import io.destkit.runtime.write.WriteHandlers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decodes one input line in one pass: the envelope, and for a RECORD its data straight into the stream's column
 * values, without a tree. STATE lines are kept as bytes; a STREAM_STATUS COMPLETE trace names its stream; every other
 * message, and every field we do not know, is skipped.
 */
public final class MessageDecoder implements RecordCursor {
  /** What a line held. */
  public enum Kind {
    RECORD, STATE, STREAM_COMPLETE, STREAM_INCOMPLETE,
    /** A record that cannot be loaded, set aside because the rejected-records option is on: see {@link #rejection}. */
    REJECTED,
    OTHER
  }

  /** Nesting deeper than this ends the write with an error naming the line, before any stack is at risk. */
  static final int MAX_NESTING_DEPTH = 1000;

  /** Parsers of whole blocks: their locations carry the input, so that JSON values can be copied as bytes. */
  static final JsonFactory BLOCK_FACTORY = JsonMessageParts.factory(true, MAX_NESTING_DEPTH);
  /**
   * Parsers of single lines, for the careful path: without the input in locations, so that no error can quote it
   * (it may hold secrets).
   */
  private final JsonFactory lineFactory = JsonMessageParts.factory(false, MAX_NESTING_DEPTH);
  private final Map<StreamDescriptor, StreamPlan> plans = new HashMap<>();
  /** Names of streams that have a namespace: their records' data can be decoded only once the namespace is known. */
  private final Set<String> namespaced = new HashSet<>();
  private final List<MetaChange> scratch = new ArrayList<>();
  /** Whether a record that cannot be loaded is set aside ({@link Kind#REJECTED}) rather than failing the write. */
  private final boolean rejecting;
  private final NamespaceMapping mapping;
  /** Why the record just read cannot be loaded, or null; and the record set aside, once its bytes are known. */
  private String rejectReason;
  private RejectedRecord rejection;

  private StreamPlan recordPlan;
  private StreamPlan lastPlan;
  /** The source's name of {@link #lastPlan}'s stream. */
  private StreamDescriptor lastSource;
  /** The last STATE read, and the stream of the last STREAM_STATUS COMPLETE. */
  private StateMessage state;
  private StreamDescriptor completed;

  private static final Object[] NO_VALUES = new Object[0];

  private long messageStart;
  private long messageEnd;
  private int messageEndRow;
  /** The parts of the last record; its Record is made when asked for, once its message's size is known. */
  private long recordEmittedAt;
  private Object[] recordValues;
  private Object recordTyped;
  private List<MetaChange> recordChanges;
  private long recordLine;
  private FileReference recordFile;
  private String recordPartition;

  public MessageDecoder(Catalog catalog, WriteHandlers handlers) {
    this(catalog, handlers, false);
  }

  /**
   * A decoder that, when {@code rejecting}, returns a record whose data is not an object, or whose primary key or
   * cursor value does not fit its type, as {@link Kind#REJECTED} instead of failing. A line that is not JSON, or a
   * record without stream, emitted_at or data, or of a stream not in the catalog, fails either way: that is a broken
   * protocol, not a record.
   */
  public MessageDecoder(Catalog catalog, WriteHandlers handlers, boolean rejecting) {
    this(catalog, handlers, rejecting, NamespaceMapping.NONE);
  }

  /**
   * A decoder of messages that name streams as the source does, in a catalog whose streams {@code mapping} renamed
   * (speed mode): records find their stream by its source name; states and stream statuses are told with the
   * catalog's names.
   */
  MessageDecoder(Catalog catalog, WriteHandlers handlers, boolean rejecting, NamespaceMapping mapping) {
    this.rejecting = rejecting;
    this.mapping = mapping;
    for (StreamContext stream : catalog.streams()) {
      StreamDescriptor source = mapping.sourceOf(stream.descriptor());
      plans.put(source, new StreamPlan(stream, handlers.codec(stream)));
      if (source.namespace() != null) {
        namespaced.add(source.name());
      }
    }
  }

  /**
   * Decodes the line {@code buffer[offset, offset + length)}, number {@code lineNumber} of the input, with a parser of
   * its own: the careful way, whose errors name exactly what is wrong with the line.
   */
  Kind decode(byte[] buffer, int offset, int length, long lineNumber) throws InputException {
    try (JsonParser parser = lineFactory.createParser(buffer, offset, length)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Kind.OTHER;
      }
      if (first != JsonToken.START_OBJECT) {
        throw new InputException(lineNumber, "is not a JSON object");
      }
      Kind kind = message(parser, JsonMessageParts.tokenOffset(parser), lineNumber, buffer, offset);
      if (parser.nextToken() != null) {
        throw new InputException(lineNumber, "holds more than one JSON value");
      }
      return kind;
    } catch (StreamConstraintsException e) {
      throw new InputException(lineNumber, "is nested deeper than " + MAX_NESTING_DEPTH + " levels, which this"
          + " destination does not read");
    } catch (JsonProcessingException e) {
      long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
      // Jackson's own message may quote the line, which may hold secret data: only its kind is passed on.
      String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      String what = original.startsWith("Invalid UTF-8") ? "is not valid UTF-8" : "is not valid JSON";
      throw new InputException(lineNumber, what + " (error at column " + column + ")");
    } catch (IOException e) {
      throw new InputException(lineNumber, "cannot be read: " + e.getClass().getSimpleName());
    }
  }

  /**
   * Decodes the message whose START_OBJECT the parser is on, leaving the parser on its END_OBJECT; the parser reads
   * {@code buffer} from {@code base}, where a STATE's bytes are copied from. Syntax errors come as Jackson's
   * exceptions, for the caller to report; what is wrong with a well-formed message comes as an
   * {@link InputException}.
   */
  Kind message(JsonParser parser, long start, long lineNumber, byte[] buffer, int base)
      throws IOException, InputException {
    messageStart = start;
    Kind kind = Kind.OTHER;
    String type = null;
    JsonMessageParts.StateParts stateParts = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("type") && value == JsonToken.VALUE_STRING) {
        type = JsonMessageParts.messageType(parser);
      } else if (field.equals("record") && value == JsonToken.START_OBJECT) {
        record(parser, lineNumber);
        kind = Kind.RECORD;
      } else if (field.equals("state") && value == JsonToken.START_OBJECT) {
        stateParts = JsonMessageParts.state(parser);
        kind = Kind.STATE;
      } else if (field.equals("trace") && value == JsonToken.START_OBJECT) {
        kind = trace(parser);
      } else {
        parser.skipChildren();
      }
    }
    // The parser is on the message's END_OBJECT: one byte, which ends the message.
    messageEnd = JsonMessageParts.tokenOffset(parser) + 1;
    messageEndRow = JsonMessageParts.tokenLine(parser);
    if (!matches(kind, type)) {
      return Kind.OTHER;
    }
    if (kind == Kind.RECORD && rejectReason != null) {
      int from = base + (int) messageStart;
      rejection = new RejectedRecord(recordPlan.stream().descriptor(), lineNumber, rejectReason,
          Arrays.copyOfRange(buffer, from, base + (int) messageEnd));
      return Kind.REJECTED;
    }
    if (kind == Kind.STATE) {
      int from = base + (int) messageStart;
      state = new StateMessage(Arrays.copyOfRange(buffer, from, base + (int) messageEnd),
          stateParts.end() - (int) messageStart, stateParts.hasFields(), stateParts.hasStats(), stateParts.scope(),
          stateParts.stream() == null ? null : mapping.map(stateParts.stream()), stateParts.checkpoint());
    }
    return kind;
  }

  /** A payload counts only under its own type; a message without type is taken by its payload. */
  private static boolean matches(Kind kind, String type) {
    if (type == null) {
      return true;
    }
    return switch (kind) {
      case RECORD, REJECTED -> type.equals("RECORD");
      case STATE -> type.equals("STATE");
      case STREAM_COMPLETE, STREAM_INCOMPLETE -> type.equals("TRACE");
      case OTHER -> true;
    };
  }

  private void record(JsonParser parser, long lineNumber) throws IOException, InputException {
    String stream = null;
    String namespace = null;
    boolean namespaceSeen = false;
    long emittedAt = Long.MIN_VALUE;
    Object[] values = null;
    Object typed = null;
    TokenBuffer earlyData = null;
    List<MetaChange> sourceChanges = List.of();
    FileReference file = null;
    String partition = null;
    scratch.clear();
    rejectReason = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "stream":
          stream = value == JsonToken.VALUE_STRING ? streamName(parser) : null;
          break;
        case "namespace":
          namespace = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          namespaceSeen = true;
          if (values != null && namespace != null) {
            // Data decoded as the stream without namespace, which the catalog does not have with this one.
            plan(stream, namespace, lineNumber);
          }
          break;
        case "emitted_at":
          if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            emittedAt = parser.getValueAsLong();
          }
          break;
        case "data":
          if (value != JsonToken.START_OBJECT) {
            if (!rejecting) {
              throw new InputException(lineNumber, "record data must be a JSON object");
            }
            rejectReason = "record data must be a JSON object, not " + JsonMessageParts.jsonKind(value);
            parser.skipChildren();
            values = NO_VALUES;
            earlyData = null;
            break;
          }
          if (rejectReason != null) {
            parser.skipChildren();
            break;
          }
          if (stream != null && (namespaceSeen || !namespaced.contains(stream))) {
            recordPlan = plan(stream, namespace, lineNumber);
            if (recordPlan.codec() == null) {
              values = recordPlan.decode(parser, scratch);
            } else {
              typed = recordPlan.codec().decode(parser, scratch);
              values = NO_VALUES;
            }
          } else {
            // Which stream the data belongs to is not known yet (its name or namespace comes after it): keep the
            // tokens until the end of the record. Sources write stream and namespace first, so this is rare.
            earlyData = new TokenBuffer(parser);
            earlyData.copyCurrentStructure(parser);
          }
          break;
        case "meta":
          sourceChanges = JsonMessageParts.sourceChanges(parser, value);
          break;
        case "file_reference":
          file = JsonMessageParts.fileReference(parser, value, lineNumber);
          break;
        case "partition_id":
          // Speed mode's JSONL: the checkpoint the record belongs to.
          partition = value == JsonToken.VALUE_STRING ? parser.getText() : null;
          break;
        default:
          parser.skipChildren();
      }
    }
    recordPartition = partition;
    if (stream == null) {
      throw new InputException(lineNumber, "record has no stream name");
    }
    if (emittedAt == Long.MIN_VALUE) {
      throw new InputException(lineNumber, "record of stream " + new StreamDescriptor(namespace, stream)
          + " has no emitted_at");
    }
    if (rejectReason != null) {
      recordPlan = plan(stream, namespace, lineNumber);
      return;
    }
    if (earlyData != null) {
      recordPlan = plan(stream, namespace, lineNumber);
      try (JsonParser replay = earlyData.asParser()) {
        replay.nextToken();
        if (recordPlan.codec() == null) {
          values = recordPlan.decode(replay, scratch);
        } else {
          typed = recordPlan.codec().decode(replay, scratch);
          values = NO_VALUES;
        }
      }
    } else if (values == null) {
      throw new InputException(lineNumber, "record of stream " + new StreamDescriptor(namespace, stream)
          + " has no data");
    }
    MetaChange misfit = recordPlan.misfitKey(scratch);
    if (misfit != null && rejecting) {
      rejectReason = DecodedRecords.misfitReason(misfit);
      return;
    }
    if (misfit != null) {
      throw DecodedRecords.misfitKey(recordPlan, misfit, lineNumber);
    }
    List<MetaChange> changes = DecodedRecords.changes(sourceChanges, scratch);
    recordEmittedAt = emittedAt;
    recordValues = values;
    recordTyped = typed;
    recordChanges = changes;
    recordLine = lineNumber;
    recordFile = file;
  }

  /** The stream name the parser is on; the last record's String when it is the same name (it usually is). */
  private String streamName(JsonParser parser) throws IOException {
    return lastPlan != null && JsonMessageParts.textIs(parser, lastSource.name()) ? lastSource.name() : parser.getText();
  }

  /** The plan of the stream so named, or null when the catalog lacks it. */
  StreamPlan planOrNull(String stream, String namespace) {
    if (lastPlan != null && stream.equals(lastSource.name())
        && Objects.equals(namespace, lastSource.namespace())) {
      return lastPlan;
    }
    StreamDescriptor source = new StreamDescriptor(namespace, stream);
    StreamPlan plan = plans.get(source);
    if (plan != null) {
      lastSource = source;
      lastPlan = plan;
    }
    return plan;
  }

  /** Whether records that cannot be loaded are set aside rather than failing the write. */
  boolean rejecting() {
    return rejecting;
  }

  private StreamPlan plan(String stream, String namespace, long lineNumber) throws InputException {
    // Records of one stream come in runs: the last plan usually fits, without a descriptor and a map lookup.
    StreamPlan plan = planOrNull(stream, namespace);
    if (plan == null) {
      throw new InputException(lineNumber, "record of stream " + new StreamDescriptor(namespace, stream)
          + ", which is not in the catalog");
    }
    return plan;
  }

  /**
   * What the trace tells: a STREAM_STATUS COMPLETE or INCOMPLETE of a stream (then {@link #completed()} names it), or
   * nothing the write needs.
   */
  private Kind trace(JsonParser parser) throws IOException {
    JsonMessageParts.StreamStatus status = JsonMessageParts.streamStatus(parser);
    completed = status.stream() == null ? null : mapping.map(status.stream());
    if (!"STREAM_STATUS".equals(status.type()) || status.stream() == null) {
      return Kind.OTHER;
    }
    if ("COMPLETE".equals(status.status())) {
      return Kind.STREAM_COMPLETE;
    }
    return "INCOMPLETE".equals(status.status()) ? Kind.STREAM_INCOMPLETE : Kind.OTHER;
  }

  @Override
  public StreamContext stream() {
    return recordPlan.stream();
  }

  /** The record just decoded, with a new raw id; its size is its message's. */
  @Override
  public Record record() {
    return new Record(DecodedRecords.randomUuid(), recordEmittedAt, recordValues, recordTyped, recordChanges,
        (int) (messageEnd - messageStart), recordFile);
  }

  @Override
  public String partition() {
    return recordPartition;
  }

  @Override
  public long line() {
    return recordLine;
  }

  /** The parser's line of the end of the message just decoded. */
  int messageEndRow() {
    return messageEndRow;
  }

  /** The record just set aside ({@link Kind#REJECTED}). */
  RejectedRecord rejection() {
    return rejection;
  }

  /** The STATE just read. */
  StateMessage state() {
    return state;
  }

  /** The stream of the STREAM_STATUS COMPLETE or INCOMPLETE just read. */
  StreamDescriptor completed() {
    return completed;
  }
}

package io.destkit.runtime.engine;

import io.destkit.runtime.rejected.RejectedRecord;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.StreamDescriptor;

/**
 * One message as a reader decoded it, kept rather than read in place: what a thread that decodes hands to the
 * engine's thread ({@link SocketInputs}, {@link ParallelReader}). Only the parts of its kind are set. As a
 * {@link RecordCursor} it is the record it holds.
 *
 * @param line the record's input line (for a rejected record, its {@link RejectedRecord#line})
 */
record DecodedMessage(MessageDecoder.Kind kind, StreamContext stream, Record record, String partition, long line,
    RejectedRecord rejection, StateMessage state, StreamDescriptor descriptor) implements RecordCursor {

  /** A message the engine passes over. */
  static final DecodedMessage OTHER = new DecodedMessage(MessageDecoder.Kind.OTHER, null, null, null, 0, null, null,
      null);

  /** The message {@code source} has just read, which it said was of {@code kind}. */
  static DecodedMessage of(MessageDecoder.Kind kind, MessageSource source) {
    return switch (kind) {
      case RECORD -> new DecodedMessage(kind, source.record().stream(), source.record().record(),
          source.record().partition(), source.record().line(), null, null, null);
      case REJECTED -> new DecodedMessage(kind, null, null, source.record().partition(), 0, source.rejection(), null,
          null);
      case STATE -> new DecodedMessage(kind, null, null, null, 0, null, source.state(), null);
      case STREAM_COMPLETE, STREAM_INCOMPLETE -> new DecodedMessage(kind, null, null, null, 0, null, null,
          source.completed());
      case OTHER -> OTHER;
    };
  }

  /** A STREAM_STATUS COMPLETE of {@code stream}. */
  static DecodedMessage complete(StreamDescriptor stream) {
    return new DecodedMessage(MessageDecoder.Kind.STREAM_COMPLETE, null, null, null, 0, null, null, stream);
  }
}

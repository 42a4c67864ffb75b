package io.destkit.runtime.engine;

import io.destkit.runtime.rejected.RejectedRecord;
import io.destkit.runtime.write.StreamDescriptor;

/**
 * Where the engine reads messages from, one at a time: standard input ({@link MessageReader}), one speed-mode socket
 * ({@link MessageReader} over JSON lines, {@link ProtobufReader} over protobuf frames), or all sockets at once
 * ({@link SocketInputs}). What {@link #next} read stays readable through the other methods until the next call.
 */
interface MessageSource {
  /** Reads the next message and tells what it was; null at the end of input. */
  MessageDecoder.Kind next() throws Exception;

  /** The record just read, when {@link #next} said RECORD. */
  RecordCursor record();

  /** The record just set aside, when {@link #next} said REJECTED. */
  RejectedRecord rejection();

  /** The state just read, when {@link #next} said STATE. */
  StateMessage state();

  /** The stream whose STREAM_STATUS was just read, when {@link #next} said STREAM_COMPLETE or STREAM_INCOMPLETE. */
  StreamDescriptor completed();
}

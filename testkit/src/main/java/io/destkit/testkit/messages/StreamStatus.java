package io.destkit.testkit.messages;

/** The status a STREAM_STATUS trace reports for a stream. */
public enum StreamStatus {
  /** The source started reading the stream. */
  STARTED,
  /** The source is reading the stream. */
  RUNNING,
  /** The source sent all of the stream's records. */
  COMPLETE,
  /** The source stopped before sending all of the stream's records. */
  INCOMPLETE
}

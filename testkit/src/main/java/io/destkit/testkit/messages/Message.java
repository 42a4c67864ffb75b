package io.destkit.testkit.messages;

/**
 * One line of a connector's standard input, as the platform writes it. Build them with {@link Messages}.
 */
public sealed interface Message permits RecordMessage, StateMessage, StreamStatusMessage, RawLine {
  /** The line, without its line break. */
  String toLine();
}

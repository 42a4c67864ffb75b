package io.destkit.runtime.error;

/**
 * A message on standard input (or a speed-mode socket) that the protocol does not allow: not JSON, a record without a stream, a record for a
 * stream the catalog lacks. The message names the line; it never quotes the line, which may hold secret data.
 */
public final class InputException extends DestinationException {
  private static final long serialVersionUID = 1L;

  private final FailureType failureType;
  private final String problem;
  private final String where;
  /** The input line the message is on, or -1 when it is found otherwise (a socket's message number). */
  private final long line;

  /** A message the protocol does not allow: the platform or the source broke it, a {@code system_error}. */
  public InputException(long line, String problem) {
    this(line, problem, FailureType.SYSTEM);
  }

  /**
   * A message the user can act on, e.g. a primary key value that does not fit the key's type ({@code config_error}:
   * the user chooses another key, as for the same failure found at load time).
   */
  public InputException(long line, String problem, FailureType failureType) {
    this("Input line " + line, problem, failureType, line);
  }

  /**
   * A message the protocol does not allow, found at {@code where}: e.g. "Socket /var/run/sockets/s1.sock, message
   * 12" in speed mode.
   */
  public InputException(String where, String problem, FailureType failureType) {
    this(where, problem, failureType, -1);
  }

  private InputException(String where, String problem, FailureType failureType, long line) {
    super(where + ": " + problem, null);
    this.failureType = failureType;
    this.problem = problem;
    this.where = where;
    this.line = line;
  }

  /**
   * This error as it reads {@code lines} lines further on: for input decoded in parts, each numbered from its first
   * line, once the lines before the part are known. An error that names no input line is returned as it is.
   */
  public InputException linesLater(long lines) {
    if (line < 0 || lines == 0) {
      return this;
    }
    InputException moved = new InputException(line + lines, problem, failureType);
    moved.setStackTrace(getStackTrace());
    return moved;
  }

  /** Where the message is: "Input line 3", "Socket /run/s1.sock, message 12". */
  public String where() {
    return where;
  }

  /** What is wrong, without where. */
  public String problem() {
    return problem;
  }

  @Override
  public FailureType failureType() {
    return failureType;
  }
}

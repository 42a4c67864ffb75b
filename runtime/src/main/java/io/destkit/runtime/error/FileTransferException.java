package io.destkit.runtime.error;

/**
 * A file a record refers to cannot be transferred: the staged file is missing or not the size its record declares, or
 * its relative path would place it outside the destination's folder. A {@code system_error}: the platform staged the
 * file, or the source named it, and the user cannot fix either in the connection.
 */
public final class FileTransferException extends DestinationException {
  private static final long serialVersionUID = 1L;

  public FileTransferException(String message) {
    super(message, null);
  }

  public FileTransferException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public FailureType failureType() {
    return FailureType.SYSTEM;
  }
}

package io.destkit.sample.sql;

import io.destkit.runtime.error.DestinationException;
import io.destkit.runtime.error.FailureType;

/** The database refused a statement for a reason that neither the user's settings nor an outage explain. */
final class WarehouseException extends DestinationException {
  private static final long serialVersionUID = 1L;

  WarehouseException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public FailureType failureType() {
    return FailureType.SYSTEM;
  }
}

package io.destkit.sql;

import io.destkit.runtime.error.DestinationException;
import io.destkit.runtime.error.FailureType;

/** The database refused a statement for a reason that neither the user's settings nor an outage explain. */
public final class WarehouseException extends DestinationException {
  private static final long serialVersionUID = 1L;

  public WarehouseException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public FailureType failureType() {
    return FailureType.SYSTEM;
  }
}

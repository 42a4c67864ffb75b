package io.destkit.runtime.error;

/** Who must act on a failure, as the protocol's TRACE ERROR {@code failure_type} tells the platform. */
public enum FailureType {
  /** The user's configuration or input is wrong; retrying will not help. */
  CONFIG("config_error"),
  /** An outage that may pass (a server down, a timeout); the platform may retry the sync. */
  TRANSIENT("transient_error"),
  /** A fault of the connector or of something it did not expect. */
  SYSTEM("system_error");

  private final String protocolValue;

  FailureType(String protocolValue) {
    this.protocolValue = protocolValue;
  }

  /** The value of {@code failure_type} in the protocol. */
  public String protocolValue() {
    return protocolValue;
  }
}

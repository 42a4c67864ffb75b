package io.destkit.testkit;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the tests were told the protocol's schema file is: the system property {@value #PROPERTY}, else the
 * environment variable {@value #VARIABLE}. {@code source} names the one used, for skip messages.
 */
record SchemaFileSetting(Path file, String source) {
  static final String PROPERTY = "destkit.protocolSchema";
  static final String VARIABLE = "DESTKIT_PROTOCOL_SCHEMA";

  /** What tells people how to point the tests at the file. */
  static final String HOW_TO_SET = "set the system property " + PROPERTY + " or the environment variable " + VARIABLE
      + " to the path of airbyte_protocol.yaml (github.com/airbytehq/airbyte-protocol, file "
      + "protocol-models/src/main/resources/airbyte_protocol/v0/airbyte_protocol.yaml)";

  static Optional<SchemaFileSetting> fromEnvironment() {
    return resolve(System::getProperty, System::getenv);
  }

  static Optional<SchemaFileSetting> resolve(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    String property = properties.apply(PROPERTY);
    if (property != null && !property.isBlank()) {
      return Optional.of(new SchemaFileSetting(Path.of(property.strip()), "system property " + PROPERTY));
    }
    String variable = environment.apply(VARIABLE);
    if (variable != null && !variable.isBlank()) {
      return Optional.of(new SchemaFileSetting(Path.of(variable.strip()), "environment variable " + VARIABLE));
    }
    return Optional.empty();
  }

  /** Why a test that needs the file is skipped when the file is not there. */
  String missingReason() {
    return "Airbyte protocol schema not found at " + file.toAbsolutePath() + " (from " + source + "); " + HOW_TO_SET;
  }

  static String unsetReason() {
    return "Airbyte protocol schema not configured: neither " + PROPERTY + " nor " + VARIABLE + " is set; "
        + HOW_TO_SET;
  }
}

package io.destkit.processor.generate;

import com.palantir.javapoet.ClassName;

/** The runtime's types that generated code uses, named once. The processor does not depend on the runtime. */
final class RuntimeTypes {
  static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
  static final ClassName CONFIG_INPUT = ClassName.get("io.destkit.runtime.config", "ConfigInput");
  static final ClassName CONFIG_EXCEPTION = ClassName.get("io.destkit.runtime.config", "ConfigException");
  static final ClassName SECRET_MASKER = ClassName.get("io.destkit.runtime.secret", "SecretMasker");
  static final ClassName DESTINATION_DEFINITION = ClassName.get("io.destkit.runtime", "DestinationDefinition");
  static final ClassName LAUNCHER = ClassName.get("io.destkit.runtime.cli", "Launcher");
  static final ClassName DESTINATION_CATALOG = ClassName.get("io.destkit.runtime.discover", "DestinationCatalog");
  static final ClassName REJECTED_RECORDS_SETTINGS =
      ClassName.get("io.destkit.runtime.rejected", "RejectedRecordsSettings");

  private RuntimeTypes() {}
}

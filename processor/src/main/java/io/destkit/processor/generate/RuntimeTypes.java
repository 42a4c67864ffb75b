package io.destkit.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;

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
  static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
  static final ClassName AIRBYTE_TYPE = ClassName.get("io.destkit.runtime.types", "AirbyteType");
  static final ClassName META_CHANGE = ClassName.get("io.destkit.runtime.types", "MetaChange");
  static final ClassName JSON_TREES = ClassName.get("io.destkit.runtime.types", "JsonTrees");
  static final ClassName PROTOBUF_VALUES = ClassName.get("io.destkit.runtime.types", "ProtobufValues");
  static final ClassName POSITIONAL_DECODER = ClassName.get("io.destkit.runtime.write", "PositionalDecoder");
  static final ClassName POSITIONAL_VALUES = ClassName.get("io.destkit.runtime.write", "PositionalValues");
  static final ClassName CODED_INPUT_STREAM = ClassName.get("com.google.protobuf", "CodedInputStream");
  /** {@code List<MetaChange>}: where decoders report the values they nulled. */
  static final TypeName CHANGES = ParameterizedTypeName.get(ClassName.get(List.class), META_CHANGE);

  private RuntimeTypes() {}
}

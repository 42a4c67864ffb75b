package io.destkit.runtime.engine;

import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.write.RecordCodec;
import io.destkit.runtime.write.StreamContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks, at write start, that a typed stream's catalog schema can fill the record class the connector was built
 * with: every required field present, every shared field of a compatible type. Fields only the catalog has are
 * fine: they reach the record's additional properties.
 */
public final class TypedStreams {
  private TypedStreams() {}

  /** What is wrong, one sentence per field; empty when the catalog fits. */
  public static List<String> problems(StreamContext stream, RecordCodec<?> codec) {
    List<String> problems = new ArrayList<>();
    Map<String, AirbyteType> catalog = new java.util.HashMap<>();
    stream.columns().forEach(column -> catalog.put(column.name(), column.type()));
    for (Map.Entry<String, AirbyteType> field : codec.schema().properties().entrySet()) {
      AirbyteType given = catalog.get(field.getKey());
      if (given == null) {
        if (codec.requiredFields().contains(field.getKey())) {
          problems.add("stream " + stream.descriptor() + " has no field '" + field.getKey()
              + "', which the connector requires");
        }
      } else if (!compatible(field.getValue(), given)) {
        problems.add("field '" + field.getKey() + "' of stream " + stream.descriptor() + " is "
            + describe(given) + " in the catalog, but the connector reads it as " + describe(field.getValue()));
      }
    }
    return problems;
  }

  /** Whether values of the catalog's type decode into the connector's without loss of meaning. */
  static boolean compatible(AirbyteType built, AirbyteType given) {
    AirbyteType.Kind want = built.kind();
    AirbyteType.Kind have = given.kind();
    if (want == have || want == AirbyteType.Kind.UNKNOWN || want == AirbyteType.Kind.UNION
        || want == AirbyteType.Kind.STRING && have != AirbyteType.Kind.OBJECT && have != AirbyteType.Kind.ARRAY) {
      return true;
    }
    return want == AirbyteType.Kind.NUMBER && have == AirbyteType.Kind.INTEGER
        || want == AirbyteType.Kind.TIMESTAMP_WITH_TIMEZONE && have == AirbyteType.Kind.TIMESTAMP_WITHOUT_TIMEZONE
        || want == AirbyteType.Kind.TIME_WITH_TIMEZONE && have == AirbyteType.Kind.TIME_WITHOUT_TIMEZONE;
  }

  private static String describe(AirbyteType type) {
    return type.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}

package ${package};

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.write.RecordJson;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.suite.DestinationReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the test API accepted at one URL path, as rows for the testkit's suite. */
final class ReceivedRecords implements DestinationReader {
  private final RecordsServer server;
  private final String path;

  ReceivedRecords(RecordsServer server, String path) {
    this.server = server;
    this.path = path;
  }

  @Override
  public List<Map<String, Object>> rows(ConfiguredCatalog catalog, ConfiguredStream stream) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (stream.destinationObjectName() != null) {
      // A stream mapped to an object: the object's records as they are now, fields only.
      String objectPath = URI.create("http://api" + path).resolve("objects/" + stream.destinationObjectName())
          .getPath();
      for (JsonNode record : server.objectRecords(objectPath)) {
        Map<String, Object> row = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : record.properties()) {
          row.put(field.getKey(), value(field.getValue(), stream.fieldTypes().getOrDefault(field.getKey(),
              AirbyteType.UNKNOWN)));
        }
        rows.add(row);
      }
      return rows;
    }
    for (JsonNode body : server.acceptedBodies(path)) {
      String namespace = body.hasNonNull("namespace") ? body.path("namespace").asText() : null;
      if (body.path("stream").asText().equals(stream.name()) && Objects.equals(namespace, stream.namespace())) {
        for (JsonNode record : body.path("records")) {
          rows.add(row(record, stream.fieldTypes()));
        }
      }
    }
    return rows;
  }

  /** A record in the raw form as a row: the Airbyte columns, and each field in the form its type reads best. */
  static Map<String, Object> row(JsonNode record, Map<String, AirbyteType> types) {
    Map<String, Object> row = new HashMap<>();
    row.put(RAW_ID, record.path(RecordJson.RAW_ID).asText());
    row.put(EXTRACTED_AT, record.path(RecordJson.EXTRACTED_AT).asText());
    row.put(GENERATION_ID, record.path(RecordJson.GENERATION_ID).asLong());
    row.put(META, record.path(RecordJson.META));
    for (Map.Entry<String, JsonNode> field : record.path(RecordJson.DATA).properties()) {
      row.put(field.getKey(), value(field.getValue(), types.getOrDefault(field.getKey(), AirbyteType.UNKNOWN)));
    }
    return row;
  }

  private static Object value(JsonNode value, AirbyteType type) {
    return switch (type.kind()) {
      case OBJECT, ARRAY, UNION, UNKNOWN -> value;
      case STRING, BOOLEAN, INTEGER, NUMBER, DATE, TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_WITHOUT_TIMEZONE,
          TIME_WITH_TIMEZONE, TIME_WITHOUT_TIMEZONE, BINARY -> scalar(value);
    };
  }

  /** A value of a scalar type: numbers as BigDecimal, booleans as Boolean, anything else as text. */
  private static Object scalar(JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    return value.isNull() ? null : value.asText();
  }
}

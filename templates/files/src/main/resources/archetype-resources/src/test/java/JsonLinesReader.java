package ${package};

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.destkit.runtime.files.RotatingJsonLinesWriter;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.write.RecordJson;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.suite.DestinationReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads back the lines of a stream's files, and the files of its records, as the testkit's suite compares them with
 * what it sent.
 */
final class JsonLinesReader implements DestinationReader {
  /** Decimals as BigDecimal: a double would round them, or make 1E+400 infinite. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private final Path root;

  JsonLinesReader(Path root) {
    this.root = root;
  }

  @Override
  public List<Map<String, Object>> rows(ConfiguredCatalog catalog, ConfiguredStream stream) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, AirbyteType> types = stream.fieldTypes();
    for (Path file : RotatingJsonLinesWriter.jsonLinesFiles(StreamFolders.of(root, stream.descriptor()))) {
      try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          rows.add(row(JSON.readTree(line), types));
        }
      }
    }
    return rows;
  }

  @Override
  public Optional<byte[]> file(ConfiguredCatalog catalog, ConfiguredStream stream, String relativePath)
      throws IOException {
    Path folder = StreamFiles.folderOf(StreamFolders.of(root, stream.descriptor())).toAbsolutePath().normalize();
    Path file = folder.resolve(relativePath).normalize();
    // Never read outside the stream's files, whatever path a test asks about.
    if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(Files.readAllBytes(file));
  }

  /** A line as a row: the Airbyte columns, and each field of the data in the form its type reads best. */
  static Map<String, Object> row(JsonNode line, Map<String, AirbyteType> types) {
    Map<String, Object> row = new HashMap<>();
    row.put(RAW_ID, line.path(RecordJson.RAW_ID).asText());
    row.put(EXTRACTED_AT, line.path(RecordJson.EXTRACTED_AT).asText());
    row.put(GENERATION_ID, line.path(RecordJson.GENERATION_ID).asLong());
    row.put(META, line.path(RecordJson.META));
    for (Map.Entry<String, JsonNode> field : line.path(RecordJson.DATA).properties()) {
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

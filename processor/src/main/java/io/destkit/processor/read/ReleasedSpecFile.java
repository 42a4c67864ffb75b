package io.destkit.processor.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.processor.model.ReleasedSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads the spec of the last release, which the build names with the processor option {@code destkit.releasedSpec}:
 * the {@code spec.json} destkit generated then (a ConnectorSpecification), or the SPEC message {@code spec} printed.
 */
final class ReleasedSpecFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReleasedSpecFile() {}

  /**
   * Reads the file at {@code option}, a path (absolute: javac's working directory is not the module's), recording it
   * in {@code inputs} whether it is there or not.
   */
  static ReleasedSpec read(String option, BuildInputs inputs) {
    Path path;
    try {
      path = Path.of(option);
    } catch (InvalidPathException e) {
      return new ReleasedSpec.Invalid(option, "it is not a path: " + e.getMessage());
    }
    byte[] bytes = inputs.read(path);
    if (bytes == null) {
      return Files.exists(path) ? new ReleasedSpec.Invalid(option, "it is not a file that can be read")
          : new ReleasedSpec.Absent(option);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      return new ReleasedSpec.Invalid(option, "it is not JSON: line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      return new ReleasedSpec.Invalid(option, e.toString());
    }
    JsonNode spec = root != null && "SPEC".equals(root.path("type").asText()) ? root.path("spec") : root;
    if (spec == null || !spec.path("connectionSpecification").isObject()) {
      return new ReleasedSpec.Invalid(option,
          "it has no connectionSpecification object, so it is not a ConnectorSpecification");
    }
    return new ReleasedSpec.Present(option, spec);
  }
}

package io.destkit.processor.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads the spec of the last release, which the build names with the processor option {@code destkit.releasedSpec}:
 * the {@code spec.json} destkit generated then (a ConnectorSpecification), or the SPEC message {@code spec} printed.
 */
public final class ReleasedSpecFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReleasedSpecFile() {}

  /** What the option leads to. */
  public sealed interface Result {}

  /** There is no file at the path: nothing was released yet, so there is nothing to compare with. */
  public record Absent(String path) implements Result {}

  /** The file is there but is not a spec; {@code reason} says why. */
  public record Invalid(String path, String reason) implements Result {}

  /** The released ConnectorSpecification. */
  public record Present(String path, JsonNode spec) implements Result {}

  /** Reads the file at {@code option}, a path (absolute: javac's working directory is not the module's). */
  public static Result read(String option) {
    Path path;
    try {
      path = Path.of(option);
    } catch (InvalidPathException e) {
      return new Invalid(option, "it is not a path: " + e.getMessage());
    }
    if (!Files.exists(path)) {
      return new Absent(option);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(path.toFile());
    } catch (JsonProcessingException e) {
      return new Invalid(option, "it is not JSON: line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      return new Invalid(option, e.toString());
    }
    JsonNode spec = root != null && "SPEC".equals(root.path("type").asText()) ? root.path("spec") : root;
    if (spec == null || !spec.path("connectionSpecification").isObject()) {
      return new Invalid(option, "it has no connectionSpecification object, so it is not a ConnectorSpecification");
    }
    return new Present(option, spec);
  }
}

package io.destkit.processor.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The spec of the last release, which the build names with the processor option {@code destkit.releasedSpec}, as the
 * reader found it at {@code path}.
 */
public sealed interface ReleasedSpec {
  /** The option as given. */
  String path();

  /** There is no file at the path: nothing was released yet, so there is nothing to compare with. */
  record Absent(String path) implements ReleasedSpec {}

  /** The file is there but is not a spec; {@code reason} says why. */
  record Invalid(String path, String reason) implements ReleasedSpec {}

  /** The released ConnectorSpecification. */
  record Present(String path, JsonNode spec) implements ReleasedSpec {}
}

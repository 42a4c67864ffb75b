package io.destkit.processor.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.processor.Message;
import io.destkit.processor.model.BuildOptions;
import io.destkit.processor.model.ConnectorModel;
import io.destkit.processor.model.Problem;
import io.destkit.processor.model.ReleasedSpec;
import io.destkit.processor.model.Site;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The release check of a valid connector: its spec against the last released one, when the build names it. A breaking
 * change is one problem on the {@code @Destination}, listing every change, unless a {@code @BreakingChange} is declared
 * for the version being built.
 */
public final class CompatibilityCheck {
  private CompatibilityCheck() {}

  /** What the check found: the problems, and a note for the author when there was nothing to compare with. */
  public record Result(List<Problem> problems, String note) {}

  /**
   * Runs the check of {@code spec}, the connector's ConnectorSpecification; no problem and no note when the build
   * names no released spec.
   */
  public static Result run(ConnectorModel connector, JsonNode spec, BuildOptions options) {
    Site site = Site.of(connector.element(), connector.annotation());
    ReleasedSpec released = connector.releasedSpec();
    if (released instanceof ReleasedSpec.Present present) {
      return compare(connector, present, spec, options, site);
    } else if (released instanceof ReleasedSpec.Invalid invalid) {
      return new Result(List.of(Problem.of(Message.RELEASED_SPEC_INVALID, site, invalid.path(), invalid.reason())),
          null);
    } else if (released instanceof ReleasedSpec.Absent absent) {
      return new Result(List.of(), Message.RELEASED_SPEC_ABSENT.format(absent.path()));
    }
    return new Result(List.of(), null);
  }

  private static Result compare(ConnectorModel connector, ReleasedSpec.Present present, JsonNode spec,
      BuildOptions options, Site site) {
    List<SpecCompatibility.Change> changes = SpecCompatibility.compare(present.spec(), spec);
    boolean acknowledged = connector.breakingChanges().stream()
        .anyMatch(change -> change.version().value().equals(options.releaseVersion()));
    if (changes.isEmpty() || acknowledged) {
      return new Result(List.of(), null);
    }
    String list = changes.stream().map(change -> "  - " + change.describe())
        .collect(Collectors.joining(String.format("%n")));
    return new Result(List.of(Problem.of(Message.SPEC_BREAKING, site, present.path(), list,
        connector.className().simpleName(), options.version())), null);
  }
}

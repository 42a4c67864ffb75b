package io.destkit.processor.validate;

import io.destkit.processor.Message;
import io.destkit.processor.model.ConfigClass;
import io.destkit.processor.model.ConnectorModel;
import io.destkit.processor.model.Placement;
import io.destkit.processor.model.Problem;
import io.destkit.processor.model.Site;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Stage two for what is judged across the compilation rather than inside one destination: annotations outside a
 * {@code @Destination}, one destination per compilation, generated names the author took, configs no destination
 * uses, and types that never resolved.
 */
public final class PlacementValidator {
  /** The annotations of a round that are not where they belong. */
  public List<Problem> validate(List<Placement> placements) {
    List<Problem> problems = new ArrayList<>();
    for (Placement placement : placements) {
      if (!placement.onDestination()) {
        problems.add(switch (placement.kind()) {
          case CHECK -> Problem.of(Message.CHECK_OUTSIDE, placement.site(), placement.member(), placement.owner());
          case HANDLER -> Problem.of(Message.HANDLER_OUTSIDE, placement.site(), placement.annotation(),
              placement.member(), placement.owner());
          case BREAKING_CHANGE -> Problem.of(Message.BREAKING_CHANGE_OUTSIDE, placement.site(), placement.member());
        });
      }
    }
    return problems;
  }

  /** A second destination in the compilation, {@code first} being the qualified name of the one already seen. */
  public Problem duplicate(ConnectorModel second, String first) {
    return Problem.of(Message.CONNECTOR_DUPLICATE, Site.of(second.element(), second.annotation()), first);
  }

  /** Classes of the author's that have the name of one destkit generates for the connector. */
  public List<Problem> namesTaken(ConnectorModel connector) {
    return connector.namesTaken().stream()
        .map(taken -> Problem.of(Message.GENERATED_NAME_TAKEN, taken.site(), taken.name().simpleName(),
            connector.className().simpleName()))
        .toList();
  }

  /**
   * A destination ({@code simpleName}, at {@code site}) put off round after round, because {@code type} (needed by
   * {@code where}) never resolved.
   */
  public Problem unresolved(Site site, String simpleName, String type, String where) {
    return Problem.of(Message.TYPE_UNRESOLVED, site, type, where, simpleName);
  }

  /** {@code @ConnectorConfig} classes whose qualified names no destination uses. */
  public List<Problem> unusedConfigs(Collection<ConfigClass> configs, Set<String> used) {
    List<Problem> problems = new ArrayList<>();
    for (ConfigClass config : configs) {
      if (!used.contains(config.qualifiedName())) {
        problems.add(Problem.of(Message.CONFIG_NO_CONNECTOR, config.site(), config.simpleName()));
      }
    }
    return problems;
  }
}

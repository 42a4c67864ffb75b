package io.destkit.processor.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.processor.Message;
import io.destkit.processor.model.ConnectorModel;
import io.destkit.processor.model.DiscoverModel;
import io.destkit.processor.model.HandlerModel;
import io.destkit.processor.model.Problem;
import io.destkit.processor.model.Site;
import io.destkit.processor.model.StreamModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The data activation side of a connector: its {@code @Discover} method, the records methods that write
 * {@code update} or {@code soft_delete} (each must name a declared object, or the connector must discover them), and
 * the matching keys of the streams they write. Returns problems; prints nothing.
 */
final class ActivationValidator {
  private static final List<String> MATCHING_MODES = List.of("update", "soft_delete");

  List<Problem> validate(ConnectorModel connector) {
    List<Problem> problems = new ArrayList<>();
    List<DiscoverModel> discovers = connector.discovers();
    for (int i = 1; i < discovers.size(); i++) {
      problems.add(Problem.of(Message.DISCOVER_DUPLICATE, Site.of(discovers.get(i).element()), connector.className().simpleName(),
          discovers.get(0).name() + "()", discovers.get(i).name() + "()"));
    }
    for (DiscoverModel discover : discovers) {
      String wrong = signatureProblem(discover);
      if (wrong != null) {
        problems.add(Problem.of(Message.DISCOVER_SIGNATURE, Site.of(discover.element()), discover.name() + "()", discover.name(),
            connector.configElement() == null ? connector.configClass().value()
                : connector.configElement().getSimpleName(), wrong));
      }
    }
    for (HandlerModel handler : connector.handlers(HandlerModel.Kind.RECORDS)) {
      List<String> matching = handler.modes().value().stream().filter(MATCHING_MODES::contains).toList();
      if (matching.isEmpty()) {
        continue;
      }
      StreamModel object = connector.streams().stream()
          .filter(stream -> stream.name().value().equals(handler.stream().value())).findFirst().orElse(null);
      if (object == null && discovers.isEmpty()) {
        problems.add(Problem.of(Message.ACTIVATION_UNDECLARED, handler.modes().site(), handler.name() + "()",
            String.join(" and ", matching), connector.className().simpleName()));
      } else if (object != null && object.matchingKeys().value().isEmpty()) {
        problems.add(Problem.of(Message.MATCHING_KEYS_MISSING, object.name().site(), object.name().value(),
            String.join(" and ", matching), handler.name() + "()"));
      }
    }
    for (StreamModel stream : connector.streams()) {
      if (!(stream.schema() instanceof StreamModel.Parsed parsed) || parsed.json() == null) {
        continue;
      }
      for (String key : stream.matchingKeys().value()) {
        if (!hasField(parsed.json(), key.split("\\.", -1))) {
          problems.add(Problem.of(Message.MATCHING_KEY_UNKNOWN, stream.matchingKeys().site(), key,
              stream.name().value(), stream.schemaPath().value()));
        }
      }
    }
    return problems;
  }

  /** Whether the object schema {@code schema} has the property at {@code path}. */
  private static boolean hasField(JsonNode schema, String[] path) {
    JsonNode at = schema;
    for (String name : path) {
      at = at.path("properties").path(name);
      if (at.isMissingNode()) {
        return false;
      }
    }
    return true;
  }

  private static String signatureProblem(DiscoverModel discover) {
    if (discover.isPrivate()) {
      return "it is private";
    }
    if (!discover.returnsOperations()) {
      return "it does not return List<DestinationOperation>";
    }
    if (!discover.parametersOk()) {
      return "its parameters are neither none nor exactly the config";
    }
    if (!discover.throwsOnlyExceptions()) {
      return "it throws Throwable";
    }
    return null;
  }
}

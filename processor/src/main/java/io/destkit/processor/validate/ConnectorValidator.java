package io.destkit.processor.validate;

import io.destkit.processor.Message;
import io.destkit.processor.model.CheckModel;
import io.destkit.processor.model.ConnectorModel;
import io.destkit.processor.model.Problem;
import io.destkit.processor.model.Site;
import java.net.URI;
import java.net.URISyntaxException;
import com.palantir.javapoet.ClassName;
import io.destkit.processor.model.HandlerModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stage two for a {@code @Destination}: its own attributes, its check method, then its config. */
public final class ConnectorValidator {
  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  /** Every problem of the connector and its config; empty when generators may run. */
  public List<Problem> validate(ConnectorModel connector) {
    List<Problem> problems = new ArrayList<>();
    if (!NAME.matcher(connector.name().value()).matches()) {
      problems.add(Problem.of(Message.CONNECTOR_NAME, connector.name().site(), connector.name().value()));
    }
    if (!isHttpUrl(connector.documentationUrl().value())) {
      problems.add(Problem.of(Message.CONNECTOR_DOCUMENTATION_URL, connector.documentationUrl().site(),
          connector.documentationUrl().value()));
    }
    if (!connector.construction().possible()) {
      problems.add(Problem.of(Message.CONNECTOR_CONSTRUCT, Site.of(connector.element()),
          connector.className().simpleName(), connector.construction().reason()));
    }
    if (connector.config() == null) {
      problems.add(Problem.of(Message.CONFIG_ANNOTATION, connector.configClass().site(),
          connector.configClass().value()));
    } else {
      problems.addAll(new ConfigValidator(connector.config()).validate());
    }
    checks(connector, problems);
    handlers(connector, problems);
    problems.addAll(new ActivationValidator().validate(connector));
    return problems;
  }

  private static void handlers(ConnectorModel connector, List<Problem> problems) {
    Map<HandlerModel.Kind, HandlerModel> single = new EnumMap<>(HandlerModel.Kind.class);
    Map<String, HandlerModel> routes = new HashMap<>();
    for (HandlerModel handler : connector.handlers()) {
      String wrong = signatureProblem(handler);
      if (wrong != null) {
        problems.add(Problem.of(Message.HANDLER_SIGNATURE, Site.of(handler.element()),
            handler.kind().annotation(), handler.name() + "()", handler.kind().signature(handler.name()), wrong));
      }
      if (handler.kind() != HandlerModel.Kind.RECORDS) {
        HandlerModel first = single.putIfAbsent(handler.kind(), handler);
        if (first != null) {
          problems.add(Problem.of(Message.HANDLER_DUPLICATE, Site.of(handler.element()),
              connector.className().simpleName(), handler.kind().annotation(), first.name() + "()",
              handler.name() + "()", ""));
        }
        continue;
      }
      Site site = Site.of(handler.element());
      if (handler.typed()) {
        String mismatch = typedMismatch(connector, handler);
        if (mismatch != null) {
          problems.add(Problem.of(Message.RECORDS_TYPE_MISMATCH, site, handler.name() + "()",
              (handler.takesTypedBatch() ? "TypedBatch<" : "List<") + handler.recordType() + ">", mismatch));
        }
        if (handler.files().value() && !handler.takesTypedBatch()) {
          String record = handler.recordType().substring(handler.recordType().lastIndexOf('.') + 1);
          problems.add(Problem.of(Message.RECORDS_FILES_LIST, handler.files().site(), handler.name() + "()", record,
              record));
        }
      }
      if (handler.modes().value().isEmpty()) {
        problems.add(Problem.of(Message.RECORDS_NO_MODE, handler.modes().site(), handler.name() + "()"));
      }
      String stream = handler.stream().value();
      if (stream.isEmpty() && !handler.namespace().value().isEmpty()) {
        problems.add(Problem.of(Message.RECORDS_NAMESPACE_WITHOUT_STREAM, handler.namespace().site(),
            handler.name() + "()", handler.namespace().value()));
      }
      for (String mode : handler.modes().value()) {
        String route = handler.namespace().value() + "\u0000" + stream + "\u0000" + mode;
        HandlerModel first = routes.putIfAbsent(route, handler);
        if (first != null && first != handler) {
          String what = stream.isEmpty() ? " for any stream" : " for stream '" + stream + "'";
          problems.add(Problem.of(Message.HANDLER_DUPLICATE, site, connector.className().simpleName(),
              "OnRecords", first.name() + "()", handler.name() + "()", what + " in mode " + mode));
          break;
        }
      }
    }
  }

  /** Why a typed records method does not fit its stream; null when it does. */
  private static String typedMismatch(ConnectorModel connector, HandlerModel handler) {
    String stream = handler.stream().value();
    if (stream.isEmpty()) {
      return "a method of typed records must name its stream: @OnRecords(stream = \"...\") with a @Stream of that name";
    }
    ClassName expected = connector.recordClass(stream);
    if (expected == null) {
      return "no @Stream declares stream '" + stream + "'; declare it on " + connector.className().simpleName()
          + " with @Stream(name = \"" + stream + "\", type = \"...\")";
    }
    if (!expected.canonicalName().equals(handler.recordType())) {
      return "the records of stream '" + stream + "' are of the generated class " + expected.simpleName()
          + "; take List<" + expected.simpleName() + "> or TypedBatch<" + expected.simpleName() + ">";
    }
    return null;
  }

  private static String signatureProblem(HandlerModel handler) {
    if (handler.isPrivate()) {
      return "it is private";
    }
    if (!handler.returnsVoid()) {
      return "it returns a value";
    }
    if (!handler.parameterTypes().equals(handler.kind().parameters()) && !handler.typed()) {
      return handler.kind().parameters().isEmpty() ? "it takes parameters" : "its parameters differ";
    }
    if (!handler.throwsOnlyExceptions()) {
      return "it throws Throwable";
    }
    return null;
  }

  private static void checks(ConnectorModel connector, List<Problem> problems) {
    List<CheckModel> checks = connector.checks();
    for (int i = 1; i < checks.size(); i++) {
      problems.add(Problem.of(Message.CHECK_DUPLICATE, Site.of(checks.get(i).element()),
          connector.className().simpleName(), checks.get(0).name() + "()", checks.get(i).name() + "()"));
    }
    for (CheckModel check : checks) {
      String wrong = signatureProblem(check);
      if (wrong != null) {
        problems.add(Problem.of(Message.CHECK_SIGNATURE, Site.of(check.element()), check.name() + "()", check.name(),
            connector.configElement() == null ? connector.configClass().value()
                : connector.configElement().getSimpleName(), wrong));
      }
    }
  }

  private static String signatureProblem(CheckModel check) {
    if (check.isPrivate()) {
      return "it is private";
    }
    if (!check.returnsVoid()) {
      return "it returns a value";
    }
    if (!check.acceptsConfig()) {
      return "its parameters are not exactly the config";
    }
    if (!check.throwsOnlyExceptions()) {
      return "it throws Throwable";
    }
    return null;
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}

package io.destkit.processor.validate;

import io.destkit.processor.Message;
import io.destkit.processor.model.CheckModel;
import io.destkit.processor.model.ConnectorModel;
import io.destkit.processor.model.Problem;
import io.destkit.processor.model.Site;
import io.destkit.processor.read.Annotations;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** Stage two for a {@code @Destination}: its own attributes, its check method, then its config. */
public final class ConnectorValidator {
  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  /** Every problem of the connector and its config; empty when generators may run. */
  public List<Problem> validate(ConnectorModel connector) {
    List<Problem> problems = new ArrayList<>();
    if (!NAME.matcher(connector.name()).matches()) {
      problems.add(Problem.of(Message.CONNECTOR_NAME, at(connector, "name"), connector.name()));
    }
    if (!isHttpUrl(connector.documentationUrl())) {
      problems.add(Problem.of(Message.CONNECTOR_DOCUMENTATION_URL, at(connector, "documentationUrl"),
          connector.documentationUrl()));
    }
    if (!connector.construction().possible()) {
      problems.add(Problem.of(Message.CONNECTOR_CONSTRUCT, Site.of(connector.element()),
          connector.className().simpleName(), connector.construction().reason()));
    }
    if (connector.config() == null) {
      problems.add(Problem.of(Message.CONFIG_ANNOTATION, at(connector, "config"),
          connector.configElement().getQualifiedName()));
    } else {
      problems.addAll(new ConfigValidator(connector.config()).validate());
    }
    checks(connector, problems);
    return problems;
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
            connector.configElement().getSimpleName(), wrong));
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

  private static Site at(ConnectorModel connector, String attribute) {
    return new Site(connector.element(), connector.annotation(),
        Annotations.explicitValue(connector.annotation(), attribute));
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

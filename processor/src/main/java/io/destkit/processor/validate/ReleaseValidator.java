package io.destkit.processor.validate;

import io.destkit.processor.Message;
import io.destkit.processor.model.BreakingChangeModel;
import io.destkit.processor.model.BuildOptions;
import io.destkit.processor.model.ConnectorModel;
import io.destkit.processor.model.Problem;
import io.destkit.processor.model.Site;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stage two for what the image and {@code metadata.yaml} are made of: the image repository, the license, the declared
 * breaking changes and the version the build gives.
 */
public final class ReleaseValidator {
  /** A path part of a repository, as Docker's reference grammar has it. */
  private static final String PART = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  /** Path parts joined by '/', optionally after a registry host with a port. */
  private static final Pattern REPOSITORY = Pattern.compile(
      "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?"
          + PART + "(?:/" + PART + ")*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern RELEASE = Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private final BuildOptions options;

  public ReleaseValidator(BuildOptions options) {
    this.options = options;
  }

  /** Every problem found; empty when the image files can be written. */
  public List<Problem> validate(ConnectorModel connector) {
    List<Problem> problems = new ArrayList<>();
    if (!REPOSITORY.matcher(connector.dockerRepository().value()).matches()
        && connector.dockerRepository().written()) {
      problems.add(Problem.of(Message.CONNECTOR_DOCKER_REPOSITORY, connector.dockerRepository().site(),
          connector.dockerRepository().value()));
    }
    if (connector.license().value().isBlank()) {
      problems.add(Problem.of(Message.CONNECTOR_LICENSE, connector.license().site()));
    }
    if (!TAG.matcher(options.version()).matches()) {
      problems.add(Problem.of(Message.OPTION_VERSION, Site.of(connector.element(), connector.annotation()),
          options.version()));
    }
    Set<String> versions = new HashSet<>();
    for (BreakingChangeModel change : connector.breakingChanges()) {
      String version = change.version().value();
      if (!isBreakingRelease(version)) {
        problems.add(Problem.of(Message.BREAKING_CHANGE_VERSION, change.version().site(), version));
      } else if (!versions.add(version)) {
        problems.add(Problem.of(Message.BREAKING_CHANGE_DUPLICATE, change.version().site(), version));
      }
      if (!isDate(change.upgradeDeadline().value())) {
        problems.add(Problem.of(Message.BREAKING_CHANGE_DEADLINE, change.upgradeDeadline().site(),
            change.upgradeDeadline().value(), version));
      }
      if (change.message().value().isBlank()) {
        problems.add(Problem.of(Message.BREAKING_CHANGE_MESSAGE, change.message().site(), version));
      }
    }
    return problems;
  }

  /** Whether {@code version} is a release that may break: x.0.0 from 1.0.0 on, 0.y.0 before. */
  static boolean isBreakingRelease(String version) {
    java.util.regex.Matcher release = RELEASE.matcher(version);
    if (!release.matches()) {
      return false;
    }
    boolean major = !release.group(1).equals("0") && release.group(2).equals("0") && release.group(3).equals("0");
    boolean minorBeforeOne = release.group(1).equals("0") && !release.group(2).equals("0")
        && release.group(3).equals("0");
    return major || minorBeforeOne;
  }

  private static boolean isDate(String text) {
    if (!DATE.matcher(text).matches()) {
      return false;
    }
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}

package io.destkit.runtime.config;

import io.destkit.runtime.error.DestinationException;
import io.destkit.runtime.error.FailureType;
import java.util.List;
import java.util.stream.Collectors;

/** The user's configuration (or another input file) is wrong; carries every problem found, each with its path. */
public final class ConfigException extends DestinationException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  /** A config error with a single message that has no JSON path (an unreadable file, say). */
  public ConfigException(String message) {
    this(message, List.of(), null);
  }

  /** A config error with a single message that has no JSON path and a cause. */
  public ConfigException(String message, Throwable cause) {
    this(message, List.of(), cause);
  }

  /** A config error listing the problems found while reading {@code what} (e.g. "config"). */
  public static ConfigException of(String what, List<ConfigProblem> problems) {
    String summary = problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; "));
    String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    return new ConfigException("The " + what + " is invalid (" + count + "): " + summary, problems, null);
  }

  private ConfigException(String message, List<ConfigProblem> problems, Throwable cause) {
    super(message, cause);
    this.problems = List.copyOf(problems);
  }

  /** The problems, each with its JSON path; empty when the failure has no path. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  @Override
  public FailureType failureType() {
    return FailureType.CONFIG;
  }
}

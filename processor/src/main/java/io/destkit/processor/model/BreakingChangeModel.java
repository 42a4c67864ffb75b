package io.destkit.processor.model;

import java.util.Comparator;
import java.util.Locale;

/**
 * A {@code @BreakingChange} declared on the connector. Its attributes are shown at the annotation, or at its entry in
 * the {@code @BreakingChanges} container javac made when the annotation is repeated.
 */
public record BreakingChangeModel(Attribute<String> version, Attribute<String> upgradeDeadline,
    Attribute<String> message) {
  /** Oldest release first, by number: 10.0.0 after 9.0.0. For valid models, whose versions are x.y.z. */
  public static final Comparator<BreakingChangeModel> BY_VERSION =
      Comparator.comparing(BreakingChangeModel::versionKey);

  private static String versionKey(BreakingChangeModel change) {
    StringBuilder key = new StringBuilder();
    for (String part : change.version().value().split("\\.")) {
      key.append(String.format(Locale.ROOT, "%010d", Long.parseLong(part)));
    }
    return key.toString();
  }
}

package io.destkit.processor.model;

import java.util.Map;
import java.util.Set;

/**
 * What the build tells the processor through its {@code -Adestkit.*} options, beside the annotations.
 *
 * @param version the version being built, {@link #DEFAULT_VERSION} when the build gives none
 * @param jar the connector jar's path in the image's build context, or null for the default
 * @param releasedSpec the path of the last released spec, or null when the build names none
 */
public record BuildOptions(String version, String jar, String releasedSpec) {
  /** The version being built, e.g. {@code -Adestkit.connectorVersion=${project.version}}: the image tag. */
  public static final String VERSION = "destkit.connectorVersion";
  /** Where the connector jar is in the image's build context (the module's folder). */
  public static final String JAR = "destkit.jar";
  /** The absolute path of the last released spec, which the new one must stay compatible with. */
  public static final String RELEASED_SPEC = "destkit.releasedSpec";
  /** Every option these stand for. */
  public static final Set<String> NAMES = Set.of(VERSION, JAR, RELEASED_SPEC);
  /** The tag of an image built without a version: Airbyte's name for a local development build. */
  public static final String DEFAULT_VERSION = "dev";

  /** Reads the options the processor was given. */
  public static BuildOptions of(Map<String, String> options) {
    String version = blankToNull(options.get(VERSION));
    return new BuildOptions(version == null ? DEFAULT_VERSION : version, blankToNull(options.get(JAR)),
        blankToNull(options.get(RELEASED_SPEC)));
  }

  /** The jar's path in the build context: the option, else {@code target/<connector name>.jar}. */
  public String jar(String connectorName) {
    return jar != null ? jar : "target/" + connectorName + ".jar";
  }

  /**
   * The release the version leads to: the version without its qualifier, so that {@code 2.0.0-SNAPSHOT} is built on
   * the way to {@code 2.0.0}.
   */
  public String releaseVersion() {
    int qualifier = version.indexOf('-');
    return qualifier < 0 ? version : version.substring(0, qualifier);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}

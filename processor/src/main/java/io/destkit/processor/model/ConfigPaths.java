package io.destkit.processor.model;

import java.util.regex.Pattern;

/**
 * How destkit names a place in a config, in messages and in the reference: JSON paths from {@code $}, with
 * {@code []} for the items of a list and {@code [discriminator=value]} for one choice of a {@code oneOf}, e.g.
 * {@code $.database[engine=postgres].port} or {@code $.replicas[].host}.
 */
public final class ConfigPaths {
  /** The config itself. */
  public static final String ROOT = "$";
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]+");

  private ConfigPaths() {}

  /** A property of the object at {@code parent}. */
  public static String property(String parent, String name) {
    return PLAIN.matcher(name).matches() ? parent + "." + name
        : parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /** The items of the list at {@code parent}. */
  public static String items(String parent) {
    return parent + "[]";
  }

  /** The choice of the {@code oneOf} at {@code parent} whose discriminator has {@code value}. */
  public static String choice(String parent, String discriminator, String value) {
    return parent + "[" + discriminator + "=" + value + "]";
  }
}

package io.destkit.runtime.engine;

import io.destkit.runtime.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a write's records come from, as the platform selects it in the environment (SPEED-MODE.md, "Selection"):
 * standard input as JSON lines (the default), or speed mode: several Unix sockets, each carrying JSON lines or
 * length-delimited protobuf, with states still echoed on standard output.
 *
 * @param medium {@code DATA_CHANNEL_MEDIUM}
 * @param format {@code DATA_CHANNEL_FORMAT}
 * @param socketPaths {@code DATA_CHANNEL_SOCKET_PATHS}, in order; empty on STDIO
 * @param namespaceMapping {@code NAMESPACE_MAPPING_CONFIG_PATH}; null when unset (or on STDIO, where the platform maps
 *     names itself)
 * @param socketWait how long to wait for each socket file to appear
 */
public record DataChannel(Medium medium, Format format, List<Path> socketPaths, Path namespaceMapping,
    Duration socketWait) {
  /** How long the platform's own destinations wait for a socket file. */
  public static final Duration DEFAULT_SOCKET_WAIT = Duration.ofMinutes(15);
  /** The system property that changes {@link #socketWait} (an ISO-8601 duration, e.g. PT30S), for tests. */
  public static final String SOCKET_WAIT_PROPERTY = "destkit.socketWait";

  /** Standard input, JSON lines: what every destination has always read. */
  public static final DataChannel STDIO = new DataChannel(Medium.STDIO, Format.JSONL, List.of(), null,
      DEFAULT_SOCKET_WAIT);

  /** The transport of the records. */
  public enum Medium { STDIO, SOCKET }

  /** The serialization of the messages. */
  public enum Format { JSONL, PROTOBUF }

  public DataChannel {
    socketPaths = List.copyOf(socketPaths);
  }

  /** Whether records come over sockets. */
  public boolean sockets() {
    return medium == Medium.SOCKET;
  }

  /**
   * The channel {@code environment} selects; unset variables take their defaults. A value that is not one the
   * platform sends, PROTOBUF without sockets, or sockets without paths are refused, naming the variable.
   */
  public static DataChannel fromEnvironment(Map<String, String> environment, Map<?, ?> properties)
      throws ConfigException {
    Medium medium = parse(environment, "DATA_CHANNEL_MEDIUM", Medium.class, Medium.STDIO);
    Format format = parse(environment, "DATA_CHANNEL_FORMAT", Format.class, Format.JSONL);
    Duration wait = socketWait(properties);
    if (medium == Medium.STDIO) {
      if (format == Format.PROTOBUF) {
        throw new ConfigException("DATA_CHANNEL_FORMAT=PROTOBUF needs DATA_CHANNEL_MEDIUM=SOCKET: protobuf records"
            + " travel only over sockets");
      }
      return new DataChannel(Medium.STDIO, Format.JSONL, List.of(), null, wait);
    }
    String paths = environment.getOrDefault("DATA_CHANNEL_SOCKET_PATHS", "");
    List<Path> socketPaths = new ArrayList<>();
    for (String path : paths.split(",")) {
      if (!path.isBlank()) {
        socketPaths.add(Path.of(path.trim()));
      }
    }
    if (socketPaths.isEmpty()) {
      throw new ConfigException("DATA_CHANNEL_MEDIUM=SOCKET needs DATA_CHANNEL_SOCKET_PATHS: a comma-separated list"
          + " of the Unix socket files the source serves");
    }
    if (socketPaths.size() != socketPaths.stream().distinct().count()) {
      throw new ConfigException("DATA_CHANNEL_SOCKET_PATHS names a socket twice: " + paths);
    }
    String mapping = environment.get("NAMESPACE_MAPPING_CONFIG_PATH");
    return new DataChannel(Medium.SOCKET, format, socketPaths,
        mapping == null || mapping.isBlank() ? null : Path.of(mapping.trim()), wait);
  }

  private static <E extends Enum<E>> E parse(Map<String, String> environment, String variable, Class<E> type,
      E fallback) throws ConfigException {
    String value = environment.get(variable);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> allowed = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        allowed.add(constant.name());
      }
      throw new ConfigException(variable + " is '" + value + "'; it must be one of " + String.join(", ", allowed));
    }
  }

  private static Duration socketWait(Map<?, ?> properties) throws ConfigException {
    Object value = properties.get(SOCKET_WAIT_PROPERTY);
    if (value == null) {
      return DEFAULT_SOCKET_WAIT;
    }
    try {
      Duration wait = Duration.parse(value.toString().trim());
      if (wait.isNegative()) {
        throw new ConfigException(SOCKET_WAIT_PROPERTY + " must not be negative, not " + value);
      }
      return wait;
    } catch (java.time.format.DateTimeParseException e) {
      throw new ConfigException(SOCKET_WAIT_PROPERTY + " must be an ISO-8601 duration such as PT30S, not " + value);
    }
  }
}

package io.destkit.runtime.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed command line, as the platform gives it: {@code spec}, {@code check --config FILE}, {@code discover --config
 * FILE} or {@code write --config FILE --catalog FILE}. Options may also be written {@code --config=FILE}.
 */
public sealed interface Command {
  /** {@code spec}. */
  record Spec() implements Command {}

  /** {@code check --config FILE}. */
  record Check(Path config) implements Command {}

  /** {@code discover --config FILE}: the DESTINATION_CATALOG of a data activation destination. */
  record Discover(Path config) implements Command {}

  /** {@code write --config FILE --catalog FILE}. */
  record Write(Path config, Path catalog) implements Command {}

  /** {@code --help}, {@code -h} or {@code help}. */
  record Help() implements Command {}

  /** How to call the connector, for people. */
  static String usage(String name) {
    return "Usage: " + name + " spec\n"
        + "       " + name + " check --config CONFIG_FILE\n"
        + "       " + name + " discover --config CONFIG_FILE\n"
        + "       " + name + " write --config CONFIG_FILE --catalog CATALOG_FILE < messages\n";
  }

  /** Parses {@code args}; a mistake is an {@link IllegalArgumentException} whose message says what is wrong. */
  static Command parse(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("No command given: expected spec, check, discover or write.");
    }
    String verb = args[0];
    Map<String, String> options = options(args);
    return switch (verb) {
      case "spec" -> {
        only(verb, options, List.of());
        yield new Spec();
      }
      case "check" -> {
        only(verb, options, List.of("config"));
        yield new Check(Path.of(required(verb, options, "config")));
      }
      case "discover" -> {
        only(verb, options, List.of("config"));
        yield new Discover(Path.of(required(verb, options, "config")));
      }
      case "write" -> {
        only(verb, options, List.of("config", "catalog"));
        yield new Write(Path.of(required(verb, options, "config")), Path.of(required(verb, options, "catalog")));
      }
      case "help", "--help", "-h" -> new Help();
      default -> throw new IllegalArgumentException(
          "Unknown command '" + verb + "': expected spec, check, discover or write.");
    };
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> stray = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        stray.add(arg);
        continue;
      }
      String name;
      String value;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(2, eq);
        value = arg.substring(eq + 1);
      } else {
        name = arg.substring(2);
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          throw new IllegalArgumentException("Option --" + name + " needs a value.");
        }
        value = args[++i];
      }
      if (options.put(name, value) != null) {
        throw new IllegalArgumentException("Option --" + name + " is given twice.");
      }
    }
    if (!stray.isEmpty()) {
      throw new IllegalArgumentException("Unexpected argument '" + stray.get(0) + "'.");
    }
    return options;
  }

  private static void only(String verb, Map<String, String> options, List<String> allowed) {
    for (String name : options.keySet()) {
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException("Command " + verb + " takes no option --" + name + ".");
      }
    }
  }

  private static String required(String verb, Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("Command " + verb + " needs --" + name + " FILE.");
    }
    return value;
  }
}

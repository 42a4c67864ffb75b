package io.destkit.maven;

import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The {@code destkit.*} processor options that maven-compiler-plugin will pass to javac in the main compile, read from
 * its configuration in the project model (interpolated, so {@code ${project.version}} is already the version):
 * {@code -A} arguments in {@code compilerArgs} and in {@code compilerArgument}, at the plugin's level and in its
 * {@code default-compile} execution.
 */
final class CompilerOptions {
  static final String COMPILER = "org.apache.maven.plugins:maven-compiler-plugin";

  private CompilerOptions() {}

  /** The options, by name; empty when the project has no compiler configuration. */
  static Map<String, String> of(Plugin compiler) {
    Map<String, String> options = new TreeMap<>();
    if (compiler == null) {
      return options;
    }
    Xpp3Dom configuration = (Xpp3Dom) compiler.getConfiguration();
    for (PluginExecution execution : compiler.getExecutions()) {
      if ("default-compile".equals(execution.getId()) && execution.getConfiguration() != null) {
        // The execution's own settings win, as Maven merges them.
        configuration = Xpp3Dom.mergeXpp3Dom(new Xpp3Dom((Xpp3Dom) execution.getConfiguration()),
            configuration == null ? null : new Xpp3Dom(configuration));
      }
    }
    if (configuration == null) {
      return options;
    }
    Xpp3Dom args = configuration.getChild("compilerArgs");
    if (args != null) {
      for (Xpp3Dom arg : args.getChildren()) {
        add(arg.getValue(), options);
      }
    }
    Xpp3Dom argument = configuration.getChild("compilerArgument");
    if (argument != null && argument.getValue() != null) {
      for (String arg : argument.getValue().trim().split("\\s+")) {
        add(arg, options);
      }
    }
    return options;
  }

  /** Adds {@code arg} when it is {@code -Adestkit.name=value} or {@code -Adestkit.name}. */
  static void add(String arg, Map<String, String> options) {
    if (arg == null || !arg.trim().startsWith("-Adestkit.")) {
      return;
    }
    String option = arg.trim().substring(2);
    int equals = option.indexOf('=');
    options.put(equals < 0 ? option : option.substring(0, equals), equals < 0 ? "" : option.substring(equals + 1));
  }
}

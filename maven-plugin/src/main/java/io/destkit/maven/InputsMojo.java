package io.destkit.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Makes the next compile run the destkit processor again when anything it read besides the Java sources changed
 * since its last run: a stream's schema file (changed, added where it was looked for, removed), the released spec,
 * a {@code -Adestkit.*} option, the destkit version. maven-compiler-plugin recompiles only when a Java source changed;
 * this goal, bound before {@code compile}, compares the processor's own record of its inputs with the build as it is
 * and, on a change, deletes the class files of the types whose processing read them. The compiler then sees those
 * sources as stale and compiles the module again, so the processor regenerates and re-checks everything. With no
 * change it touches nothing, and the compiler says "Nothing to compile".
 */
@Mojo(name = "inputs", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public final class InputsMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** Where the compiler writes generated sources (maven-compiler-plugin's {@code generatedSourcesDirectory}). */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/annotations", required = true)
  private File generatedSourcesDirectory;

  @Parameter(defaultValue = "${project.build.outputDirectory}", required = true, readonly = true)
  private File outputDirectory;

  /** The destkit version this plugin belongs to, which is the processor's too. */
  @Parameter(defaultValue = "${plugin.version}", required = true, readonly = true)
  private String destkitVersion;

  /** Skips the comparison, so that only Java source changes recompile (as without this plugin). */
  @Parameter(property = "destkit.inputs.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("Skipped: a change to a schema file, the released spec or a processor option needs `mvn clean`");
      return;
    }
    Path output = outputDirectory.toPath();
    Path recordFile = generatedSourcesDirectory.toPath().resolve(InputsRecord.RESOURCE);
    try {
      InputsRecord last;
      try {
        last = InputsRecord.read(recordFile);
      } catch (IOException e) {
        getLog().warn("Cannot read " + recordFile + " (" + e.getMessage() + "): compiling again");
        deleteClasses(output, null);
        return;
      }
      if (last == null) {
        if (hasClasses(output)) {
          getLog().info("No record of the destkit processor's inputs from the last compile (" + recordFile
              + "): compiling again. If this repeats, check that destkit-processor is in the compiler's "
              + "annotationProcessorPaths and that generatedSourcesDirectory is the compiler's.");
          deleteClasses(output, null);
        }
        return;
      }
      List<String> changes = StaleInputs.changes(last, currentProject(output));
      if (changes.isEmpty()) {
        getLog().debug("destkit processor inputs unchanged");
        return;
      }
      for (String change : changes) {
        getLog().info("Changed since the last compile: " + change);
      }
      getLog().info("Compiling again so that the destkit processor regenerates and checks " + String.join(", ",
          last.origins().isEmpty() ? List.of("the module") : last.origins()));
      deleteClasses(output, last.origins());
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException(e.getMessage(), e.getCause());
    }
  }

  private StaleInputs.Project currentProject(Path output) {
    List<StaleInputs.Resource> resources = new ArrayList<>();
    for (Resource resource : project.getResources()) {
      resources.add(new StaleInputs.Resource(Path.of(resource.getDirectory()), resource.getTargetPath()));
    }
    List<Path> roots = project.getCompileSourceRoots().stream().map(Path::of).toList();
    return new StaleInputs.Project(output, resources, roots,
        CompilerOptions.of(project.getPlugin(CompilerOptions.COMPILER)), destkitVersion);
  }

  /**
   * Deletes the class files of {@code origins} (binary names) and their nested classes, or every class file when
   * origins is null or empty: the compiler then finds those sources stale.
   */
  private void deleteClasses(Path output, List<String> origins) {
    if (!Files.isDirectory(output)) {
      return;
    }
    List<Path> doomed = new ArrayList<>();
    try (Stream<Path> files = Files.walk(output)) {
      files.filter(file -> file.toString().endsWith(".class"))
          .filter(file -> origins == null || origins.isEmpty() || isClassOf(output.relativize(file), origins))
          .forEach(doomed::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + output, e);
    }
    for (Path file : doomed) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + file, e);
      }
    }
  }

  private static boolean isClassOf(Path relative, List<String> origins) {
    String name = relative.toString().replace(File.separatorChar, '/');
    name = name.substring(0, name.length() - ".class".length()).replace('/', '.');
    for (String origin : origins) {
      if (name.equals(origin) || name.startsWith(origin + "$")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasClasses(Path output) {
    if (!Files.isDirectory(output)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(output)) {
      return files.anyMatch(file -> file.toString().endsWith(".class"));
    } catch (IOException e) {
      return true;
    }
  }
}

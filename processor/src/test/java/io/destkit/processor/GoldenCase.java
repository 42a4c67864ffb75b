package io.destkit.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * A folder of {@code src/test/resources/golden/}: a connector that the processor compiles, and what it must generate.
 *
 * <pre>
 * golden/typed/
 *   test/typed/TypedConfig.java                  sources, under their package path
 *   test/typed/TypedDestination.java
 *   schemas/employees.json                       any other input the options name
 *   options.txt                                  optional: one javac option a line; ${case} is this folder
 *   expected/SOURCE_OUTPUT/test/typed/EmployeeCodec.java.golden
 *   expected/CLASS_OUTPUT/META-INF/destkit/reference.md.golden
 * </pre>
 *
 * <p>An expected file names the generated file it holds: {@code expected/<location>/<path>.golden}, the location being
 * a {@link StandardLocation} name. Generated files without an expected file are not compared. To add one, create it
 * empty and run the tests with {@code -Ddestkit.golden.update=true}.
 */
record GoldenCase(String name, Path folder) {
  static final Path ROOT = GoldenFiles.ROOT.resolve("golden");
  static final String OPTIONS = "options.txt";
  static final String EXPECTED = "expected";
  static final String GOLDEN = ".golden";
  /** Stands for the case folder's absolute path in {@code options.txt}. */
  static final String CASE_TOKEN = "${case}";

  /** Compilations shared by the golden runner and the behaviour tests, one a case. */
  private static final Map<String, Compilation> COMPILED = new HashMap<>();

  /** Every case folder, by name. */
  static List<GoldenCase> all() {
    try (Stream<Path> folders = Files.list(ROOT)) {
      List<GoldenCase> cases = folders.filter(Files::isDirectory).sorted()
          .map(folder -> new GoldenCase(folder.getFileName().toString(), folder.toAbsolutePath())).toList();
      if (cases.isEmpty()) {
        throw new IllegalStateException("No golden case in " + ROOT.toAbsolutePath());
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GoldenCase named(String name) {
    Path folder = ROOT.resolve(name);
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("No golden case " + folder.toAbsolutePath());
    }
    return new GoldenCase(name, folder.toAbsolutePath());
  }

  /** The options of {@code options.txt}, none when there is no such file. */
  List<String> options() {
    Path file = folder.resolve(OPTIONS);
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
          .filter(line -> !line.isEmpty()).map(line -> line.replace(CASE_TOKEN, folder.toString())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code .java} files of the case, outside {@code expected/}, in path order. */
  List<JavaFileObject> sources() {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(file -> !file.startsWith(folder.resolve(EXPECTED)))
          .filter(file -> file.getFileName().toString().endsWith(".java")).sorted().map(this::source).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JavaFileObject source(Path file) {
    String relative = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    String qualifiedName = relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
    try {
      return JavaFileObjects.forSourceString(qualifiedName, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles the case afresh, with the processor, {@code -Xlint:all} and the case's options. */
  Compilation compile() {
    return Compilations.compileWith(options(), sources().toArray(JavaFileObject[]::new));
  }

  /** The case compiled once for all the tests that read it. */
  Compilation compiled() {
    synchronized (COMPILED) {
      return COMPILED.computeIfAbsent(name, unused -> compile());
    }
  }

  /** Loads the classes of {@link #compiled()}, so that generated code can be run. */
  ClassLoader classes() {
    Compilation compilation = compiled();
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new AssertionError("golden case " + name + " does not compile: " + compilation.diagnostics());
    }
    return Compilations.classLoader(compilation);
  }

  /** The expected files of the case, in path order. */
  List<Expected> expected() {
    Path expected = folder.resolve(EXPECTED);
    if (!Files.isDirectory(expected)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(expected)) {
      return files.filter(Files::isRegularFile).sorted().map(file -> expected.relativize(file).toString()
          .replace(file.getFileSystem().getSeparator(), "/")).map(this::expected).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Expected expected(String relative) {
    int slash = relative.indexOf('/');
    if (slash < 0 || !relative.endsWith(GOLDEN)) {
      throw new IllegalStateException("golden case " + name + ": " + EXPECTED + "/" + relative
          + " is not <location>/<path>" + GOLDEN);
    }
    StandardLocation location = StandardLocation.valueOf(relative.substring(0, slash));
    return new Expected(location, relative.substring(slash + 1, relative.length() - GOLDEN.length()),
        "golden/" + name + "/" + EXPECTED + "/" + relative);
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * An expected file: the generated file at {@code path} of {@code location}, kept at {@code goldenPath} under
   * {@link GoldenFiles#ROOT}.
   */
  record Expected(StandardLocation location, String path, String goldenPath) {
    @Override
    public String toString() {
      return location.getName() + "/" + path;
    }
  }
}

package io.destkit.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Compiles test sources with the destkit processor, as a connector's build does, lint warnings on. */
final class Compilations {
  private Compilations() {}

  /** Compiles with the processor and {@code -Xlint:all}. */
  static Compilation compile(JavaFileObject... sources) {
    return compileWith(List.of(), sources);
  }

  /** Compiles with the processor, {@code -Xlint:all} and more options, e.g. {@code -Adestkit.schemas=...}. */
  static Compilation compileWith(List<String> options, JavaFileObject... sources) {
    List<String> all = new ArrayList<>(List.of("-Xlint:all"));
    all.addAll(options);
    return javac().withProcessors(new DestkitProcessor()).withOptions(all).compile(sources);
  }

  /** The {@code -Adestkit.schemas} option for a folder of the test resources, e.g. {@code golden/typed}. */
  static String schemasOption(String folder) {
    URL url = Compilations.class.getClassLoader().getResource(folder);
    try {
      return "-Adestkit.schemas=" + java.nio.file.Path.of(url.toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The source of {@code qualifiedName} kept in the test resources under {@code folder}. */
  static JavaFileObject resource(String folder, String qualifiedName) {
    String path = folder + "/" + qualifiedName.replace('.', '/') + ".java";
    URL url = Compilations.class.getClassLoader().getResource(path);
    if (url == null) {
      throw new IllegalArgumentException("No test resource " + path);
    }
    return JavaFileObjects.forSourceString(qualifiedName, read(url));
  }

  /** A source given inline, one string a line. */
  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  static String read(URL url) {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String content(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a file the processor wrote to {@code META-INF/destkit/}, e.g. {@code spec.json}. */
  static String resourceText(Compilation compilation, String name) {
    return content(compilation.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, "META-INF/destkit/" + name)
        .orElseThrow(() -> new AssertionError("no " + name + " generated: " + compilation.diagnostics())));
  }

  /** A processor option naming a file or folder of the test resources: {@code -A<option>=<its absolute path>}. */
  static String resourceOption(String option, String resource) {
    URL url = Compilations.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalArgumentException("No test resource " + resource);
    }
    try {
      return "-A" + option + "=" + java.nio.file.Path.of(url.toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Loads the classes a compilation wrote, so that generated code can be run. */
  static ClassLoader classLoader(Compilation compilation) {
    Map<String, JavaFileObject> classes = new HashMap<>();
    List<JavaFileObject> resources = new ArrayList<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String uri = file.toUri().getPath();
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String name = uri.substring(uri.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(), uri.length() - 6);
        classes.put(name.replace('/', '.'), file);
      } else {
        resources.add(file);
      }
    }
    return new ClassLoader(Compilations.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        JavaFileObject file = classes.get(name);
        if (file == null) {
          throw new ClassNotFoundException(name);
        }
        try (InputStream in = file.openInputStream()) {
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    };
  }
}

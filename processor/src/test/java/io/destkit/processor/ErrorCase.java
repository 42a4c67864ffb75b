package io.destkit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * One mistake in a connector's sources and the error it must give: the message's code, on the line of the offending
 * element, annotation or annotation value, with the helpful part of the text, and no other error unless listed.
 */
final class ErrorCase {
  private final Message message;
  private final String mistake;
  private final List<JavaFileObject> sources;
  private JavaFileObject file;
  private String line;
  private final List<String> details = new ArrayList<>();
  private final List<String> options = new ArrayList<>();
  /** Errors javac itself adds to ours, each as text, file and line. */
  private final List<String[]> javacErrors = new ArrayList<>();

  private ErrorCase(Message message, String mistake, List<JavaFileObject> sources) {
    this.message = message;
    this.mistake = mistake;
    this.sources = sources;
  }

  /** {@code mistake} says in words what is wrong in {@code sources}. */
  static ErrorCase of(Message message, String mistake, JavaFileObject... sources) {
    return new ErrorCase(message, mistake, List.of(sources));
  }

  /** The error is on the one line of {@code test.pkg.<simpleName>} that contains {@code lineFragment}. */
  ErrorCase on(String simpleName, String lineFragment) {
    this.file = file(simpleName);
    this.line = lineFragment;
    return this;
  }

  /** The error's text contains each of {@code fragments}. */
  ErrorCase saying(String... fragments) {
    details.addAll(List.of(fragments));
    return this;
  }

  /** Compiles with these processor options too, e.g. {@code -Adestkit.schemas=...}. */
  ErrorCase withOptions(String... more) {
    options.addAll(List.of(more));
    return this;
  }

  /** javac reports an error of its own as well, containing {@code text}, on that line of that file. */
  ErrorCase andJavac(String text, String simpleName, String lineFragment) {
    file(simpleName);
    javacErrors.add(new String[] {text, simpleName, lineFragment});
    return this;
  }

  Message message() {
    return message;
  }

  /** Compiles the sources and checks the errors. */
  void verify() {
    Compilation compilation = Compilations.compileWith(options, sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).hadErrorContaining(message.code()).inFile(file).onLineContaining(line);
    for (String detail : details) {
      assertThat(compilation).hadErrorContaining(detail).inFile(file).onLineContaining(line);
    }
    for (String[] error : javacErrors) {
      assertThat(compilation).hadErrorContaining(error[0]).inFile(file(error[1])).onLineContaining(error[2]);
    }
    assertThat(compilation).hadErrorCount(1 + javacErrors.size());
  }

  private JavaFileObject file(String simpleName) {
    return sources.stream().filter(s -> s.isNameCompatible(simpleName, JavaFileObject.Kind.SOURCE)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No source " + simpleName + " in " + this));
  }

  @Override
  public String toString() {
    return message.code() + " " + mistake;
  }
}

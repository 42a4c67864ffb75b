package io.destkit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder of {@code golden/} (see {@link GoldenCase}): it compiles with the processor without a lint warning, each
 * of its expected files is what the processor generates ({@code -Ddestkit.golden.update=true} rewrites them; review the
 * diff), and compiling it again generates the same bytes.
 */
class GoldenCasesTest {

  static List<GoldenCase> cases() {
    return GoldenCase.all();
  }

  static Stream<Arguments> expectedFiles() {
    return GoldenCase.all().stream().flatMap(golden -> {
      List<GoldenCase.Expected> expected = golden.expected();
      if (expected.isEmpty()) {
        throw new IllegalStateException("golden case " + golden + " has no expected file under "
            + golden.folder().resolve(GoldenCase.EXPECTED));
      }
      return expected.stream().map(file -> Arguments.of(golden, file));
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void compilesWithoutAnyWarning(GoldenCase golden) {
    assertThat(golden.compiled()).succeededWithoutWarnings();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("expectedFiles")
  void generatedFileMatchesExpected(GoldenCase golden, GoldenCase.Expected expected) throws Exception {
    Compilation compilation = golden.compiled();
    JavaFileObject file = compilation.generatedFile(expected.location(), expected.path())
        .orElseThrow(() -> new AssertionError(expected + " was not generated: " + compilation.diagnostics()));
    GoldenFiles.assertMatches(expected.goldenPath(), Compilations.content(file));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rebuildIsByteIdentical(GoldenCase golden) {
    Map<String, byte[]> first = bytes(golden.compiled());
    Map<String, byte[]> again = bytes(golden.compile());
    assertEquals(first.keySet(), again.keySet(), "the files generated");
    first.forEach((file, content) -> assertArrayEquals(content, again.get(file), file));
  }

  /** Every file a compilation wrote, sources, resources and classes, by location and path. */
  private static Map<String, byte[]> bytes(Compilation compilation) {
    Map<String, byte[]> files = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      try (InputStream in = file.openInputStream()) {
        files.put(file.toUri().getPath(), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }
}

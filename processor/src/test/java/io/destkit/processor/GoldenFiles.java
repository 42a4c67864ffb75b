package io.destkit.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares generated text with the golden copy under {@code src/test/resources/}. Run the tests with
 * {@code -Ddestkit.golden.update=true} to rewrite the golden copies from what the processor generates now; review the
 * diff before committing it.
 */
final class GoldenFiles {
  /** The test resources as they are in the source tree, where the update writes. */
  static final Path ROOT = Path.of(System.getProperty("basedir", "."), "src/test/resources");

  private GoldenFiles() {}

  static void assertMatches(String goldenPath, String actual) throws IOException {
    Path golden = ROOT.resolve(goldenPath);
    if (Boolean.getBoolean("destkit.golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(golden)) {
      throw new AssertionError("No golden file " + golden + "; run with -Ddestkit.golden.update=true to write it");
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
        "Generated text differs from " + golden + " (run with -Ddestkit.golden.update=true to accept the change)");
  }
}

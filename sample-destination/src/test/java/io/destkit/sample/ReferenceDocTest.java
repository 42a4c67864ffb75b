package io.destkit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed REFERENCE.md is the reference the processor generates from the sample's annotations now, so that
 * readers of the repository see the connector as it is built.
 */
class ReferenceDocTest {
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));

  @Test
  void committedReferenceIsTheGeneratedOne() throws IOException {
    Path generated = MODULE.resolve("target/classes/META-INF/destkit/reference.md");
    Path committed = MODULE.resolve("REFERENCE.md");
    assertEquals(Files.readString(generated), Files.exists(committed) ? Files.readString(committed) : "",
        "sample-destination/REFERENCE.md is not the reference generated from the annotations. Review the change,"
            + " then refresh it from the repository's root: cp sample-destination/target/classes/META-INF/destkit/"
            + "reference.md sample-destination/REFERENCE.md");
  }
}

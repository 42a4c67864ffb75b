package io.destkit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.destkit.processor.read.BuildInputs;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor's record of what it read besides the sources, which destkit-maven-plugin compares with the build
 * before each compile: every schema file with its digest, the released spec even when absent, the options, the type
 * whose processing read them, and the processor's version.
 */
class BuildInputsTest {
  private static final String FOLDER = "golden/typed";

  @Test
  void recordsSchemaFilesReleasedSpecOptionsAndOrigin(@TempDir Path temp) throws Exception {
    Path released = temp.resolve("released-spec.json");
    Compilation compilation = Compilations.compileWith(List.of(Compilations.schemasOption(FOLDER),
            "-Adestkit.connectorVersion=1.2.3", "-Adestkit.releasedSpec=" + released),
        Compilations.resource(FOLDER, "test.typed.TypedConfig"),
        Compilations.resource(FOLDER, "test.typed.TypedDestination"));
    assertThat(compilation).succeeded();

    Properties record = properties(Compilations.content(compilation
        .generatedFile(StandardLocation.SOURCE_OUTPUT, BuildInputs.RESOURCE)
        .orElseThrow(() -> new AssertionError("no " + BuildInputs.RESOURCE + " in the generated sources"))));

    assertEquals(Integer.toString(BuildInputs.FORMAT), record.getProperty("format"));
    assertTrue(record.getProperty("processor").matches("\\d+\\.\\d+\\.\\d+.*"), record.toString());
    assertEquals("1.2.3", record.getProperty("option.destkit.connectorVersion"));
    assertEquals(released.toString(), record.getProperty("option.destkit.releasedSpec"));
    Path schema = Path.of(Compilations.schemasOption(FOLDER).substring("-Adestkit.schemas=".length()))
        .resolve("schemas/employees.json");
    assertEquals(sha256(Files.readAllBytes(schema)), digest(record, schema.toString()), record.toString());
    assertEquals(BuildInputs.ABSENT, digest(record, released.toString()),
        "the absent released spec is not recorded: " + record);
    assertEquals("test.typed.TypedDestination", record.getProperty("origin.0"));
  }

  @Test
  void isWrittenWhenTheCompilationFailsWithTheMissingSchemaInIt(@TempDir Path temp) throws Exception {
    // javac itself, with the folders Maven gives it: compile-testing keeps no files of a failed compilation.
    Path sources = Files.createDirectories(temp.resolve("src/test/pkg"));
    Files.writeString(sources.resolve("TestConfig.java"), """
        package test.pkg;
        import io.destkit.annotations.*;
        @ConnectorConfig
        public record TestConfig(String host) {}
        """);
    Files.writeString(sources.resolve("TestDestination.java"), """
        package test.pkg;
        import io.destkit.annotations.*;
        @Stream(name = "ghosts", type = "Ghost")
        @Destination(name = "destination-test", documentationUrl = "https://example.com/docs", config = TestConfig.class)
        public class TestDestination {}
        """);
    Path classes = Files.createDirectories(temp.resolve("classes"));
    Path generated = Files.createDirectories(temp.resolve("generated"));
    javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    try (javax.tools.StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      javax.tools.JavaCompiler.CompilationTask task = javac.getTask(new java.io.StringWriter(), files, null,
          List.of("-d", classes.toString(), "-s", generated.toString(), "-classpath",
              System.getProperty("java.class.path"), "-proc:only"),
          null, files.getJavaFileObjects(sources.resolve("TestConfig.java"), sources.resolve("TestDestination.java")));
      task.setProcessors(List.of(new DestkitProcessor()));
      assertEquals(false, task.call(), "the compilation should fail: the stream has no schema");
    }
    Properties record = properties(Files.readString(generated.resolve(BuildInputs.RESOURCE)));
    // The schema that is not there yet is recorded, so that adding it makes the next build compile again.
    String missing = classes.resolve("schemas/ghosts.json").toAbsolutePath().normalize().toString();
    assertEquals(BuildInputs.ABSENT, digest(record, missing), record.toString());
    assertEquals("test.pkg.TestDestination", record.getProperty("origin.0"));
  }

  private static Properties properties(String text) throws Exception {
    Properties properties = new Properties();
    properties.load(new StringReader(text));
    return properties;
  }

  /** The digest recorded for the file at {@code path}, or null when it is not recorded. */
  private static String digest(Properties record, String path) {
    for (int i = 0; record.containsKey("file." + i + ".path"); i++) {
      if (record.getProperty("file." + i + ".path").equals(path)) {
        return record.getProperty("file." + i + ".sha256");
      }
    }
    return null;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}

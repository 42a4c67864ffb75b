package io.destkit.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.Map;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/** The -Adestkit options read from maven-compiler-plugin's configuration, as Maven merges it. */
class CompilerOptionsTest {
  @Test
  void readsCompilerArgsAndCompilerArgumentAndTheDefaultCompileExecutionWins() throws Exception {
    Plugin compiler = new Plugin();
    compiler.setConfiguration(Xpp3DomBuilder.build(new StringReader("""
        <configuration>
          <compilerArgs>
            <arg>-Xlint:all</arg>
            <arg>-Adestkit.connectorVersion=1.0.0</arg>
          </compilerArgs>
          <compilerArgument>-Adestkit.schemas=/s -Aother=x</compilerArgument>
        </configuration>
        """)));
    PluginExecution execution = new PluginExecution();
    execution.setId("default-compile");
    execution.setConfiguration(Xpp3DomBuilder.build(new StringReader("""
        <configuration>
          <compilerArgs>
            <arg>-Adestkit.connectorVersion=2.0.0</arg>
            <arg>-Adestkit.jar</arg>
          </compilerArgs>
        </configuration>
        """)));
    compiler.addExecution(execution);

    assertEquals(Map.of("destkit.connectorVersion", "2.0.0", "destkit.jar", "", "destkit.schemas", "/s"),
        CompilerOptions.of(compiler));
  }

  @Test
  void noCompilerConfigurationHasNoOptions() {
    assertEquals(Map.of(), CompilerOptions.of(null));
    assertEquals(Map.of(), CompilerOptions.of(new Plugin()));
  }
}

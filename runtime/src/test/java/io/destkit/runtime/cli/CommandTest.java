package io.destkit.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandTest {
  @Test
  void parsesTheThreeCommandsAsThePlatformWritesThem() {
    assertEquals(new Command.Spec(), Command.parse(new String[] {"spec"}));
    assertEquals(new Command.Check(Path.of("/airbyte/config.json")),
        Command.parse(new String[] {"check", "--config", "/airbyte/config.json"}));
    assertEquals(new Command.Write(Path.of("c.json"), Path.of("k.json")),
        Command.parse(new String[] {"write", "--catalog", "k.json", "--config", "c.json"}));
  }

  @Test
  void parsesDiscover() {
    assertEquals(new Command.Discover(Path.of("c.json")),
        Command.parse(new String[] {"discover", "--config", "c.json"}));
  }

  @Test
  void acceptsOptionsWithEqualsSign() {
    assertEquals(new Command.Check(Path.of("c.json")), Command.parse(new String[] {"check", "--config=c.json"}));
  }

  @Test
  void mistakesSayWhatIsWrong() {
    assertEquals("No command given: expected spec, check, discover or write.", error());
    assertEquals("Unknown command 'read': expected spec, check, discover or write.", error("read"));
    assertEquals("Command discover needs --config FILE.", error("discover"));
    assertEquals("Command check needs --config FILE.", error("check"));
    assertEquals("Option --config needs a value.", error("check", "--config"));
    assertEquals("Command write needs --catalog FILE.", error("write", "--config", "c.json"));
    assertEquals("Command spec takes no option --config.", error("spec", "--config", "c.json"));
    assertEquals("Option --config is given twice.", error("check", "--config", "a", "--config", "b"));
    assertEquals("Unexpected argument 'extra'.", error("check", "--config", "a", "extra"));
  }

  private static String error(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> Command.parse(args)).getMessage();
  }
}

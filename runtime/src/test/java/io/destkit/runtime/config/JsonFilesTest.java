package io.destkit.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilesTest {
  @TempDir
  Path dir;

  @Test
  void badJsonNamesFileAndPositionButNotTheContent() throws Exception {
    Path file = write("{\n  \"password\": hunter2\n}");
    String message = error(file);
    assertEquals("The config file " + file + " is not valid JSON (error at line 2, column 23).", message);
    assertFalse(message.contains("hunter2"));
  }

  @Test
  void otherFailuresAreNamed() throws Exception {
    assertEquals("The config file " + dir.resolve("none.json") + " does not exist.", error(dir.resolve("none.json")));
    Path empty = write("");
    assertEquals("The config file " + empty + " is empty; it must hold a JSON object.", error(empty));
    Path array = write("[1]");
    assertEquals("The config file " + array + " must hold a JSON object, not array.", error(array));
    Path twice = write("{\"a\": 1, \"a\": 2}");
    assertEquals("The config file " + twice + " has the same key twice in one object (error at line 1, column 13).",
        error(twice));
    Path trailing = write("{} {}");
    assertEquals("The config file " + trailing + " is not valid JSON (error at line 1, column 4).", error(trailing));
  }

  @Test
  void keepsEveryDigitOfDecimals() throws Exception {
    Path file = write("{\"n\": 0.1000000000000000055511151231257827}");
    assertEquals("0.1000000000000000055511151231257827",
        JsonFiles.readObject(file, "config").get("n").decimalValue().toPlainString());
  }

  private Path write(String content) throws Exception {
    Path file = Files.createTempFile(dir, "config", ".json");
    Files.writeString(file, content);
    return file;
  }

  private static String error(Path file) {
    return assertThrows(ConfigException.class, () -> JsonFiles.readObject(file, "config")).getMessage();
  }
}

package io.destkit.runtime.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
  @Test
  void masksEveryOccurrenceAndTheFormsASecretTakesInJsonAndUrls() {
    SecretMasker masker = new SecretMasker();
    masker.add("p@ss \"word\"");
    assertEquals("a **** b ****", masker.mask("a p@ss \"word\" b p@ss \"word\""));
    assertEquals("{\"password\":\"****\"}", masker.mask("{\"password\":\"p@ss \\\"word\\\"\"}"));
    assertEquals("jdbc:x://u:****@h", masker.mask("jdbc:x://u:p%40ss+%22word%22@h"));
  }

  @Test
  void masksTheLongerOfTwoOverlappingSecretsWhole() {
    SecretMasker masker = new SecretMasker();
    masker.add("abc");
    masker.add("abcdef");
    assertEquals("x **** y ****", masker.mask("x abcdef y abc"));
  }

  @Test
  void ignoresEmptySecretsAndNullText() {
    SecretMasker masker = new SecretMasker();
    masker.add("");
    masker.add(null);
    assertEquals("unchanged", masker.mask("unchanged"));
    assertEquals(null, masker.mask(null));
  }

  @Test
  void streamMasksASecretWrittenInPieces() {
    SecretMasker masker = new SecretMasker();
    masker.add("s3cr3t-Pa55");
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(new MaskingOutputStream(target, masker), true, StandardCharsets.UTF_8);
    out.print("password is s3c");
    out.print("r3t-");
    out.println("Pa55, twice: s3cr3t-Pa55");
    out.print("no newline s3cr3t-Pa55");
    out.close();
    assertEquals("password is ****, twice: ****\nno newline ****", target.toString(StandardCharsets.UTF_8)
        .replace(System.lineSeparator(), "\n"));
  }
}

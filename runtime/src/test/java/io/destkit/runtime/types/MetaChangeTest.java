package io.destkit.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetaChangeTest {

  @Test
  void reasonsAndChangesAreExactlyThoseOfTheProtocol() throws Exception {
    String location = System.getProperty("destkit.protocolSchema");
    assumeTrue(location != null && Files.isRegularFile(Path.of(location)),
        "the system property destkit.protocolSchema names the protocol's YAML (set by the build)");
    List<String> lines = Files.readAllLines(Path.of(location));
    int definition = lines.indexOf("  AirbyteRecordMessageMetaChange:");
    assertEquals(List.of("NULLED", "TRUNCATED"), enumAfter(lines, definition, "      change:"));
    assertEquals(enumAfter(lines, definition, "      reason:"),
        Arrays.stream(MetaChange.Reason.values()).map(MetaChange.Reason::protocolValue).toList());
    assertEquals(List.of("NULLED", "TRUNCATED"),
        Arrays.stream(MetaChange.Change.values()).map(MetaChange.Change::protocolValue).toList());
  }

  /** The {@code - VALUE} lines of the enum of {@code property}, the first after line {@code from}. */
  private static List<String> enumAfter(List<String> lines, int from, String property) {
    int i = lines.subList(from, lines.size()).indexOf(property) + from;
    while (!lines.get(i).trim().equals("enum:")) {
      i++;
    }
    List<String> values = new ArrayList<>();
    for (i++; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.startsWith("- ")) {
        values.add(line.substring(2).trim());
      } else if (!line.startsWith("#")) {
        break;
      }
    }
    return values;
  }

  @Test
  void protocolValuesReadBack() {
    for (MetaChange.Reason reason : MetaChange.Reason.values()) {
      assertEquals(Optional.of(reason), MetaChange.Reason.fromProtocol(reason.protocolValue()));
    }
    assertEquals(Optional.of(MetaChange.Change.NULLED), MetaChange.Change.fromProtocol("NULLED"));
    assertEquals(Optional.empty(), MetaChange.Reason.fromProtocol("SOME_FUTURE_REASON"));
    assertEquals(Optional.empty(), MetaChange.Change.fromProtocol("nulled"));
    assertEquals(Optional.empty(), MetaChange.Change.fromProtocol(null));
  }

  @Test
  void shorthandsAndRequiredParts() {
    assertEquals(new MetaChange("f", MetaChange.Change.NULLED, MetaChange.Reason.DESTINATION_TYPECAST_ERROR),
        MetaChange.typecastError("f"));
    assertEquals(new MetaChange("f", MetaChange.Change.NULLED, MetaChange.Reason.DESTINATION_FIELD_SIZE_LIMITATION),
        MetaChange.tooLarge("f"));
    assertThrows(NullPointerException.class, () -> new MetaChange(null, MetaChange.Change.NULLED,
        MetaChange.Reason.DESTINATION_TYPECAST_ERROR));
  }
}

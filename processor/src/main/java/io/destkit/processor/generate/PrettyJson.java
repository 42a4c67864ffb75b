package io.destkit.processor.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one layout of the JSON files destkit generates: two-space indent, {@code "a": 1}, a final newline. */
final class PrettyJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PrettyJson() {}

  /** {@code json} laid out, identical on every build. */
  static String write(JsonNode json) throws JsonProcessingException {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(
        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator(""))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    return MAPPER.writer(printer).writeValueAsString(json) + "\n";
  }
}

package io.destkit.processor.generate;

import io.destkit.processor.model.BreakingChangeModel;
import io.destkit.processor.model.ChoiceModel;
import io.destkit.processor.model.ConfigPaths;
import io.destkit.processor.model.ConfigType;
import io.destkit.processor.model.ConnectorModel;
import io.destkit.processor.model.HandlerModel;
import io.destkit.processor.model.PropertyModel;
import io.destkit.processor.model.ScalarValues;
import io.destkit.processor.model.StreamModel;
import io.destkit.processor.model.TypedShape;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes {@code reference.md}: the connector for the people who configure and review it. Every config field by JSON
 * path (see {@link ConfigPaths}) with its type, whether it is required, default, secrecy, allowed values, range or
 * pattern and description; the sync modes and which method writes them; the capabilities {@code metadata.yaml}
 * declares, and why; the typed streams and their fields. It leaves out the version, so that a copy kept in the
 * repository stays current from release to release.
 */
public final class ReferenceWriter {
  /** Where the reference goes, next to the spec. */
  public static final String RESOURCE = "META-INF/destkit/reference.md";

  private final ConnectorModel connector;
  private final StringBuilder out = new StringBuilder();

  public ReferenceWriter(ConnectorModel connector) {
    this.connector = connector;
  }

  /** The reference, identical on every build. */
  public String write() {
    out.append("<!-- ").append(GeneratedFiles.notice(connector.className().simpleName())).append(" -->\n");
    out.append("# ").append(inline(connector.displayName())).append("\n\n");
    out.append("Airbyte destination `").append(connector.name().value()).append("`, image `")
        .append(connector.dockerRepository().value()).append("`, license ").append(inline(connector.license().value()))
        .append(". Documentation: <").append(connector.documentationUrl().value()).append(">.\n\n");
    if (!connector.config().description().value().isEmpty()) {
      out.append(inline(connector.config().description().value())).append("\n\n");
    }
    configuration();
    syncModes();
    capabilities();
    destinationObjects();
    streams();
    breakingChanges();
    return out.toString();
  }

  private void configuration() {
    out.append("## Configuration\n\n");
    StringBuilder intro = new StringBuilder("A field is required within the object that holds it.");
    String list = firstPath(ConfigPaths.ROOT, connector.config().root(), true);
    if (list != null) {
      intro.append(" `[]` stands for the items of a list, as in ").append(code(list)).append('.');
    }
    String choice = firstPath(ConfigPaths.ROOT, connector.config().root(), false);
    if (choice != null) {
      intro.append(" A choice of a `oneOf` is named by the value of its discriminator, as in ").append(code(choice))
          .append('.');
    }
    out.append(intro).append("\n\n");
    out.append("| JSON path | type | required | default | secret | allowed values | range / pattern | description |\n");
    out.append("|---|---|---|---|---|---|---|---|\n");
    for (PropertyModel property : connector.config().root().properties()) {
      property(ConfigPaths.property(ConfigPaths.ROOT, property.name()), property);
    }
    out.append('\n');
  }

  /** The path of the first list ({@code list}) or choice in the object at {@code path}, or null when none. */
  private static String firstPath(String path, ConfigType.ObjectType object, boolean list) {
    for (PropertyModel property : object.properties()) {
      String found = firstPath(ConfigPaths.property(path, property.name()), property.type(), list);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static String firstPath(String path, ConfigType type, boolean list) {
    if (type instanceof ConfigType.ObjectType object) {
      return firstPath(path, object, list);
    } else if (type instanceof ConfigType.ListType items) {
      return list ? ConfigPaths.items(path) : firstPath(ConfigPaths.items(path), items.items(), false);
    } else if (type instanceof ConfigType.OneOfType oneOf) {
      for (ChoiceModel choice : oneOf.choices()) {
        String choicePath = ConfigPaths.choice(path, oneOf.discriminator(), choice.value().value());
        String found = list ? firstPath(choicePath, choice.object(), true) : choicePath;
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private void property(String path, PropertyModel property) {
    row(code(path), typeText(property.type()), property.required() ? "yes" : "no",
        property.defaultText() == null ? "" : code(jsonText(property.type(), property.defaultText())),
        property.secret() ? "yes" : "", allowed(property.type()), constraints(property),
        description(property.title().value(), property.description().value(), property.exampleTexts(), property.type()));
    children(path, property.type());
  }

  /** The rows of what a value of {@code type} at {@code path} holds. */
  private void children(String path, ConfigType type) {
    if (type instanceof ConfigType.ObjectType object) {
      for (PropertyModel property : object.properties()) {
        property(ConfigPaths.property(path, property.name()), property);
      }
    } else if (type instanceof ConfigType.ListType list) {
      children(ConfigPaths.items(path), list.items());
    } else if (type instanceof ConfigType.OneOfType oneOf) {
      row(code(ConfigPaths.property(path, oneOf.discriminator())), "string", "yes", "", "",
          values(oneOf.choices().stream().map(choice -> choice.value().value()).toList()), "", "Which choice this is.");
      for (ChoiceModel choice : oneOf.choices()) {
        String choicePath = ConfigPaths.choice(path, oneOf.discriminator(), choice.value().value());
        row(code(choicePath), "object", "", "", "", "", "", description(choice.title(), choice.description().value(),
            List.of(), null));
        children(choicePath, choice.object());
      }
    }
  }

  private static String typeText(ConfigType type) {
    if (type instanceof ConfigType.ScalarType scalar) {
      return scalar.scalar().schemaType();
    } else if (type instanceof ConfigType.EnumType) {
      return "string";
    } else if (type instanceof ConfigType.ListType list) {
      return "array of " + typeText(list.items());
    } else if (type instanceof ConfigType.OneOfType) {
      return "object, one of";
    }
    return "object";
  }

  private static String allowed(ConfigType type) {
    if (type instanceof ConfigType.EnumType enumType) {
      return values(enumType.values());
    } else if (type instanceof ConfigType.ListType list) {
      return allowed(list.items());
    } else if (type instanceof ConfigType.OneOfType oneOf) {
      return "`" + oneOf.discriminator() + "`: " + values(oneOf.choices().stream().map(choice -> choice.value().value()).toList());
    }
    return "";
  }

  private static String values(List<String> values) {
    return values.stream().map(ReferenceWriter::code).collect(Collectors.joining(", "));
  }

  private static String constraints(PropertyModel property) {
    StringBuilder text = new StringBuilder();
    PropertyModel.RangeModel range = property.range();
    if (range != null) {
      boolean min = !Double.isInfinite(range.min());
      boolean max = !Double.isInfinite(range.max());
      if (min && max) {
        text.append(number(range.min())).append(" to ").append(number(range.max()));
      } else if (min) {
        text.append("at least ").append(number(range.min()));
      } else if (max) {
        text.append("at most ").append(number(range.max()));
      }
    }
    PropertyModel.PatternModel pattern = property.pattern();
    if (pattern != null) {
      text.append(text.length() == 0 ? "" : "; ").append("matches ").append(code(pattern.regex().value()));
      if (!pattern.descriptor().isEmpty()) {
        text.append(" (").append(inline(pattern.descriptor())).append(')');
      }
    }
    return text.toString();
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
        : BigDecimal.valueOf(value).toPlainString();
  }

  /** Title, description and examples as one cell. */
  private static String description(String title, String description, List<String> examples, ConfigType type) {
    StringBuilder text = new StringBuilder();
    if (!title.isEmpty()) {
      text.append("**").append(inline(title)).append("**");
    }
    if (!description.isEmpty()) {
      text.append(text.length() == 0 ? "" : ": ").append(inline(description));
    }
    if (!examples.isEmpty()) {
      text.append(text.length() == 0 ? "" : " ").append(examples.size() == 1 ? "Example: " : "Examples: ")
          .append(examples.stream().map(e -> code(jsonText(type, e))).collect(Collectors.joining(", ")))
          .append('.');
    }
    return text.toString();
  }

  /** An annotation's text as the value appears in the JSON config: strings as written, numbers normalized. */
  private static String jsonText(ConfigType type, String text) {
    Object value = ScalarValues.isWritable(type) ? ScalarValues.parse(type, text) : text;
    return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
  }

  private void syncModes() {
    out.append("## Sync modes\n\n");
    if (connector.supportedModes().isEmpty()) {
      out.append("None: no method writes records.\n\n");
      return;
    }
    out.append("Supported destination sync modes: ")
        .append(connector.supportedModes().stream().map(ReferenceWriter::code).collect(Collectors.joining(", ")))
        .append(". A stream of the catalog in a mode no method writes is refused before any record is read.\n\n");
    out.append("| stream | namespace | sync modes | written by |\n");
    out.append("|---|---|---|---|\n");
    for (HandlerModel handler : connector.handlers(HandlerModel.Kind.RECORDS)) {
      row(handler.stream().value().isEmpty() ? "any" : code(handler.stream().value()),
          handler.namespace().value().isEmpty() ? "any" : code(handler.namespace().value()), values(handler.modes().value()),
          code(handler.name() + "()"));
    }
    out.append('\n');
  }

  /** The capabilities of {@code metadata.yaml} ({@link MetadataWriter}), each with what it follows from. */
  private void capabilities() {
    out.append("## Capabilities\n\n");
    out.append("What `metadata.yaml` declares, derived from the methods that write records.\n\n");
    out.append("| capability | value | because |\n");
    out.append("|---|---|---|\n");
    row(code("supportsRefreshes"), connector.refreshes() ? "yes" : "no", connector.refreshes()
        ? "it writes `overwrite`: a truncate refresh replaces older generations once the stream ends COMPLETE, as"
            + " an overwrite replaces the data"
        : "it does not write `overwrite`");
    List<String> withFiles = connector.handlers(HandlerModel.Kind.RECORDS).stream()
        .filter(h -> h.files().value()).map(h -> code(h.name() + "()")).toList();
    row(code("supportsFileTransfer"), withFiles.isEmpty() ? "no" : "yes", withFiles.isEmpty()
        ? "no method takes files (`@OnRecords(files = true)`): a stream with `include_files` is refused before any"
            + " record is read"
        : String.join(", ", withFiles) + " takes the files of its streams' records (`files = true`)");
    row(code("supportsDataActivation"), connector.dataActivation() ? "yes" : "no", connector.dataActivation()
        ? "it writes destination objects (`update`, `soft_delete` or a `@Discover` method); `discover` lists them"
        : "it writes neither `update` nor `soft_delete`, and has no `@Discover` method");
    out.append('\n');
  }

  /** A data activation destination's objects, as {@code discover} lists them. */
  private void destinationObjects() {
    if (!connector.dataActivation()) {
      return;
    }
    out.append("## Destination objects\n\n");
    out.append("What `discover` prints as the DESTINATION_CATALOG. A catalog stream names its object in"
        + " `destination_object_name` (else its own name is the object's); one that asks for an object and mode not"
        + " listed, or matches on another key, is refused before any record is read.\n\n");
    row("object", "sync modes", "matching keys");
    out.append("|---|---|---|\n");
    for (StreamModel stream : connector.streams()) {
      List<String> modes = connector.objectModes(stream);
      if (!modes.isEmpty()) {
        row(code(stream.name().value()), String.join(", ", modes.stream().map(ReferenceWriter::code).toList()),
            stream.matchingKeys().value().isEmpty() ? "none"
                : String.join(", ", stream.matchingKeys().value().stream().map(ReferenceWriter::code).toList()));
      }
    }
    out.append('\n');
    if (connector.discover() != null) {
      out.append("More objects are found at run time by `").append(connector.discover().name())
          .append("()` (`@Discover`), with the config given.\n\n");
    }
  }

  private void streams() {
    out.append("## Streams\n\n");
    if (connector.streams().isEmpty()) {
      out.append("No typed streams: each stream of the catalog is read with the types of its `json_schema`.\n\n");
      return;
    }
    out.append("Typed streams, read into generated record classes. Other streams of the catalog are read with the ")
        .append("types of their `json_schema`.\n\n");
    for (StreamModel stream : connector.streams()) {
      out.append("### ").append(code(stream.name().value())).append("\n\n");
      out.append("Record class `").append(stream.type().value()).append("`, from the schema `").append(stream.schemaPath().value())
          .append("`.\n\n");
      out.append("| field | Airbyte type | Java type |\n");
      out.append("|---|---|---|\n");
      if (stream.shape() != null) {
        fields("", stream.shape().root());
      }
      out.append('\n');
    }
  }

  private void fields(String prefix, TypedShape.TypedObject object) {
    for (TypedShape.TypedField field : object.fields()) {
      String path = prefix + field.jsonName();
      row(code(path), airbyteType(field.shape()), code(javaType(field.shape())));
      nested(path, field.shape());
    }
  }

  private void nested(String path, TypedShape shape) {
    if (shape instanceof TypedShape.Nested nested) {
      fields(path + ".", nested.object());
    } else if (shape instanceof TypedShape.ListOf list) {
      nested(path + "[]", list.items());
    }
  }

  private static String airbyteType(TypedShape shape) {
    if (shape instanceof TypedShape.Scalar scalar) {
      return scalar.type().kind().name().toLowerCase(Locale.ROOT);
    } else if (shape instanceof TypedShape.Nested) {
      return "object";
    } else if (shape instanceof TypedShape.ListOf list) {
      return "array of " + airbyteType(list.items());
    }
    return "any JSON value";
  }

  /** The Java type with simple names, e.g. {@code List<Long>}. */
  private static String javaType(TypedShape shape) {
    return shape.javaType().toString().replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+", "");
  }

  private void breakingChanges() {
    if (connector.breakingChanges().isEmpty()) {
      return;
    }
    out.append("## Breaking changes\n\n");
    out.append("| version | upgrade by | what users must do |\n");
    out.append("|---|---|---|\n");
    connector.breakingChanges().stream().sorted(BreakingChangeModel.BY_VERSION).forEach(change ->
        row(change.version().value(), change.upgradeDeadline().value(), inline(change.message().value())));
    out.append('\n');
  }

  private void row(String... cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    out.append('\n');
  }

  /** Text on one line. */
  private static String inline(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ");
  }

  /** A code span that holds any text, backticks included. */
  private static String code(String text) {
    String fence = text.contains("`") ? "``" : "`";
    String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
    return fence + pad + inline(text) + pad + fence;
  }
}

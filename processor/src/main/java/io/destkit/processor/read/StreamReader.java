package io.destkit.processor.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.ClassName;
import io.destkit.annotations.Stream;
import io.destkit.annotations.Streams;
import io.destkit.processor.model.Attribute;
import io.destkit.processor.model.JsonPaths;
import io.destkit.processor.model.Site;
import io.destkit.processor.model.StreamModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * Reads a destination's {@code @Stream} declarations, each with its schema file: found by {@link SchemaFiles},
 * parsed, and turned into the shape of its record classes. What it cannot find or parse is kept as such in the model,
 * for the stream validator to report.
 */
final class StreamReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final SchemaFiles schemas;

  StreamReader(SchemaFiles schemas) {
    this.schemas = schemas;
  }

  /** The {@code @Stream} declarations of a destination, repeated or not, in declaration order. */
  List<StreamModel> read(TypeElement element) {
    List<StreamModel> streams = new ArrayList<>();
    AnnotationMirror single = Annotations.mirror(element, Stream.class);
    if (single != null) {
      streams.add(stream(element, single, Site.of(element, single)));
    }
    AnnotationMirror container = Annotations.mirror(element, Streams.class);
    if (container != null) {
      for (AnnotationValue value : Annotations.list(container, "value")) {
        streams.add(stream(element, (AnnotationMirror) value.getValue(), new Site(element, container, value)));
      }
    }
    return List.copyOf(streams);
  }

  private StreamModel stream(TypeElement destination, AnnotationMirror mirror, Site site) {
    Attribute<String> name = Annotations.attribute(site, mirror, "name", String.class);
    Attribute<String> type = Annotations.attribute(site, mirror, "type", String.class);
    Attribute<String> schema = Annotations.attribute(site, mirror, "schema", String.class);
    String path = schema.value().isEmpty() ? "schemas/" + name.value() + ".json" : schema.value();
    Attribute<String> schemaPath = new Attribute<>(path, schema.written(), schema.site());
    // A type that is no Java name makes no class; the stream validator says so.
    ClassName recordClass = SourceVersion.isIdentifier(type.value()) && !SourceVersion.isKeyword(type.value())
        ? ClassName.get(destination).peerClass(type.value()) : null;
    @SuppressWarnings("unchecked")
    Attribute<List<AnnotationValue>> keyValues = (Attribute<List<AnnotationValue>>) (Attribute<?>)
        Annotations.attribute(site, mirror, "matchingKeys", List.class);
    Attribute<List<String>> matchingKeys = new Attribute<>(keyValues.value().stream()
        .map(value -> (String) value.getValue()).toList(), keyValues.written(), keyValues.site());
    return new StreamModel(name, type, schemaPath, matchingKeys, schemaFile(path, recordClass));
  }

  private StreamModel.SchemaFile schemaFile(String path, ClassName recordClass) {
    List<String> lookedAt = new ArrayList<>();
    byte[] bytes = schemas.read(path, lookedAt);
    if (bytes == null) {
      return new StreamModel.Missing(List.copyOf(lookedAt));
    }
    JsonNode json;
    try {
      json = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      String where = e.getProcessor() instanceof JsonParser parser
          ? " (" + JsonPaths.of(parser.getParsingContext()) + ")" : "";
      return new StreamModel.NotJson("line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      return new StreamModel.NotJson(e.toString());
    }
    if (json == null || !json.isObject() || recordClass == null) {
      return new StreamModel.Parsed(json, null, null);
    }
    try {
      return new StreamModel.Parsed(json, RecordShapes.of(json, recordClass), null);
    } catch (RuntimeException e) {
      // Kept for the validator: a schema it reports anyway explains this; one it passes makes it a destkit bug.
      return new StreamModel.Parsed(json, null, e);
    }
  }
}

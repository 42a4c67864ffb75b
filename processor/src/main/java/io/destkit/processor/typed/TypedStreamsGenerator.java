package io.destkit.processor.typed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.ClassName;
import io.destkit.processor.Message;
import io.destkit.processor.generate.GeneratedFiles;
import io.destkit.processor.model.Problem;
import io.destkit.processor.model.Site;
import io.destkit.processor.model.StreamModel;
import io.destkit.processor.read.Annotations;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Generates everything of a destination's typed streams: for each {@code @Stream}, its record classes
 * (jsonschema2pojo) and its codec (JavaPoet). Problems with a stream's declaration or schema file are returned, each
 * on the {@code @Stream} annotation, and nothing is generated for a destination that has one.
 */
public final class TypedStreamsGenerator {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final SchemaFiles schemas;
  private final GeneratedFiles files;
  private final javax.annotation.processing.Filer filer;
  private final Map<String, TypedShape.TypedObject> shapes = new LinkedHashMap<>();

  public TypedStreamsGenerator(SchemaFiles schemas, GeneratedFiles files, javax.annotation.processing.Filer filer) {
    this.schemas = schemas;
    this.files = files;
    this.filer = filer;
  }

  /** Generates the streams' classes; returns the problems found instead when there are any. */
  public List<Problem> generate(TypeElement destination, List<StreamModel> streams) throws IOException {
    List<Problem> problems = new ArrayList<>();
    List<Loaded> loaded = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> types = new HashSet<>();
    String packageName = ClassName.get(destination).packageName();
    for (StreamModel stream : streams) {
      Site site = at(stream, "name");
      if (!SourceVersion.isIdentifier(stream.type()) || SourceVersion.isKeyword(stream.type())) {
        problems.add(Problem.of(Message.STREAM_TYPE_NAME, at(stream, "type"), stream.type()));
        continue;
      }
      if (!names.add(stream.name()) | !types.add(stream.type())) {
        problems.add(Problem.of(Message.STREAM_DUPLICATE, site, stream.name(), stream.type()));
        continue;
      }
      Site schemaSite = Annotations.explicitValue(stream.annotation(), "schema") == null ? site
          : at(stream, "schema");
      List<String> lookedAt = SchemaFiles.places();
      byte[] bytes = schemas.read(stream.schemaPath(), lookedAt);
      if (bytes == null) {
        problems.add(Problem.of(Message.STREAM_SCHEMA_MISSING, schemaSite, stream.name(),
            String.join(", ", lookedAt), stream.schemaPath()));
        continue;
      }
      JsonNode schema;
      try {
        schema = MAPPER.readTree(bytes);
      } catch (JsonProcessingException e) {
        String path = e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser
            ? " (" + SchemaCheck.path(parser.getParsingContext()) + ")" : "";
        problems.add(Problem.of(Message.STREAM_SCHEMA_JSON, schemaSite, stream.name(), stream.schemaPath(),
            "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + path + ": "
                + e.getOriginalMessage()));
        continue;
      }
      SchemaCheck.Finding finding = schema == null ? null : SchemaCheck.check(schema);
      if (finding != null) {
        problems.add(Problem.of(Message.STREAM_SCHEMA_INVALID, schemaSite, stream.name(), stream.schemaPath(),
            finding.path(), finding.problem()));
        continue;
      }
      RecordClassGenerator generator = new RecordClassGenerator();
      ClassName root = ClassName.get(packageName, stream.type());
      RecordClassGenerator.Prepared prepared = generator.prepare(schema, root);
      if (schema == null || !schema.isObject() || prepared.root().fields().isEmpty()) {
        problems.add(Problem.of(Message.STREAM_SCHEMA_NOT_OBJECT, schemaSite, stream.name(), stream.schemaPath()));
        continue;
      }
      if (!prepared.collisions().isEmpty()) {
        problems.add(Problem.of(Message.STREAM_FIELD_COLLISION, schemaSite, stream.name(),
            String.join("; ", prepared.collisions())));
        continue;
      }
      loaded.add(new Loaded(stream, schema, generator, prepared));
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    for (Loaded stream : loaded) {
      shapes.put(stream.stream().name(), stream.prepared().root());
      stream.generator().generate(stream.prepared());
      stream.generator().write(filer, destination, stream.stream().schemaPath());
      List<String> required = new ArrayList<>();
      stream.schema().path("required").forEach(name -> required.add(name.asText()));
      files.writeSource(packageName, new CodecWriter(stream.prepared().root(), stream.schema().toString(), required)
          .write(), destination, stream.stream().schemaPath());
    }
    return problems;
  }

  /** The record class shape of each stream generated, by stream name. */
  public Map<String, TypedShape.TypedObject> shapes() {
    return Map.copyOf(shapes);
  }

  /** A value of the {@code @Stream}, where javac can show one; else the declaration's own site. */
  private static Site at(StreamModel stream, String attribute) {
    if (stream.site().value() != null) {
      return stream.site();
    }
    return new Site(stream.site().element(), stream.annotation(),
        Annotations.explicitValue(stream.annotation(), attribute));
  }

  private record Loaded(StreamModel stream, JsonNode schema, RecordClassGenerator generator,
      RecordClassGenerator.Prepared prepared) {}
}

package io.destkit.processor.validate;

import io.destkit.processor.Message;
import io.destkit.processor.model.Problem;
import io.destkit.processor.model.Site;
import io.destkit.processor.model.StreamModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Stage two for a destination's {@code @Stream}s: each declaration and its schema file, at most one problem per
 * stream, on the {@code @Stream} (its {@code schema} value for a problem of the file, when written). No record class is
 * generated for a destination with a problem here.
 */
public final class StreamValidator {
  /** Every problem of the streams, in declaration order; empty when their classes can be generated. */
  public List<Problem> validate(List<StreamModel> streams) {
    List<Problem> problems = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> types = new HashSet<>();
    for (StreamModel stream : streams) {
      String name = stream.name().value();
      String type = stream.type().value();
      if (!SourceVersion.isIdentifier(type) || SourceVersion.isKeyword(type)) {
        problems.add(Problem.of(Message.STREAM_TYPE_NAME, stream.type().site(), type));
      } else if (!names.add(name) | !types.add(type)) {
        problems.add(Problem.of(Message.STREAM_DUPLICATE, stream.name().site(), name, type));
      } else {
        Problem problem = schemaProblem(stream);
        if (problem != null) {
          problems.add(problem);
        }
      }
    }
    return problems;
  }

  private static Problem schemaProblem(StreamModel stream) {
    Site site = stream.schemaSite();
    String name = stream.name().value();
    String path = stream.schemaPath().value();
    if (stream.schema() instanceof StreamModel.Missing missing) {
      return Problem.of(Message.STREAM_SCHEMA_MISSING, site, name, String.join(", ", missing.lookedAt()), path);
    }
    if (stream.schema() instanceof StreamModel.NotJson notJson) {
      return Problem.of(Message.STREAM_SCHEMA_JSON, site, name, path, notJson.detail());
    }
    StreamModel.Parsed parsed = (StreamModel.Parsed) stream.schema();
    SchemaCheck.Finding finding = parsed.json() == null ? null : SchemaCheck.check(parsed.json());
    if (finding != null) {
      return Problem.of(Message.STREAM_SCHEMA_INVALID, site, name, path, finding.path(), finding.problem());
    }
    if (parsed.shapeFailure() != null) {
      // The schema passed every check, yet its classes could not be shaped: destkit's fault, reported as such.
      throw new IllegalStateException("cannot shape the record classes of " + path, parsed.shapeFailure());
    }
    if (parsed.json() == null || !parsed.json().isObject() || parsed.shape() == null
        || parsed.shape().root().fields().isEmpty()) {
      return Problem.of(Message.STREAM_SCHEMA_NOT_OBJECT, site, name, path);
    }
    if (!parsed.shape().collisions().isEmpty()) {
      return Problem.of(Message.STREAM_FIELD_COLLISION, site, name, String.join("; ", parsed.shape().collisions()));
    }
    return null;
  }
}

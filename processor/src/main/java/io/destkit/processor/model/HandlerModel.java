package io.destkit.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;

/**
 * A write handler method of the connector, with the facts its validation needs.
 *
 * @param parameterTypes the erased qualified names of its parameter types
 * @param modes for {@link Kind#RECORDS}: the protocol values of the sync modes it writes, in annotation order
 * @param stream for {@link Kind#RECORDS}: the stream it is for, empty for any
 * @param namespace for {@link Kind#RECORDS}: the namespace it is for, empty for any
 * @param files for {@link Kind#RECORDS}: whether it handles the streams' files ({@code files = true}); false otherwise
 * @param recordType for a {@link Kind#RECORDS} method taking {@code List<X>} or {@code TypedBatch<X>}: X's qualified
 *     name; null otherwise
 */
public record HandlerModel(Kind kind, ExecutableElement element, AnnotationMirror annotation, String name,
    boolean isStatic, boolean isPrivate, boolean returnsVoid, List<String> parameterTypes,
    boolean throwsOnlyExceptions, Attribute<List<String>> modes, Attribute<String> stream,
    Attribute<String> namespace, Attribute<Boolean> files, String recordType) {

  /** Whether it is a records method of a typed stream: it takes {@code List<RecordClass>} or {@code TypedBatch<...>}. */
  public boolean typed() {
    return kind == Kind.RECORDS && (parameterTypes.equals(List.of("java.util.List")) || takesTypedBatch());
  }

  /** Whether it is a typed records method that takes {@code TypedBatch<RecordClass>}, metadata included. */
  public boolean takesTypedBatch() {
    return kind == Kind.RECORDS && parameterTypes.equals(List.of("io.destkit.runtime.write.TypedBatch"));
  }

  /** The handler annotations, with the parameters each method takes. */
  public enum Kind {
    STREAM_START("OnStreamStart", "io.destkit.runtime.write.StreamContext"),
    RECORDS("OnRecords", "io.destkit.runtime.write.RecordBatch"),
    COMMIT("OnCommit"),
    STREAM_COMPLETE("OnStreamComplete", "io.destkit.runtime.write.StreamContext"),
    CLOSE("OnClose");

    private final String annotation;
    private final List<String> parameters;

    Kind(String annotation, String... parameters) {
      this.annotation = annotation;
      this.parameters = List.of(parameters);
    }

    /** The annotation's simple name. */
    public String annotation() {
      return annotation;
    }

    /** The qualified names of the parameter types a handler of this kind takes. */
    public List<String> parameters() {
      return parameters;
    }

    /** The signature to show in messages, e.g. {@code void name(RecordBatch batch) throws Exception}. */
    public String signature(String method) {
      String params = parameters.isEmpty() ? ""
          : parameters.get(0).substring(parameters.get(0).lastIndexOf('.') + 1) + " "
              + (this == RECORDS ? "batch" : "stream");
      return "void " + method + "(" + params + ") throws Exception";
    }
  }
}

package io.destkit.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.destkit.processor.model.GeneratedNames;
import io.destkit.processor.model.ConnectorModel;
import io.destkit.processor.model.HandlerModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Destination>Dispatcher}: the runtime's {@code WriteHandlers} for one connector instance, calling the
 * author's handler methods directly. Records go to the method for their stream and mode; methods for a named stream
 * come before methods for any stream.
 */
public final class DispatcherWriter {
  static final ClassName WRITE_HANDLERS = ClassName.get("io.destkit.runtime.write", "WriteHandlers");
  private static final ClassName STREAM_CONTEXT = ClassName.get("io.destkit.runtime.write", "StreamContext");
  private static final ClassName RECORD_BATCH = ClassName.get("io.destkit.runtime.write", "RecordBatch");
  private static final ClassName RECORD_CODEC = ClassName.get("io.destkit.runtime.write", "RecordCodec");
  private static final ClassName SYNC_MODE = ClassName.get("io.destkit.annotations", "DestinationSyncMode");

  private final ConnectorModel connector;

  public DispatcherWriter(ConnectorModel connector) {
    this.connector = connector;
  }

  /** The records methods in the order routing tries them: named streams first, then any stream. */
  static List<HandlerModel> routes(ConnectorModel connector) {
    List<HandlerModel> ordered = new ArrayList<>();
    List<HandlerModel> records = connector.handlers(HandlerModel.Kind.RECORDS);
    records.stream().filter(h -> !h.stream().value().isEmpty()).forEach(ordered::add);
    records.stream().filter(h -> h.stream().value().isEmpty()).forEach(ordered::add);
    return ordered;
  }

  /** The dispatcher class, without the generated stamp. */
  public TypeSpec.Builder write() {
    ClassName destination = connector.className();
    List<HandlerModel> routes = routes(connector);
    TypeSpec.Builder type = TypeSpec.classBuilder(GeneratedNames.dispatcher(connector.className()))
        .addJavadoc("Calls the write handlers of {@link $T}: what the runtime's write engine runs.\n", destination)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(WRITE_HANDLERS)
        .addField(FieldSpec.builder(destination, "destination", Modifier.PRIVATE, Modifier.FINAL).build())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addParameter(destination, "destination")
            .addStatement("this.destination = destination")
            .build());
    type.addMethod(MethodSpec.methodBuilder("accepts")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(STREAM_CONTEXT, "stream")
        .addStatement("return route(stream) >= 0")
        .build());
    if (routes.stream().anyMatch(h -> h.files().value())) {
      type.addMethod(acceptsFiles(routes));
    }
    if (routes.stream().anyMatch(HandlerModel::typed)) {
      type.addMethod(codec(routes));
    }
    type.addMethod(simple("streamStart", HandlerModel.Kind.STREAM_START, STREAM_CONTEXT, "stream"));
    type.addMethod(records(routes));
    type.addMethod(simple("commit", HandlerModel.Kind.COMMIT, null, null));
    type.addMethod(simple("streamComplete", HandlerModel.Kind.STREAM_COMPLETE, STREAM_CONTEXT, "stream"));
    type.addMethod(simple("close", HandlerModel.Kind.CLOSE, null, null));
    type.addMethod(route(routes));
    return type;
  }

  /** A handler call, or a comment saying why there is none. */
  private MethodSpec simple(String name, HandlerModel.Kind kind, ClassName parameter, String parameterName) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addException(Exception.class);
    if (parameter != null) {
      method.addParameter(parameter, parameterName);
    }
    List<HandlerModel> handlers = connector.handlers(kind);
    if (handlers.isEmpty()) {
      method.addComment("$T has no @$L method.", connector.className(), kind.annotation());
    } else {
      method.addStatement("$L($L)", call(handlers.get(0)), parameter == null ? "" : parameterName);
    }
    return method.build();
  }

  private MethodSpec records(List<HandlerModel> routes) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("records")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(RECORD_BATCH, "batch")
        .addException(Exception.class)
        .addCode("switch (route(batch.stream())) {\n$>");
    for (int i = 0; i < routes.size(); i++) {
      HandlerModel handler = routes.get(i);
      if (handler.takesTypedBatch()) {
        method.addCode("case $L -> $L(batch.typedBatch($T.class));\n", i, call(handler),
            connector.recordClass(handler.stream().value()));
      } else if (handler.typed()) {
        method.addCode("case $L -> $L(batch.typed($T.class));\n", i, call(handler),
            connector.recordClass(handler.stream().value()));
      } else {
        method.addCode("case $L -> $L(batch);\n", i, call(handler));
      }
    }
    method.addCode("default -> throw new $T($S + batch.stream());\n", IllegalStateException.class,
        "No @OnRecords method takes ");
    return method.addCode("$<}\n").build();
  }

  /** Whether the method that takes the stream has {@code files = true}; without one, the interface's false holds. */
  private MethodSpec acceptsFiles(List<HandlerModel> routes) {
    List<CodeBlock> withFiles = new ArrayList<>();
    for (int i = 0; i < routes.size(); i++) {
      if (routes.get(i).files().value()) {
        withFiles.add(CodeBlock.of("$L", i));
      }
    }
    return MethodSpec.methodBuilder("acceptsFiles")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(STREAM_CONTEXT, "stream")
        .addCode("return switch (route(stream)) {\n$>")
        .addCode("case $L -> true;\n", CodeBlock.join(withFiles, ", "))
        .addCode("default -> false;\n$<};\n")
        .build();
  }

  /** The codec of the stream's record class, for streams that a typed records method takes. */
  private MethodSpec codec(List<HandlerModel> routes) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("codec")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(RECORD_CODEC, WildcardTypeName.subtypeOf(Object.class)))
        .addParameter(STREAM_CONTEXT, "stream")
        .addCode("return switch (route(stream)) {\n$>");
    for (int i = 0; i < routes.size(); i++) {
      HandlerModel handler = routes.get(i);
      if (handler.typed()) {
        method.addCode("case $L -> $T.INSTANCE;\n", i,
            GeneratedNames.codec(connector.recordClass(handler.stream().value())));
      }
    }
    return method.addCode("default -> null;\n$<};\n").build();
  }

  /** Which records method takes the stream: its index in {@link #routes}, or -1. */
  private MethodSpec route(List<HandlerModel> routes) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("route")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(int.class)
        .addParameter(STREAM_CONTEXT, "stream");
    if (!routes.isEmpty()) {
      method.addStatement("$T mode = stream.destinationSyncMode()", SYNC_MODE);
    }
    for (int i = 0; i < routes.size(); i++) {
      HandlerModel handler = routes.get(i);
      List<CodeBlock> conditions = new ArrayList<>();
      if (!handler.stream().value().isEmpty()) {
        // The object the catalog writes the stream to (destination_object_name), which is its name when it names none.
        conditions.add(CodeBlock.of("stream.objectName().equals($S)", handler.stream().value()));
      }
      if (!handler.namespace().value().isEmpty()) {
        conditions.add(CodeBlock.of("$S.equals(stream.namespace())", handler.namespace().value()));
      }
      List<CodeBlock> modes = handler.modes().value().stream()
          .map(mode -> CodeBlock.of("mode == $T.$L", SYNC_MODE, mode.toUpperCase(Locale.ROOT)))
          .toList();
      CodeBlock anyMode = CodeBlock.join(modes, " || ");
      conditions.add(modes.size() == 1 || conditions.isEmpty() ? anyMode : CodeBlock.of("($L)", anyMode));
      method.beginControlFlow("if ($L)", CodeBlock.join(conditions, " && "))
          .addStatement("return $L", i)
          .endControlFlow();
    }
    return method.addStatement("return -1").build();
  }

  private CodeBlock call(HandlerModel handler) {
    return handler.isStatic()
        ? CodeBlock.of("$T.$N", connector.className(), handler.name())
        : CodeBlock.of("destination.$N", handler.name());
  }
}

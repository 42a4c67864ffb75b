package io.destkit.processor.generate;

import static io.destkit.processor.generate.RuntimeTypes.AIRBYTE_TYPE;
import static io.destkit.processor.generate.RuntimeTypes.CHANGES;
import static io.destkit.processor.generate.RuntimeTypes.JSON_PARSER;
import static io.destkit.processor.generate.RuntimeTypes.JSON_TREES;
import static io.destkit.processor.generate.RuntimeTypes.META_CHANGE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.destkit.processor.model.GeneratedNames;
import io.destkit.processor.model.TypedShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Type>Codec}: decodes a typed stream's records straight from the parser into the generated record
 * class, with the runtime's value decoders (so the same coercion and {@code meta.changes} rules as untyped streams),
 * and encodes them back to JSON. One method per class and per list field; no reflection. The decoder of speed mode's
 * positional protobuf records is written by {@link PositionalDecoderWriter}, over the same readers.
 */
final class CodecWriter {
  private static final ClassName JSON_GENERATOR = ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
  private static final ClassName JSON_TOKEN = ClassName.get("com.fasterxml.jackson.core", "JsonToken");
  private static final ClassName OBJECT_TYPE = AIRBYTE_TYPE.nestedClass("ObjectType");
  private static final ClassName VALUE_DECODER = ClassName.get("io.destkit.runtime.types", "ValueDecoder");
  private static final ClassName VALUE_DECODERS = ClassName.get("io.destkit.runtime.types", "ValueDecoders");
  private static final ClassName JSON_SCHEMAS = ClassName.get("io.destkit.runtime.types", "JsonSchemas");
  private static final ClassName RECORD_CODEC = ClassName.get("io.destkit.runtime.write", "RecordCodec");

  private final TypedShape.TypedObject root;
  private final String schemaJson;
  private final List<String> required;
  private final NameAllocator members = new NameAllocator();
  private final Map<String, String> decoderConstants = new LinkedHashMap<>();
  private final List<FieldSpec> constants = new ArrayList<>();
  private final List<MethodSpec> methods = new ArrayList<>();
  private final Map<String, String> readNames = new LinkedHashMap<>();
  private final Map<String, String> writeNames = new LinkedHashMap<>();
  /** How the JSON decoder reads each field of the root, the parser on its value: the positional decoder reuses it. */
  private final Map<TypedShape.TypedField, CodeBlock> rootReads = new LinkedHashMap<>();

  /**
   * @param schemaJson the stream's schema as written, compact: the codec checks catalogs against it
   * @param required the top-level fields the schema lists as required
   */
  CodecWriter(TypedShape.TypedObject root, String schemaJson, List<String> required) {
    this.root = root;
    this.schemaJson = schemaJson;
    this.required = List.copyOf(required);
    for (String reserved : List.of("INSTANCE", "SCHEMA", "REQUIRED", "decode", "encode", "schema", "requiredFields",
        "recordClass", "positional")) {
      members.newName(reserved);
    }
  }

  /** The codec class, without the generated stamp. */
  TypeSpec.Builder write() {
    ClassName record = root.className();
    ClassName self = GeneratedNames.codec(record);
    read(root);
    write(root);
    PositionalDecoderWriter positional = new PositionalDecoderWriter(root, rootReads,
        members.newName("read" + record.simpleName() + "ByPosition"));
    CodeBlock requiredSet = required.stream().map(name -> CodeBlock.of("$S", name)).collect(CodeBlock.joining(", "));
    return TypeSpec.classBuilder(self)
        .addJavadoc("Reads and writes {@link $T} records: the stream's generated codec.\n", record)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(RECORD_CODEC, record))
        .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", self)
            .build())
        .addField(FieldSpec.builder(OBJECT_TYPE, "SCHEMA", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.parseStreamJson($S)", JSON_SCHEMAS, schemaJson)
            .build())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(Set.class, String.class), "REQUIRED", Modifier.PRIVATE,
                Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.of($L)", Set.class, requiredSet)
            .build())
        .addFields(constants)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("recordClass")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(Class.class), record))
            .addStatement("return $T.class", record)
            .build())
        .addMethod(MethodSpec.methodBuilder("schema")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(OBJECT_TYPE)
            .addStatement("return SCHEMA")
            .build())
        .addMethod(MethodSpec.methodBuilder("requiredFields")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(Set.class, String.class))
            .addStatement("return REQUIRED")
            .build())
        .addMethod(MethodSpec.methodBuilder("decode")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(record)
            .addParameter(JSON_PARSER, "parser")
            .addParameter(CHANGES, "changes")
            .addException(java.io.IOException.class)
            .addStatement("return $N(parser, changes)", readName(root))
            .build())
        .addMethod(MethodSpec.methodBuilder("encode")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(record, "record")
            .addParameter(JSON_GENERATOR, "generator")
            .addException(java.io.IOException.class)
            .addStatement("$N(record, generator)", writeName(root))
            .build())
        .addMethod(positional.positional())
        .addMethod(positional.decode())
        .addMethods(methods);
  }

  private String readName(TypedShape.TypedObject object) {
    return readNames.computeIfAbsent(object.className().simpleName(),
        name -> members.newName("read" + name));
  }

  private String writeName(TypedShape.TypedObject object) {
    return writeNames.computeIfAbsent(object.className().simpleName(),
        name -> members.newName("write" + name));
  }

  /** The read method of an object: the root is on its START_OBJECT; a nested one checks its token first. */
  private void read(TypedShape.TypedObject object) {
    boolean nested = !object.path().isEmpty();
    MethodSpec.Builder method = MethodSpec.methodBuilder(readName(object))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(object.className())
        .addParameter(JSON_PARSER, "parser")
        .addParameter(CHANGES, "changes")
        .addException(java.io.IOException.class);
    if (nested) {
      String path = object.path().substring(0, object.path().length() - 1);
      method.beginControlFlow("if (parser.currentToken() == $T.VALUE_NULL)", JSON_TOKEN)
          .addStatement("return null")
          .endControlFlow()
          .beginControlFlow("if (parser.currentToken() != $T.START_OBJECT)", JSON_TOKEN)
          .addStatement("changes.add($T.typecastError($S))", META_CHANGE, path)
          .addStatement("parser.skipChildren()")
          .addStatement("return null")
          .endControlFlow();
    }
    method.addStatement("$T record = new $T()", object.className(), object.className())
        .beginControlFlow("while (parser.nextToken() == $T.FIELD_NAME)", JSON_TOKEN)
        .addStatement("$T field = parser.currentName()", String.class)
        .addStatement("parser.nextToken()")
        .addCode("switch (field) {\n$>");
    for (TypedShape.TypedField field : object.fields()) {
      CodeBlock value = readValue(field.shape(), field.fieldPath(), field);
      if (!nested) {
        rootReads.put(field, value);
      }
      method.addCode("case $S -> record.$N($L);\n", field.jsonName(), field.setter(), value);
    }
    method.addCode("default -> record.setAdditionalProperty(field, $T.read(parser));\n", JSON_TREES)
        .addCode("$<}\n")
        .endControlFlow()
        .addStatement("return record");
    methods.add(method.build());
    for (TypedShape.TypedField field : object.fields()) {
      nestedReads(field.shape(), field);
    }
  }

  private void nestedReads(TypedShape shape, TypedShape.TypedField field) {
    if (shape instanceof TypedShape.Nested nested) {
      read(nested.object());
    } else if (shape instanceof TypedShape.ListOf list) {
      nestedReads(list.items(), field);
    }
  }

  /** The expression that reads a value of {@code shape}, the parser on its first token. */
  private CodeBlock readValue(TypedShape shape, String fieldPath, TypedShape.TypedField field) {
    if (shape instanceof TypedShape.Scalar scalar) {
      return CodeBlock.of("($T) $N.decode(parser, $S, changes)", scalar.javaType(), decoder(scalar), fieldPath);
    } else if (shape instanceof TypedShape.Tree) {
      return CodeBlock.of("parser.currentToken() == $T.VALUE_NULL ? null : $T.read(parser)", JSON_TOKEN, JSON_TREES);
    } else if (shape instanceof TypedShape.Nested nested) {
      return CodeBlock.of("$N(parser, changes)", readName(nested.object()));
    }
    return CodeBlock.of("$N(parser, changes)", listRead((TypedShape.ListOf) shape, fieldPath, field));
  }

  private String listRead(TypedShape.ListOf list, String fieldPath, TypedShape.TypedField field) {
    String name = members.newName("read" + pascal(fieldPath) + "List");
    methods.add(MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(list.javaType())
        .addParameter(JSON_PARSER, "parser")
        .addParameter(CHANGES, "changes")
        .addException(java.io.IOException.class)
        .beginControlFlow("if (parser.currentToken() == $T.VALUE_NULL)", JSON_TOKEN)
        .addStatement("return null")
        .endControlFlow()
        .beginControlFlow("if (parser.currentToken() != $T.START_ARRAY)", JSON_TOKEN)
        .addStatement("changes.add($T.typecastError($S))", META_CHANGE, fieldPath)
        .addStatement("parser.skipChildren()")
        .addStatement("return null")
        .endControlFlow()
        .addStatement("$T values = new $T<>()", list.javaType(), ArrayList.class)
        .beginControlFlow("while (parser.nextToken() != $T.END_ARRAY)", JSON_TOKEN)
        .addStatement("values.add($L)", readValue(list.items(), fieldPath, field))
        .endControlFlow()
        .addStatement("return values")
        .build());
    return name;
  }

  private String decoder(TypedShape.Scalar scalar) {
    String kind = scalar.type().kind().name();
    return decoderConstants.computeIfAbsent(kind, k -> {
      String name = members.newName(k + "_DECODER");
      constants.add(FieldSpec.builder(VALUE_DECODER, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.forType($T.$L)", VALUE_DECODERS, AIRBYTE_TYPE, k)
          .build());
      return name;
    });
  }

  private void write(TypedShape.TypedObject object) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(writeName(object))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(object.className(), "record")
        .addParameter(JSON_GENERATOR, "generator")
        .addException(java.io.IOException.class)
        .addStatement("generator.writeStartObject()");
    for (TypedShape.TypedField field : object.fields()) {
      String value = "record." + field.getter() + "()";
      method.beginControlFlow("if ($L != null)", value)
          .addStatement("generator.writeFieldName($S)", field.jsonName())
          .addCode(writeValue(field.shape(), CodeBlock.of("$L", value), 0))
          .endControlFlow();
    }
    method.beginControlFlow("for ($T<$T, $T> extra : record.getAdditionalProperties().entrySet())", Map.Entry.class,
            String.class, Object.class)
        .addStatement("generator.writeFieldName(extra.getKey())")
        .addStatement("$T.write(generator, extra.getValue())", JSON_TREES)
        .endControlFlow()
        .addStatement("generator.writeEndObject()");
    methods.add(method.build());
    for (TypedShape.TypedField field : object.fields()) {
      nestedWrites(field.shape());
    }
  }

  private void nestedWrites(TypedShape shape) {
    if (shape instanceof TypedShape.Nested nested) {
      write(nested.object());
    } else if (shape instanceof TypedShape.ListOf list) {
      nestedWrites(list.items());
    }
  }

  /** Statements that write {@code value}, known not null, of {@code shape}. */
  private CodeBlock writeValue(TypedShape shape, CodeBlock value, int depth) {
    if (shape instanceof TypedShape.Scalar scalar) {
      return switch (scalar.type().kind()) {
        case STRING -> CodeBlock.of("generator.writeString($L);\n", value);
        case BOOLEAN -> CodeBlock.of("generator.writeBoolean($L);\n", value);
        case INTEGER, NUMBER -> CodeBlock.of("generator.writeNumber($L);\n", value);
        case BINARY -> CodeBlock.of("generator.writeBinary($L);\n", value);
        case DATE, TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_WITHOUT_TIMEZONE, TIME_WITH_TIMEZONE, TIME_WITHOUT_TIMEZONE ->
            CodeBlock.of("generator.writeString($T.iso($L));\n", JSON_TREES, value);
        case ARRAY, OBJECT, UNION, UNKNOWN -> throw new IllegalStateException("not a scalar: " + scalar.type());
      };
    } else if (shape instanceof TypedShape.Tree) {
      return CodeBlock.of("$T.write(generator, $L);\n", JSON_TREES, value);
    } else if (shape instanceof TypedShape.Nested nested) {
      return CodeBlock.of("$N($L, generator);\n", writeName(nested.object()), value);
    }
    TypedShape.ListOf list = (TypedShape.ListOf) shape;
    String item = "item" + (depth == 0 ? "" : depth);
    return CodeBlock.builder()
        .addStatement("generator.writeStartArray()")
        .beginControlFlow("for ($T $N : $L)", list.items().javaType(), item, value)
        .beginControlFlow("if ($N == null)", item)
        .addStatement("generator.writeNull()")
        .nextControlFlow("else")
        .add(writeValue(list.items(), CodeBlock.of("$N", item), depth + 1))
        .endControlFlow()
        .endControlFlow()
        .addStatement("generator.writeEndArray()")
        .build();
  }

  private static String pascal(String path) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : path.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.length() == 0 ? "Field" : out.toString();
  }
}

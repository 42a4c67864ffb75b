package io.destkit.processor.generate;

import static io.destkit.processor.generate.RuntimeTypes.AIRBYTE_TYPE;
import static io.destkit.processor.generate.RuntimeTypes.CHANGES;
import static io.destkit.processor.generate.RuntimeTypes.CODED_INPUT_STREAM;
import static io.destkit.processor.generate.RuntimeTypes.JSON_PARSER;
import static io.destkit.processor.generate.RuntimeTypes.JSON_TREES;
import static io.destkit.processor.generate.RuntimeTypes.POSITIONAL_DECODER;
import static io.destkit.processor.generate.RuntimeTypes.POSITIONAL_VALUES;
import static io.destkit.processor.generate.RuntimeTypes.PROTOBUF_VALUES;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.destkit.processor.model.TypedShape;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes a codec's {@code positional(fields)}: the decoder of speed-mode records, whose values come by position. At
 * that call each position gets a slot, the index of its field in the record class (-1: a field the class lacks, for
 * the additional properties); then each value is read straight from protobuf into its setter: scalars with the
 * runtime's protobuf coercions, everything else from a parser over the value's JSON, with the very expression the JSON
 * decoder uses, so nested objects and lists go through the readers the codec already has.
 */
final class PositionalDecoderWriter {
  /** The slot of a field that the record class does not have. */
  private static final int ADDITIONAL = -1;

  private final TypedShape.TypedObject root;
  private final Map<TypedShape.TypedField, CodeBlock> jsonReads;
  private final String decodeName;

  /**
   * @param jsonReads for each field of {@code root}, the JSON decoder's expression of its value, on
   *     {@code parser} and {@code changes}
   * @param decodeName the name of the static method that decodes a record
   */
  PositionalDecoderWriter(TypedShape.TypedObject root, Map<TypedShape.TypedField, CodeBlock> jsonReads,
      String decodeName) {
    this.root = root;
    this.jsonReads = jsonReads;
    this.decodeName = decodeName;
  }

  /** The override of {@code RecordCodec.positional}: the slots of the given fields, and the decoder over them. */
  MethodSpec positional() {
    CodeBlock.Builder slots = CodeBlock.builder().add("slots[position] = switch (fields.get(position)) {\n$>");
    List<TypedShape.TypedField> fields = root.fields();
    for (int slot = 0; slot < fields.size(); slot++) {
      slots.add("case $S -> $L;\n", fields.get(slot).jsonName(), slot);
    }
    slots.add("default -> $L;\n", ADDITIONAL).add("$<};\n");
    return MethodSpec.methodBuilder("positional")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(POSITIONAL_DECODER, root.className()))
        .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class)), "fields")
        .addStatement("int[] slots = new int[fields.size()]")
        .beginControlFlow("for (int position = 0; position < slots.length; position++)")
        .addCode(slots.build())
        .endControlFlow()
        .addStatement("$T[] names = fields.toArray(new $T[0])", String.class, String.class)
        .addStatement("return (input, changes) -> $N(input, changes, slots, names)", decodeName)
        .build();
  }

  /** The static method that decodes one record message into the record class. */
  MethodSpec decode() {
    MethodSpec.Builder method = MethodSpec.methodBuilder(decodeName)
        .addJavadoc("Value {@code n} of the record goes to the field of slot {@code slots[n]}; slot $L: to the\n"
            + "additional property {@code names[n]}.\n", ADDITIONAL)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(root.className())
        .addParameter(CODED_INPUT_STREAM, "input")
        .addParameter(CHANGES, "changes")
        .addParameter(ArrayTypeName.of(TypeName.INT), "slots")
        .addParameter(ArrayTypeName.of(String.class), "names")
        .addException(java.io.IOException.class)
        .addStatement("$T record = new $T()", root.className(), root.className())
        .addStatement("int position = 0")
        .addStatement("int limit")
        .beginControlFlow("while ((limit = $T.next(input, position, slots.length)) != $T.END)", POSITIONAL_VALUES,
            POSITIONAL_VALUES)
        .addCode("switch (slots[position]) {\n$>");
    List<TypedShape.TypedField> fields = root.fields();
    for (int slot = 0; slot < fields.size(); slot++) {
      method.addCode(value(slot, fields.get(slot)));
    }
    method.addCode("default -> record.setAdditionalProperty(names[position], $T.read($T.parser(input, names[position], "
            + "changes)));\n", JSON_TREES, PROTOBUF_VALUES)
        .addCode("$<}\n")
        .addStatement("input.popLimit(limit)")
        .addStatement("position++")
        .endControlFlow()
        .addStatement("return record");
    return method.build();
  }

  /** The case of one slot: a scalar read from protobuf, anything else read as the JSON decoder reads it. */
  private CodeBlock value(int slot, TypedShape.TypedField field) {
    if (field.shape() instanceof TypedShape.Scalar scalar) {
      return CodeBlock.of("case $L -> record.$N(($T) $T.read(input, $T.$L, $S, changes));\n", slot, field.setter(),
          scalar.javaType(), PROTOBUF_VALUES, AIRBYTE_TYPE, scalar.type().kind().name(), field.fieldPath());
    }
    return CodeBlock.builder()
        .add("case $L -> {\n$>", slot)
        .addStatement("$T parser = $T.parser(input, $S, changes)", JSON_PARSER, PROTOBUF_VALUES, field.fieldPath())
        .addStatement("record.$N($L)", field.setter(), jsonReads.get(field))
        .add("$<}\n")
        .build();
  }
}

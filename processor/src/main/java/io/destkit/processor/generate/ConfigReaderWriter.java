package io.destkit.processor.generate;

import static io.destkit.processor.generate.RuntimeTypes.CONFIG_EXCEPTION;
import static io.destkit.processor.generate.RuntimeTypes.CONFIG_INPUT;
import static io.destkit.processor.generate.RuntimeTypes.JSON_NODE;
import static io.destkit.processor.generate.RuntimeTypes.SECRET_MASKER;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.destkit.processor.model.GeneratedNames;
import io.destkit.processor.model.ChoiceModel;
import io.destkit.processor.model.ConfigModel;
import io.destkit.processor.model.ConfigType;
import io.destkit.processor.model.ConfigType.EnumType;
import io.destkit.processor.model.ConfigType.ObjectType;
import io.destkit.processor.model.ConfigType.OneOfType;
import io.destkit.processor.model.Construction;
import io.destkit.processor.model.PropertyModel;
import io.destkit.processor.model.ScalarValues;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Config>Reader}: reads a JSON config into the config class without reflection, one method per
 * object, choice and enum type, collecting every problem with its path through {@code ConfigInput}.
 */
public final class ConfigReaderWriter {
  private static final ClassName LIST = ClassName.get(List.class);

  private final ConfigModel config;
  private final NameAllocator memberNames = new NameAllocator();
  private final Map<String, String> methodNames = new LinkedHashMap<>();
  private final Deque<ConfigType> pending = new ArrayDeque<>();
  private final List<FieldSpec> constants = new ArrayList<>();
  private final List<MethodSpec> methods = new ArrayList<>();

  public ConfigReaderWriter(ConfigModel config) {
    this.config = config;
    memberNames.newName("read");
  }

  /** The reader class, without the generated stamp. */
  public TypeSpec.Builder write() {
    ClassName root = config.root().className();
    String rootMethod = methodName(config.root());
    MethodSpec read = MethodSpec.methodBuilder("read")
        .addJavadoc("Reads and validates a config; every problem is reported at once, by JSON path.\n\n")
        .addJavadoc("@param json the config as parsed from its file\n")
        .addJavadoc("@param secrets receives the values of secret properties as they are read\n")
        .addJavadoc("@return the config, never null\n")
        .addJavadoc("@throws $T listing every problem found\n", CONFIG_EXCEPTION)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(root)
        .addParameter(JSON_NODE, "json")
        .addParameter(SECRET_MASKER, "secrets")
        .addException(CONFIG_EXCEPTION)
        .addStatement("$T in = new $T(secrets)", CONFIG_INPUT, CONFIG_INPUT)
        .addStatement("$T config = $N(in, json, $S)", root, rootMethod, "$")
        .addStatement("in.throwIfProblems($S)", "config")
        .addStatement("return config")
        .build();
    while (!pending.isEmpty()) {
      ConfigType type = pending.removeFirst();
      if (type instanceof ObjectType object) {
        methods.add(objectMethod(object));
      } else if (type instanceof OneOfType oneOf) {
        methods.add(oneOfMethod(oneOf));
      } else {
        methods.add(enumMethod((EnumType) type));
      }
    }
    return TypeSpec.classBuilder(GeneratedNames.configReader(config.root().className()))
        .addJavadoc("Reads the JSON config of {@link $T}.\n", root)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addFields(constants)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(read)
        .addMethods(methods);
  }

  /** The method for an object, choice or enum type, queued for writing on first use. */
  private String methodName(ConfigType type) {
    ClassName className = className(type);
    String key = className.canonicalName();
    String name = methodNames.get(key);
    if (name == null) {
      String prefix = type instanceof EnumType ? "to" : "read";
      name = memberNames.newName(prefix + String.join("", className.simpleNames()), key);
      methodNames.put(key, name);
      pending.addLast(type);
    }
    return name;
  }

  private static ClassName className(ConfigType type) {
    if (type instanceof ObjectType object) {
      return object.className();
    } else if (type instanceof OneOfType oneOf) {
      return oneOf.className();
    }
    return ((EnumType) type).className();
  }

  private static MethodSpec.Builder typeReader(String name, ClassName type) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(type)
        .addParameter(CONFIG_INPUT, "in")
        .addParameter(JSON_NODE, "node")
        .addParameter(String.class, "path");
  }

  private MethodSpec objectMethod(ObjectType object) {
    NameAllocator locals = new NameAllocator();
    for (String reserved : List.of("in", "node", "path", "problems")) {
      locals.newName(reserved, reserved);
    }
    MethodSpec.Builder method = typeReader(methodName(object), object.className())
        .beginControlFlow("if (!in.object(node, path))")
        .addStatement("return null")
        .endControlFlow()
        .addStatement("int problems = in.problemCount()");
    List<CodeBlock> values = new ArrayList<>();
    for (PropertyModel property : object.properties()) {
      String value = locals.newName(property.javaName());
      String path = locals.newName(property.javaName() + "Path");
      method.addStatement("$T $N = $T.child(path, $S)", String.class, path, CONFIG_INPUT, property.name());
      CodeBlock member = CodeBlock.of("in.member(node, $S, $N, $L)", property.name(), path, property.required());
      method.addStatement("$T $N = $L", localType(property), value,
          read(property.type(), member, path, property.secret(), locals));
      if (property.range() != null) {
        method.addStatement("in.range($N, $N, $L, $L)", value, path, doubleLiteral(property.range().min()),
            doubleLiteral(property.range().max()));
      }
      if (property.pattern() != null) {
        method.addStatement("in.pattern($N, $N, $N, $S)", value, path, patternConstant(object, property),
            property.pattern().descriptor());
      }
      values.add(withDefault(property, value));
    }
    method.beginControlFlow("if (in.problemCount() > problems)")
        .addStatement("return null")
        .endControlFlow();
    if (object.construction().kind() == Construction.Kind.CANONICAL_CONSTRUCTOR) {
      method.addStatement("return new $T($L)", object.className(), CodeBlock.join(values, ", "));
    } else {
      String result = locals.newName("config");
      method.addStatement("$T $N = new $T()", object.className(), result, object.className());
      for (int i = 0; i < values.size(); i++) {
        PropertyModel.Assignment assignment = object.properties().get(i).assignment();
        if (assignment.kind() == PropertyModel.Assignment.Kind.FIELD) {
          method.addStatement("$N.$N = $L", result, assignment.name(), values.get(i));
        } else {
          method.addStatement("$N.$N($L)", result, assignment.name(), values.get(i));
        }
      }
      method.addStatement("return $N", result);
    }
    return method.build();
  }

  /** The local holds null for an absent or wrong value, so primitives are boxed. */
  private static TypeName localType(PropertyModel property) {
    return property.javaType().isPrimitive() ? property.javaType().box() : property.javaType();
  }

  private CodeBlock read(ConfigType type, CodeBlock node, String path, boolean secret, NameAllocator locals) {
    if (type instanceof ConfigType.ScalarType scalar) {
      String method = switch (scalar.scalar()) {
        case STRING -> secret ? "secret" : "string";
        case BOOLEAN -> "bool";
        case INT -> "int32";
        case LONG -> "int64";
        case DOUBLE -> "float64";
        case DECIMAL -> "decimal";
      };
      return CodeBlock.of("in.$L($L, $N)", method, node, path);
    } else if (type instanceof EnumType enumType) {
      return CodeBlock.of("$N(in.oneOf($L, $N, $L))", methodName(enumType), node, path, stringList(enumType.values()));
    } else if (type instanceof ConfigType.ListType list) {
      String item = locals.newName("item");
      String itemPath = locals.newName("itemPath");
      return CodeBlock.of("in.list($L, $N, ($N, $N) -> $L)", node, path, item, itemPath,
          read(list.items(), CodeBlock.of("$N", item), itemPath, false, locals));
    }
    return CodeBlock.of("$N(in, $L, $N)", methodName(type), node, path);
  }

  private CodeBlock withDefault(PropertyModel property, String value) {
    if (property.defaultText() != null) {
      return CodeBlock.of("$N == null ? $L : $N", value, literal(property.type(), property.defaultText()), value);
    }
    if (property.type() instanceof ConfigType.ListType) {
      return CodeBlock.of("$N == null ? $T.of() : $N", value, LIST, value);
    }
    return CodeBlock.of("$N", value);
  }

  private static CodeBlock literal(ConfigType type, String text) {
    if (type instanceof EnumType enumType) {
      String constant = enumType.constants().stream().filter(c -> c.jsonValue().equals(text)).findFirst()
          .orElseThrow().javaName();
      return CodeBlock.of("$T.$N", enumType.className(), constant);
    }
    Object value = ScalarValues.parse(type, text);
    return switch (((ConfigType.ScalarType) type).scalar()) {
      case STRING -> CodeBlock.of("$S", value);
      case BOOLEAN -> CodeBlock.of("$L", value);
      case INT -> CodeBlock.of("$L", value);
      case LONG -> CodeBlock.of("$LL", value);
      case DOUBLE -> CodeBlock.of("$L", Double.toString(((BigDecimal) value).doubleValue()));
      case DECIMAL -> CodeBlock.of("new $T($S)", BigDecimal.class, ((BigDecimal) value).toString());
    };
  }

  private static CodeBlock doubleLiteral(double value) {
    if (value == Double.NEGATIVE_INFINITY) {
      return CodeBlock.of("$T.NEGATIVE_INFINITY", Double.class);
    } else if (value == Double.POSITIVE_INFINITY) {
      return CodeBlock.of("$T.POSITIVE_INFINITY", Double.class);
    }
    return CodeBlock.of("$L", Double.toString(value));
  }

  private String patternConstant(ObjectType object, PropertyModel property) {
    String base = String.join("_", object.className().simpleNames()) + "_" + property.javaName();
    String name = memberNames.newName(upperSnake(base) + "_PATTERN");
    constants.add(FieldSpec.builder(Pattern.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.compile($S)", Pattern.class, property.pattern().regex().value())
        .build());
    return name;
  }

  private static String upperSnake(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  private MethodSpec oneOfMethod(OneOfType oneOf) {
    List<String> values = oneOf.choices().stream().map(choice -> choice.value().value()).collect(Collectors.toList());
    MethodSpec.Builder method = typeReader(methodName(oneOf), oneOf.className())
        .beginControlFlow("if (!in.object(node, path))")
        .addStatement("return null")
        .endControlFlow()
        .addStatement("$T choice = in.discriminator(node, path, $S, $L)", String.class, oneOf.discriminator(),
            stringList(values))
        .beginControlFlow("if (choice == null)")
        .addStatement("return null")
        .endControlFlow()
        .addCode("return switch (choice) {\n$>");
    for (ChoiceModel choice : oneOf.choices()) {
      method.addStatement("case $S -> $N(in, node, path)", choice.value().value(), methodName(choice.object()));
    }
    method.addStatement("default -> throw new $T(choice)", IllegalStateException.class);
    return method.addCode("$<};\n").build();
  }

  private MethodSpec enumMethod(EnumType enumType) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(methodName(enumType))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(enumType.className())
        .addParameter(String.class, "value")
        .beginControlFlow("if (value == null)")
        .addStatement("return null")
        .endControlFlow()
        .addCode("return switch (value) {\n$>");
    for (ConfigType.EnumConstant constant : enumType.constants()) {
      method.addStatement("case $S -> $T.$N", constant.jsonValue(), enumType.className(), constant.javaName());
    }
    method.addStatement("default -> throw new $T(value)", IllegalStateException.class);
    return method.addCode("$<};\n").build();
  }

  private static CodeBlock stringList(List<String> values) {
    CodeBlock items = values.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", "));
    return CodeBlock.of("$T.of($L)", LIST, items);
  }
}

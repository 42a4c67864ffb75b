package io.destkit.processor.typed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.sun.codemodel.JAnnotationArrayMember;
import com.sun.codemodel.JAnnotationUse;
import com.sun.codemodel.JAnnotationValue;
import com.sun.codemodel.JClass;
import com.sun.codemodel.JFormatter;
import com.sun.codemodel.JCodeModel;
import com.sun.codemodel.JDefinedClass;
import com.sun.codemodel.JPackage;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.types.JsonSchemas;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import org.jsonschema2pojo.AnnotationStyle;
import org.jsonschema2pojo.DefaultGenerationConfig;
import org.jsonschema2pojo.GenerationConfig;
import org.jsonschema2pojo.Jackson2Annotator;
import org.jsonschema2pojo.SchemaGenerator;
import org.jsonschema2pojo.SchemaMapper;
import org.jsonschema2pojo.SchemaStore;
import org.jsonschema2pojo.rules.RuleFactory;
import org.jsonschema2pojo.util.NameHelper;

/**
 * Generates the record classes of typed streams with jsonschema2pojo, run inside the processor. A stream's schema is
 * first read with the runtime's own type model, then rewritten into a schema jsonschema2pojo maps exactly: integers as
 * {@code Long}, numbers as {@code BigDecimal}, dates and times as java.time types (Airbyte's {@code airbyte_type} and
 * v1 {@code $ref}s included), binary as {@code byte[]}, unions and schemaless values as {@code JsonNode}, and every
 * nested object as a class named after the record and its path, so that no two streams' classes clash.
 */
public final class RecordClassGenerator {
  static final String GENERATED = "io.destkit.processor.DestkitProcessor";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
  /** The field jsonschema2pojo adds for unknown properties: no property may take its name. */
  private static final String ADDITIONAL_PROPERTIES = "additionalProperties";

  private final GenerationConfig config = new DefaultGenerationConfig() {
    @Override
    public boolean isUseLongIntegers() {
      return true;
    }

    @Override
    public boolean isUseBigDecimals() {
      return true;
    }

    @Override
    public boolean isIncludeGeneratedAnnotation() {
      return false;
    }

    @Override
    public boolean isInitializeCollections() {
      return false;
    }

    @Override
    public String getTargetVersion() {
      return "17";
    }

    @Override
    public AnnotationStyle getAnnotationStyle() {
      return AnnotationStyle.JACKSON2;
    }

    @Override
    public boolean isIncludeJsr303Annotations() {
      return false;
    }
  };
  private final NameHelper names = new NameHelper(config);
  private final JCodeModel model = new JCodeModel();
  /** Per generated class: the plain keys given to jsonschema2pojo, and the real JSON names they stand for. */
  private final Map<String, Map<String, String>> renamed = new LinkedHashMap<>();
  /** Per generated class: its properties' JSON names in schema order. */
  private final Map<String, List<String>> propertyOrder = new LinkedHashMap<>();
  private final SchemaMapper mapper =
      new SchemaMapper(new RuleFactory(config, new Jackson2Annotator(config), new SchemaStore()), new SchemaGenerator());

  /** A stream's classes, ready to generate, or the name collisions that prevent it. */
  public record Prepared(TypedShape.TypedObject root, ObjectNode normalized, List<String> collisions) {}

  /** Reads a stream's schema into the shape of its record class rooted at {@code root}. */
  public Prepared prepare(JsonNode streamSchema, ClassName root) {
    AirbyteType.ObjectType type = JsonSchemas.parseStream(streamSchema);
    List<String> collisions = new ArrayList<>();
    ObjectNode normalized = JSON.objectNode();
    TypedShape.TypedObject object = object(type, root, "", normalized, collisions);
    return new Prepared(object, normalized, collisions);
  }

  private TypedShape.TypedObject object(AirbyteType.ObjectType type, ClassName className, String path,
      ObjectNode normalized, List<String> collisions) {
    normalized.put("type", "object");
    normalized.put("javaType", className.canonicalName());
    ObjectNode properties = normalized.putObject("properties");
    Map<String, String> javaNames = new LinkedHashMap<>();
    javaNames.put(ADDITIONAL_PROPERTIES, "(the record's additional properties)");
    List<TypedShape.TypedField> fields = new ArrayList<>();
    for (Map.Entry<String, AirbyteType> property : type.properties().entrySet()) {
      String jsonName = property.getKey();
      // jsonschema2pojo cannot resolve a property whose name needs escaping in a URI fragment (a space, say): such
      // a property is keyed by a plain name here, its Java name taken from the real one, and @JsonProperty put
      // back to the real name once the classes are generated.
      String key = plainKey(jsonName, properties);
      propertyOrder.computeIfAbsent(className.canonicalName(), k -> new ArrayList<>()).add(jsonName);
      ObjectNode node = properties.putObject(key);
      if (!key.equals(jsonName)) {
        node.put("javaName", names.getPropertyName(jsonName, JSON.objectNode()));
        renamed.computeIfAbsent(className.canonicalName(), k -> new LinkedHashMap<>()).put(key, jsonName);
      }
      String javaName = names.getPropertyName(jsonName, node);
      String other = javaNames.putIfAbsent(javaName, jsonName);
      if (other != null) {
        collisions.add("'" + jsonName + "' and '" + other.replace("(the record's additional properties)",
            ADDITIONAL_PROPERTIES) + "' both become field '" + javaName + "' of " + className.simpleName());
        continue;
      }
      String fieldPath = path + jsonName;
      ClassName nestedName = className.peerClass(className.simpleName() + capitalize(javaName));
      TypedShape shape = shape(property.getValue(), nestedName, fieldPath, node, collisions);
      String getter = names.getGetterName(jsonName, model.ref(Object.class), node);
      fields.add(new TypedShape.TypedField(jsonName, fieldPath, getter, names.getSetterName(jsonName, node), shape));
    }
    return new TypedShape.TypedObject(className, path, List.copyOf(fields));
  }

  private TypedShape shape(AirbyteType type, ClassName nestedName, String fieldPath, ObjectNode node,
      List<String> collisions) {
    switch (type.kind()) {
      case STRING:
        node.put("type", "string");
        return new TypedShape.Scalar(type, ClassName.get(String.class));
      case BOOLEAN:
        return existing(node, type, ClassName.get(Boolean.class));
      case INTEGER:
        return existing(node, type, ClassName.get(Long.class));
      case NUMBER:
        return existing(node, type, ClassName.get(BigDecimal.class));
      case DATE:
        return existing(node, type, ClassName.get(LocalDate.class));
      case TIMESTAMP_WITH_TIMEZONE:
        return existing(node, type, ClassName.get(OffsetDateTime.class));
      case TIMESTAMP_WITHOUT_TIMEZONE:
        return existing(node, type, ClassName.get(LocalDateTime.class));
      case TIME_WITH_TIMEZONE:
        return existing(node, type, ClassName.get(OffsetTime.class));
      case TIME_WITHOUT_TIMEZONE:
        return existing(node, type, ClassName.get(LocalTime.class));
      case BINARY:
        node.put("type", "string");
        node.putObject("media").put("binaryEncoding", "base64");
        return new TypedShape.Scalar(type, ArrayTypeName.of(TypeName.BYTE));
      case ARRAY:
        node.put("type", "array");
        ObjectNode items = node.putObject("items");
        TypedShape itemShape = shape(((AirbyteType.ArrayType) type).items(), nestedName.peerClass(
            nestedName.simpleName() + "Item"), fieldPath, items, collisions);
        return new TypedShape.ListOf(itemShape,
            ParameterizedTypeName.get(ClassName.get(List.class), itemShape.javaType()));
      case OBJECT:
        AirbyteType.ObjectType object = (AirbyteType.ObjectType) type;
        if (!object.isSchemaless()) {
          return new TypedShape.Nested(object(object, nestedName, fieldPath + ".", node, collisions));
        }
        node.put("existingJavaType", JSON_NODE.canonicalName());
        return new TypedShape.Tree(JSON_NODE);
      default:
        node.put("existingJavaType", JSON_NODE.canonicalName());
        return new TypedShape.Tree(JSON_NODE);
    }
  }

  private static String plainKey(String jsonName, ObjectNode taken) {
    if (jsonName.matches("[A-Za-z0-9_-]+")) {
      return jsonName;
    }
    String key = jsonName.replaceAll("[^A-Za-z0-9_-]", "_");
    while (taken.has(key)) {
      key = key + "_";
    }
    return key;
  }

  /** Puts the real JSON names back where jsonschema2pojo wrote a plain key. */
  private void restoreJsonNames() {
    for (Iterator<JPackage> packages = model.packages(); packages.hasNext(); ) {
      for (Iterator<JDefinedClass> classes = packages.next().classes(); classes.hasNext(); ) {
        JDefinedClass definedClass = classes.next();
        Map<String, String> names = renamed.get(definedClass.fullName());
        if (names == null) {
          continue;
        }
        List<JAnnotationUse> uses = new ArrayList<>();
        definedClass.fields().values().forEach(field -> uses.addAll(field.annotations()));
        definedClass.methods().forEach(method -> uses.addAll(method.annotations()));
        for (JAnnotationUse use : uses) {
          if (use.getAnnotationClass().name().equals("JsonProperty")) {
            String key = literal(use.getAnnotationMembers().get("value"));
            if (names.containsKey(key)) {
              use.param("value", names.get(key));
            }
          }
        }
        for (JAnnotationUse use : definedClass.annotations()) {
          if (use.getAnnotationClass().name().equals("JsonPropertyOrder")) {
            JAnnotationArrayMember replaced = use.paramArray("value");
            propertyOrder.get(definedClass.fullName()).forEach(replaced::param);
          }
        }
      }
    }
  }

  /** The string a code-model annotation value holds, e.g. {@code "zip code"} for {@code @JsonProperty("zip code")}. */
  private static String literal(JAnnotationValue value) {
    StringWriter text = new StringWriter();
    value.generate(new JFormatter(text));
    String quoted = text.toString().trim();
    return quoted.substring(1, quoted.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
  }

  private static TypedShape existing(ObjectNode node, AirbyteType type, ClassName javaType) {
    node.put("existingJavaType", javaType.canonicalName());
    return new TypedShape.Scalar(type, javaType);
  }

  private static String capitalize(String name) {
    String plain = name.startsWith("_") ? name.substring(1) : name;
    return plain.isEmpty() ? "Value" : Character.toUpperCase(plain.charAt(0)) + plain.substring(1);
  }

  /** Adds the prepared stream's classes to the code model. */
  public void generate(Prepared prepared) throws IOException {
    ClassName root = prepared.root().className();
    mapper.generate(model, root.simpleName(), root.packageName(), prepared.normalized().toString());
    restoreJsonNames();
  }

  /** Writes every class generated so far through the Filer, each stamped {@code @Generated}. */
  public void write(Filer filer, Element origin, String from) throws IOException {
    JClass generated = model.ref("javax.annotation.processing.Generated");
    for (Iterator<JPackage> packages = model.packages(); packages.hasNext(); ) {
      for (Iterator<JDefinedClass> classes = packages.next().classes(); classes.hasNext(); ) {
        JDefinedClass definedClass = classes.next();
        definedClass.annotate(generated).param("value", GENERATED);
        definedClass.javadoc().add("Generated by destkit with jsonschema2pojo from " + from
            + ". Do not edit: change the schema and rebuild.");
      }
    }
    model.build(new FilerCodeWriter(filer, origin));
  }
}

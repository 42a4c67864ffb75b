package io.destkit.processor.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.sun.codemodel.JCodeModel;
import io.destkit.processor.model.RecordClassSettings;
import io.destkit.processor.model.StreamModel.RecordShape;
import io.destkit.processor.model.TypedShape;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.types.JsonSchemas;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsonschema2pojo.util.NameHelper;

/**
 * Reads a typed stream's schema into the record classes it makes: read first with the runtime's own type model, then
 * rewritten into a schema jsonschema2pojo maps exactly: integers as {@code Long}, numbers as {@code BigDecimal}, dates
 * and times as java.time types (Airbyte's {@code airbyte_type} and v1 {@code $ref}s included), binary as
 * {@code byte[]}, unions and schemaless values as {@code JsonNode}, and every nested object as a class named after the
 * record and its path, so that no two streams' classes clash. Fields are named as jsonschema2pojo will name them, so
 * that two properties that would become one field are known before anything is generated.
 */
final class RecordShapes {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
  /** The field jsonschema2pojo adds for unknown properties: no property may take its name. */
  private static final String ADDITIONAL_PROPERTIES = "additionalProperties";

  private final NameHelper names = new NameHelper(RecordClassSettings.CONFIG);
  /** Only for the getter names jsonschema2pojo gives, which depend on a field's type. */
  private final JCodeModel model = new JCodeModel();
  private final Map<String, Map<String, String>> renamed = new LinkedHashMap<>();
  private final Map<String, List<String>> propertyOrder = new LinkedHashMap<>();

  private RecordShapes() {}

  /** The record classes of a stream's schema, rooted at {@code root}. */
  static RecordShape of(JsonNode streamSchema, ClassName root) {
    return new RecordShapes().shape(streamSchema, root);
  }

  private RecordShape shape(JsonNode streamSchema, ClassName root) {
    AirbyteType.ObjectType type = JsonSchemas.parseStream(streamSchema);
    List<String> collisions = new ArrayList<>();
    ObjectNode normalized = JSON.objectNode();
    TypedShape.TypedObject object = object(type, root, "", normalized, collisions);
    Map<String, Map<String, String>> renamedCopy = new LinkedHashMap<>();
    renamed.forEach((name, keys) -> renamedCopy.put(name, Map.copyOf(keys)));
    Map<String, List<String>> orderCopy = new LinkedHashMap<>();
    propertyOrder.forEach((name, order) -> orderCopy.put(name, List.copyOf(order)));
    return new RecordShape(object, normalized.toString(), java.util.Collections.unmodifiableMap(renamedCopy),
        java.util.Collections.unmodifiableMap(orderCopy), List.copyOf(collisions));
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
    return switch (type.kind()) {
      case STRING -> {
        node.put("type", "string");
        yield new TypedShape.Scalar(type, ClassName.get(String.class));
      }
      case BOOLEAN -> existing(node, type, ClassName.get(Boolean.class));
      case INTEGER -> existing(node, type, ClassName.get(Long.class));
      case NUMBER -> existing(node, type, ClassName.get(BigDecimal.class));
      case DATE -> existing(node, type, ClassName.get(LocalDate.class));
      case TIMESTAMP_WITH_TIMEZONE -> existing(node, type, ClassName.get(OffsetDateTime.class));
      case TIMESTAMP_WITHOUT_TIMEZONE -> existing(node, type, ClassName.get(LocalDateTime.class));
      case TIME_WITH_TIMEZONE -> existing(node, type, ClassName.get(OffsetTime.class));
      case TIME_WITHOUT_TIMEZONE -> existing(node, type, ClassName.get(LocalTime.class));
      case BINARY -> {
        node.put("type", "string");
        node.putObject("media").put("binaryEncoding", "base64");
        yield new TypedShape.Scalar(type, ArrayTypeName.of(TypeName.BYTE));
      }
      case ARRAY -> {
        node.put("type", "array");
        ObjectNode items = node.putObject("items");
        TypedShape itemShape = shape(((AirbyteType.ArrayType) type).items(), nestedName.peerClass(
            nestedName.simpleName() + "Item"), fieldPath, items, collisions);
        yield new TypedShape.ListOf(itemShape,
            ParameterizedTypeName.get(ClassName.get(List.class), itemShape.javaType()));
      }
      case OBJECT -> {
        AirbyteType.ObjectType object = (AirbyteType.ObjectType) type;
        yield object.isSchemaless() ? tree(node)
            : new TypedShape.Nested(object(object, nestedName, fieldPath + ".", node, collisions));
      }
      case UNION, UNKNOWN -> tree(node);
    };
  }

  /** A value kept as a Jackson tree: unions and schemaless values. */
  private static TypedShape tree(ObjectNode node) {
    node.put("existingJavaType", JSON_NODE.canonicalName());
    return new TypedShape.Tree(JSON_NODE);
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

  private static TypedShape existing(ObjectNode node, AirbyteType type, ClassName javaType) {
    node.put("existingJavaType", javaType.canonicalName());
    return new TypedShape.Scalar(type, javaType);
  }

  private static String capitalize(String name) {
    String plain = name.startsWith("_") ? name.substring(1) : name;
    return plain.isEmpty() ? "Value" : Character.toUpperCase(plain.charAt(0)) + plain.substring(1);
  }

}

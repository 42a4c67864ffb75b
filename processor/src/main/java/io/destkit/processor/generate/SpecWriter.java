package io.destkit.processor.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.processor.model.ChoiceModel;
import io.destkit.processor.model.ConfigModel;
import io.destkit.processor.model.ConfigType;
import io.destkit.processor.model.ConfigType.ObjectType;
import io.destkit.processor.model.ConnectorModel;
import io.destkit.processor.model.PropertyModel;
import io.destkit.processor.model.ScalarValues;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes the connector's ConnectorSpecification: {@code connectionSpecification} as JSON Schema draft-07 with the
 * platform's UI hints, and the connector's attributes around it.
 */
public final class SpecWriter {
  /** Where the spec goes in the jar; the runtime's {@code DestinationDefinition.SPEC_RESOURCE} without the slash. */
  public static final String RESOURCE = "META-INF/destkit/spec.json";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The spec, pretty-printed with a final newline, identical on every build. */
  public String write(ConnectorModel connector) throws java.io.IOException {
    return PrettyJson.write(spec(connector));
  }

  /** The ConnectorSpecification as a tree. */
  public ObjectNode spec(ConnectorModel connector) {
    ObjectNode spec = JSON.objectNode();
    spec.put("documentationUrl", connector.documentationUrl().value());
    spec.set("connectionSpecification", connectionSpecification(connector.config()));
    List<String> modes = connector.supportedModes();
    if (modes.contains("append") || modes.contains("append_dedup")) {
      spec.put("supportsIncremental", true);
    }
    ArrayNode supported = spec.putArray("supported_destination_sync_modes");
    modes.forEach(supported::add);
    return spec;
  }

  private ObjectNode connectionSpecification(ConfigModel config) {
    ObjectNode schema = JSON.objectNode();
    schema.put("$schema", "http://json-schema.org/draft-07/schema#");
    if (!config.title().value().isEmpty()) {
      schema.put("title", config.title().value());
    }
    if (!config.description().value().isEmpty()) {
      schema.put("description", config.description().value());
    }
    objectBody(schema, config.root(), null, null);
    schema.put("additionalProperties", true);
    if (!config.groups().isEmpty()) {
      ArrayNode groups = schema.putArray("groups");
      for (ConfigModel.GroupModel group : config.groups()) {
        groups.addObject().put("id", group.id().value()).put("title", group.title());
      }
    }
    return schema;
  }

  /** Adds type, required and properties of an object; a choice adds its discriminator first. */
  private void objectBody(ObjectNode schema, ObjectType object, String discriminator, String constant) {
    schema.put("type", "object");
    ArrayNode required = JSON.arrayNode();
    ObjectNode properties = JSON.objectNode();
    if (discriminator != null) {
      required.add(discriminator);
      properties.putObject(discriminator).put("type", "string").put("const", constant);
    }
    boolean autoOrder = object.properties().stream().allMatch(p -> p.order().value() < 0);
    List<PropertyModel> all = object.properties();
    for (int i = 0; i < all.size(); i++) {
      PropertyModel property = all.get(i);
      if (property.required()) {
        required.add(property.name());
      }
      properties.set(property.name(), property(property, autoOrder ? i : property.order().value()));
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    schema.set("properties", properties);
  }

  private ObjectNode property(PropertyModel property, int order) {
    ObjectNode schema = JSON.objectNode();
    if (!property.title().value().isEmpty()) {
      schema.put("title", property.title().value());
    }
    if (!property.description().value().isEmpty()) {
      schema.put("description", property.description().value());
    }
    type(schema, property.type());
    if (property.range() != null) {
      bound(schema, "minimum", property.range().min());
      bound(schema, "maximum", property.range().max());
    }
    if (property.pattern() != null) {
      schema.put("pattern", property.pattern().regex().value());
      if (!property.pattern().descriptor().isEmpty()) {
        schema.put("pattern_descriptor", property.pattern().descriptor());
      }
    }
    if (property.secret()) {
      schema.put("airbyte_secret", true);
    }
    if (property.multiline().value()) {
      schema.put("multiline", true);
    }
    if (order >= 0) {
      schema.put("order", order);
    }
    if (!property.group().value().isEmpty()) {
      schema.put("group", property.group().value());
    }
    if (property.alwaysShow().value()) {
      schema.put("always_show", true);
    }
    if (!property.exampleTexts().isEmpty()) {
      ArrayNode examples = schema.putArray("examples");
      property.exampleTexts().forEach(example -> examples.add(value(property.type(), example)));
    }
    if (property.defaultText() != null) {
      schema.set("default", value(property.type(), property.defaultText()));
    }
    return schema;
  }

  private void type(ObjectNode schema, ConfigType type) {
    if (type instanceof ConfigType.ScalarType scalar) {
      schema.put("type", scalar.scalar().schemaType());
    } else if (type instanceof ConfigType.EnumType enumType) {
      schema.put("type", "string");
      ArrayNode values = schema.putArray("enum");
      enumType.values().forEach(values::add);
    } else if (type instanceof ConfigType.ListType list) {
      schema.put("type", "array");
      type(schema.putObject("items"), list.items());
    } else if (type instanceof ObjectType object) {
      objectBody(schema, object, null, null);
    } else if (type instanceof ConfigType.OneOfType oneOf) {
      schema.put("type", "object");
      ArrayNode choices = schema.putArray("oneOf");
      for (ChoiceModel choice : oneOf.choices()) {
        ObjectNode option = choices.addObject();
        option.put("title", choice.title());
        if (!choice.description().value().isEmpty()) {
          option.put("description", choice.description().value());
        }
        objectBody(option, choice.object(), oneOf.discriminator(), choice.value().value());
      }
    } else {
      throw new IllegalStateException("Unsupported types do not reach the writers: " + type);
    }
  }

  private static void bound(ObjectNode schema, String name, double value) {
    if (Double.isInfinite(value)) {
      return;
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      schema.put(name, (long) value);
    } else {
      schema.put(name, value);
    }
  }

  /** The annotation text as the JSON value of the property's type. */
  private static JsonNode value(ConfigType type, String text) {
    Object value = ScalarValues.parse(type, text);
    if (value instanceof Boolean b) {
      return JSON.booleanNode(b);
    } else if (value instanceof Long l) {
      return JSON.numberNode(l);
    } else if (value instanceof BigDecimal d) {
      return JSON.numberNode(d);
    }
    return JSON.textNode((String) value);
  }
}

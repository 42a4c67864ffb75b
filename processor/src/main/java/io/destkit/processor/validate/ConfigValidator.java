package io.destkit.processor.validate;

import io.destkit.processor.Message;
import io.destkit.processor.model.Attribute;
import io.destkit.processor.model.ChoiceModel;
import io.destkit.processor.model.ConfigModel;
import io.destkit.processor.model.ConfigType;
import io.destkit.processor.model.ConfigType.ObjectType;
import io.destkit.processor.model.ConfigType.UnsupportedType;
import io.destkit.processor.model.Problem;
import io.destkit.processor.model.PropertyModel;
import io.destkit.processor.model.ScalarValues;
import io.destkit.processor.model.Site;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/** Stage two for a {@code @ConnectorConfig}: every property of every object in it, each object once. */
final class ConfigValidator {
  private final ConfigModel config;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> visited = new HashSet<>();

  ConfigValidator(ConfigModel config) {
    this.config = config;
  }

  List<Problem> validate() {
    Set<String> groupIds = new HashSet<>();
    for (ConfigModel.GroupModel group : config.groups()) {
      if (!groupIds.add(group.id().value())) {
        problems.add(Problem.of(Message.GROUP_DUPLICATE, group.id().site(), group.id().value()));
      }
    }
    object(config.root(), true);
    rejectedRecords();
    return problems;
  }

  private void object(ObjectType object, boolean topLevel) {
    if (!visited.add(object.className().canonicalName())) {
      return;
    }
    if (!object.construction().possible()) {
      problems.add(Problem.of(Message.CONFIG_CONSTRUCT, Site.of(object.element()), object.className().simpleName(),
          object.construction().reason()));
    }
    Map<String, PropertyModel> byName = new HashMap<>();
    Map<Integer, PropertyModel> byOrder = new HashMap<>();
    boolean toStringReported = false;
    for (PropertyModel property : object.properties()) {
      PropertyModel sameName = byName.putIfAbsent(property.name(), property);
      if (sameName != null) {
        problems.add(Problem.of(Message.PROPERTY_DUPLICATE, property.jsonName().site(),
            object.className().simpleName(), property.name()));
      }
      int order = property.order().value();
      if (order >= 0) {
        PropertyModel sameOrder = byOrder.putIfAbsent(order, property);
        if (sameOrder != null) {
          problems.add(Problem.of(Message.ORDER_DUPLICATE, property.order().site(), sameOrder.javaName(),
              property.javaName(), object.className().simpleName(), order));
        }
      } else if (order < -1) {
        problems.add(Problem.of(Message.ORDER_NEGATIVE, property.order().site(), order));
      }
      String group = property.group().value();
      if (!group.isEmpty()) {
        if (!topLevel) {
          problems.add(Problem.of(Message.GROUP_NESTED, property.group().site(), group, property.javaName()));
        } else if (config.groups().stream().noneMatch(g -> g.id().value().equals(group))) {
          problems.add(Problem.of(Message.GROUP_UNKNOWN, property.group().site(), group, property.javaName(),
              group));
        }
      }
      if (object.isRecord() && property.secret() && !object.declaresToString() && !toStringReported) {
        toStringReported = true;
        problems.add(Problem.of(Message.SECRET_TOSTRING, Site.of(object.element()), object.className().simpleName(),
            property.javaName()));
      }
      property(property);
    }
  }

  private void property(PropertyModel property) {
    if (property.jsonName().written() && property.name().isBlank()) {
      problems.add(Problem.of(Message.PROPERTY_NAME, property.jsonName().site()));
    }
    ConfigType type = property.type();
    ConfigType item = type;
    while (item instanceof ConfigType.ListType list) {
      item = list.items();
    }
    if (item instanceof UnsupportedType unsupported) {
      unsupported(property, unsupported);
      return;
    }
    boolean primitive = type instanceof ConfigType.ScalarType scalar && scalar.primitive();
    if (primitive && property.defaultText() == null && !property.requiredAttribute().value()) {
      problems.add(Problem.of(Message.OPTIONAL_PRIMITIVE, property.requiredAttribute().site(), property.javaName(),
          type.describe()));
    }
    boolean isString = type instanceof ConfigType.ScalarType scalar && scalar.scalar() == ConfigType.Scalar.STRING;
    boolean isNumber = type instanceof ConfigType.ScalarType scalar && scalar.scalar().isNumeric();
    if (property.secret() && !isString) {
      problems.add(Problem.of(Message.SECRET_TYPE, Site.of(property.element(), property.secretAnnotation()),
          property.javaName(), property.javaType()));
    }
    java.util.regex.Pattern pattern = pattern(property, isString);
    boolean rangeOk = range(property, isNumber);
    if (property.defaultText() != null) {
      defaultValue(property, pattern, rangeOk);
    }
    examples(property);
    nested(type);
  }

  /** Rejected-records settings: one top-level property the generated Main can read; none deeper. */
  private void rejectedRecords() {
    PropertyModel first = null;
    for (PropertyModel property : config.root().properties()) {
      if (!property.rejectedRecords()) {
        continue;
      }
      if (property.readAccess() == null) {
        problems.add(Problem.of(Message.REJECTED_RECORDS_PLACE, Site.of(property.element()), property.javaName(),
            property.javaType(), "the generated code cannot read it (it is private and has no getter)"));
      } else if (first != null) {
        problems.add(Problem.of(Message.REJECTED_RECORDS_TWICE, Site.of(property.element()), first.javaName(),
            property.javaName()));
      } else {
        first = property;
      }
    }
    Set<String> seen = new HashSet<>();
    for (PropertyModel property : config.root().properties()) {
      nestedRejectedRecords(property.type(), seen);
    }
  }

  private void nestedRejectedRecords(ConfigType type, Set<String> seen) {
    if (type instanceof ObjectType object) {
      if (!seen.add(object.className().canonicalName())) {
        return;
      }
      for (PropertyModel property : object.properties()) {
        if (property.rejectedRecords()) {
          problems.add(Problem.of(Message.REJECTED_RECORDS_PLACE, Site.of(property.element()), property.javaName(),
              property.javaType(), "it is nested in " + object.className().simpleName()));
        }
        nestedRejectedRecords(property.type(), seen);
      }
    } else if (type instanceof ConfigType.ListType list) {
      nestedRejectedRecords(list.items(), seen);
    } else if (type instanceof ConfigType.OneOfType oneOf) {
      oneOf.choices().forEach(choice -> nestedRejectedRecords(choice.object(), seen));
    }
  }

  private void nested(ConfigType type) {
    if (type instanceof ObjectType object) {
      object(object, false);
    } else if (type instanceof ConfigType.ListType list) {
      nested(list.items());
    } else if (type instanceof ConfigType.OneOfType oneOf) {
      oneOf(oneOf);
    }
  }

  private void unsupported(PropertyModel property, UnsupportedType unsupported) {
    Site site = Site.of(property.element());
    problems.add(switch (unsupported.reason()) {
      case CYCLE -> Problem.of(Message.CONFIG_CYCLE, site, unsupported.typeName(), property.javaName());
      case NOT_ONE_OF -> Problem.of(Message.ONEOF_NOT_SEALED, site, unsupported.typeName());
      case UNSUPPORTED -> Problem.of(Message.TYPE_UNSUPPORTED, site, property.javaName(), unsupported.typeName());
    });
  }

  private java.util.regex.Pattern pattern(PropertyModel property, boolean isString) {
    PropertyModel.PatternModel pattern = property.pattern();
    if (pattern == null) {
      return null;
    }
    Site site = pattern.regex().site();
    if (!isString) {
      problems.add(Problem.of(Message.PATTERN_TYPE, site, property.javaName(), property.javaType()));
      return null;
    }
    try {
      return java.util.regex.Pattern.compile(pattern.regex().value());
    } catch (PatternSyntaxException e) {
      problems.add(Problem.of(Message.PATTERN_INVALID, site, property.javaName(),
          e.getDescription() + " near index " + e.getIndex()));
      return null;
    }
  }

  /** Whether the range may be used to check the default. */
  private boolean range(PropertyModel property, boolean isNumber) {
    PropertyModel.RangeModel range = property.range();
    if (range == null) {
      return true;
    }
    if (!isNumber) {
      problems.add(Problem.of(Message.RANGE_TYPE, Site.of(property.element(), range.annotation()),
          property.javaName(), property.javaType()));
      return false;
    }
    if (range.min() > range.max()) {
      problems.add(Problem.of(Message.RANGE_EMPTY, Site.of(property.element(), range.annotation()),
          property.javaName(), number(range.min()), number(range.max())));
      return false;
    }
    return true;
  }

  private void defaultValue(PropertyModel property, java.util.regex.Pattern pattern, boolean rangeOk) {
    Site site = property.defaultValue().site();
    String text = property.defaultText();
    ConfigType type = property.type();
    if (!ScalarValues.isWritable(type)) {
      problems.add(Problem.of(Message.DEFAULT_TYPE, site, text, property.javaName(), type.describe(),
          "Only strings, numbers, booleans and enums take a default; leave it out."));
      return;
    }
    Object value;
    try {
      value = ScalarValues.parse(type, text);
    } catch (IllegalArgumentException e) {
      problems.add(Problem.of(Message.DEFAULT_TYPE, site, text, property.javaName(), type.describe(), e.getMessage()));
      return;
    }
    if (type instanceof ConfigType.EnumType enumType && !enumType.values().contains(text)) {
      problems.add(Problem.of(Message.DEFAULT_ENUM, site, text, property.javaName(),
          String.join(", ", enumType.values())));
    }
    PropertyModel.RangeModel range = property.range();
    if (rangeOk && range != null && value instanceof Number number && outside(number, range)) {
      problems.add(Problem.of(Message.DEFAULT_RANGE, site, text, property.javaName(), number(range.min()),
          number(range.max())));
    }
    if (pattern != null && !pattern.matcher(text).find()) {
      problems.add(Problem.of(Message.DEFAULT_PATTERN, site, text, property.javaName(), pattern.pattern()));
    }
  }

  private void examples(PropertyModel property) {
    if (property.examples().isEmpty() || !ScalarValues.isWritable(property.type())) {
      return;
    }
    for (Attribute<String> example : property.examples()) {
      try {
        ScalarValues.parse(property.type(), example.value());
      } catch (IllegalArgumentException e) {
        problems.add(Problem.of(Message.EXAMPLE_TYPE, example.site(), example.value(), property.javaName(),
            property.type().describe()));
      }
    }
  }

  private void oneOf(ConfigType.OneOfType oneOf) {
    if (!visited.add(oneOf.className().canonicalName())) {
      return;
    }
    Site interfaceSite = Site.of(oneOf.element(), oneOf.annotation());
    if (oneOf.discriminator().isBlank()) {
      problems.add(Problem.of(Message.ONEOF_DISCRIMINATOR, interfaceSite, oneOf.className().simpleName()));
    }
    if (oneOf.choices().isEmpty()) {
      problems.add(Problem.of(Message.ONEOF_EMPTY, interfaceSite, oneOf.className().simpleName()));
    }
    Map<String, ChoiceModel> byValue = new HashMap<>();
    for (ChoiceModel choice : oneOf.choices()) {
      if (choice.annotation() == null) {
        problems.add(Problem.of(Message.CHOICE_MISSING, Site.of(choice.element()), choice.className().simpleName(),
            oneOf.className().simpleName(), oneOf.discriminator()));
      } else if (choice.value().value().isEmpty()) {
        problems.add(Problem.of(Message.CHOICE_EMPTY, choice.value().site(), choice.className().simpleName()));
      } else {
        ChoiceModel same = byValue.putIfAbsent(choice.value().value(), choice);
        if (same != null) {
          problems.add(Problem.of(Message.CHOICE_DUPLICATE, choice.value().site(), choice.value().value(),
              choice.className().simpleName(), same.className().simpleName(), oneOf.className().simpleName()));
        }
      }
      for (PropertyModel property : choice.object().properties()) {
        if (property.name().equals(oneOf.discriminator())) {
          problems.add(Problem.of(Message.CHOICE_DISCRIMINATOR_CLASH, Site.of(property.element()),
              property.name(), choice.className().simpleName(), oneOf.className().simpleName()));
        }
      }
      object(choice.object(), false);
    }
  }

  private static boolean outside(Number value, PropertyModel.RangeModel range) {
    BigDecimal v = value instanceof BigDecimal d ? d : BigDecimal.valueOf(value.longValue());
    return (!Double.isInfinite(range.min()) && v.compareTo(new BigDecimal(range.min())) < 0)
        || (!Double.isInfinite(range.max()) && v.compareTo(new BigDecimal(range.max())) > 0);
  }

  private static String number(double value) {
    if (Double.isInfinite(value)) {
      return value > 0 ? "+inf" : "-inf";
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }
}

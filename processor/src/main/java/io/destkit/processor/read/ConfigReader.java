package io.destkit.processor.read;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.sun.source.util.Trees;
import io.destkit.annotations.Choice;
import io.destkit.annotations.ConnectorConfig;
import io.destkit.annotations.EnumValue;
import io.destkit.annotations.OneOf;
import io.destkit.annotations.Pattern;
import io.destkit.annotations.Property;
import io.destkit.annotations.Range;
import io.destkit.annotations.Secret;
import io.destkit.processor.model.Attribute;
import io.destkit.processor.model.ChoiceModel;
import io.destkit.processor.model.ConfigModel;
import io.destkit.processor.model.ConfigType;
import io.destkit.processor.model.ConfigType.EnumConstant;
import io.destkit.processor.model.ConfigType.ObjectType;
import io.destkit.processor.model.ConfigType.UnsupportedType.Reason;
import io.destkit.processor.model.Construction;
import io.destkit.processor.model.PropertyModel;
import io.destkit.processor.model.PropertyModel.Assignment;
import io.destkit.processor.model.Site;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Reads a {@code @ConnectorConfig} class into the model: its objects, properties and their types, one-of choices and
 * enums, and how generated code can construct each object. Part of the read stage: it judges nothing.
 */
final class ConfigReader {
  private static final Set<String> BOXES = Set.of(
      "java.lang.Boolean", "java.lang.Integer", "java.lang.Long", "java.lang.Double");

  /** The runtime's interface of rejected-records settings, by name: a property of such a type turns the option on. */
  static final String REJECTED_RECORDS_SETTINGS = "io.destkit.runtime.rejected.RejectedRecordsSettings";

  private final Types types;
  private final Trees trees;
  /** The settings interface, or null when the runtime is not on the class path. */
  private final TypeMirror rejectedRecordsSettings;

  ConfigReader(ProcessingEnvironment env) {
    this.types = env.getTypeUtils();
    this.trees = treesOf(env);
    TypeElement settings = env.getElementUtils().getTypeElement(REJECTED_RECORDS_SETTINGS);
    this.rejectedRecordsSettings = settings == null ? null : settings.asType();
  }

  /** javac's trees, or null under another compiler. */
  private static Trees treesOf(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Reads a {@code @ConnectorConfig} class. */
  ConfigModel readConfig(TypeElement element) {
    AnnotationMirror mirror = Annotations.mirror(element, ConnectorConfig.class);
    List<ConfigModel.GroupModel> groups = new ArrayList<>();
    for (AnnotationValue group : Annotations.list(mirror, "groups")) {
      AnnotationMirror groupMirror = (AnnotationMirror) group.getValue();
      Site entry = new Site(element, mirror, group);
      Attribute<String> id = Annotations.attribute(entry, groupMirror, "id", String.class);
      String title = Annotations.attribute(entry, groupMirror, "title", String.class).value();
      groups.add(new ConfigModel.GroupModel(id, title.isEmpty() ? id.value() : title));
    }
    ObjectType root = readObject(element, new ArrayDeque<>());
    return new ConfigModel(element, mirror, Annotations.attribute(element, mirror, "title", String.class),
        Annotations.attribute(element, mirror, "description", String.class), List.copyOf(groups), root);
  }

  /** How generated code in the element's package can create an instance with no arguments. */
  Construction construction(TypeElement element) {
    Construction reachable = reachable(element);
    if (!reachable.possible()) {
      return reachable;
    }
    if (element.getModifiers().contains(Modifier.ABSTRACT) || element.getKind() != ElementKind.CLASS) {
      return Construction.impossible("it is not a concrete class");
    }
    for (ExecutableElement constructor : ElementFilter.constructorsIn(element.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty() && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
        return Construction.of(Construction.Kind.NO_ARG_CONSTRUCTOR);
      }
    }
    return Construction.impossible("it has no non-private constructor without parameters");
  }

  /** Whether code in the element's package can name the type and create it without an enclosing instance. */
  static Construction reachable(TypeElement element) {
    for (Element e = element; e instanceof TypeElement type; e = e.getEnclosingElement()) {
      if (type.getModifiers().contains(Modifier.PRIVATE)) {
        return Construction.impossible(type.getSimpleName() + " is private");
      }
      if (type.getNestingKind() == NestingKind.MEMBER && type.getKind() == ElementKind.CLASS
          && !type.getModifiers().contains(Modifier.STATIC)) {
        return Construction.impossible(type.getSimpleName() + " is an inner class; make it static");
      }
      if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
        return Construction.impossible("it is a local class");
      }
    }
    return Construction.of(Construction.Kind.NO_ARG_CONSTRUCTOR);
  }

  private ObjectType readObject(TypeElement element, Deque<String> enclosing) {
    String name = element.getQualifiedName().toString();
    enclosing.push(name);
    try {
      boolean isRecord = element.getKind() == ElementKind.RECORD;
      List<PropertyModel> properties = isRecord ? recordProperties(element, enclosing) : classProperties(element, enclosing);
      Construction construction = isRecord ? recordConstruction(element) : classConstruction(element, properties);
      boolean declaresToString = ElementFilter.methodsIn(element.getEnclosedElements()).stream()
          .anyMatch(m -> m.getSimpleName().contentEquals("toString") && m.getParameters().isEmpty()
              && written(element, m));
      return new ObjectType(ClassName.get(element), element, isRecord, construction, properties, declaresToString);
    } finally {
      enclosing.pop();
    }
  }

  /**
   * Whether the author wrote {@code method}. javac lists the toString() it generates for a record among the record's
   * members, as if written; only the source tree tells them apart. In a type read from a class file, or without
   * javac's trees, every method counts as written.
   */
  private boolean written(TypeElement owner, ExecutableElement method) {
    return trees == null || trees.getTree(owner) == null || trees.getTree(method) != null;
  }

  private Construction recordConstruction(TypeElement element) {
    Construction reachable = reachable(element);
    if (!reachable.possible()) {
      return reachable;
    }
    int components = element.getRecordComponents().size();
    for (ExecutableElement constructor : ElementFilter.constructorsIn(element.getEnclosedElements())) {
      if (constructor.getParameters().size() == components && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
        return Construction.of(Construction.Kind.CANONICAL_CONSTRUCTOR);
      }
    }
    return Construction.impossible("its canonical constructor is private");
  }

  private Construction classConstruction(TypeElement element, List<PropertyModel> properties) {
    Construction construction = construction(element);
    if (!construction.possible()) {
      return construction;
    }
    for (PropertyModel property : properties) {
      if (property.assignment().kind() == Assignment.Kind.NONE) {
        return Construction.impossible("field '" + property.javaName()
            + "' is private or final and has no setter " + setterName(property.javaName()));
      }
    }
    return construction;
  }

  private List<PropertyModel> recordProperties(TypeElement element, Deque<String> enclosing) {
    List<PropertyModel> properties = new ArrayList<>();
    for (RecordComponentElement component : element.getRecordComponents()) {
      properties.add(readProperty(component, component.asType(),
          new Assignment(Assignment.Kind.CONSTRUCTOR_ARGUMENT, ""), enclosing));
    }
    return List.copyOf(properties);
  }

  private List<PropertyModel> classProperties(TypeElement element, Deque<String> enclosing) {
    List<PropertyModel> properties = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(element.getEnclosedElements())) {
      Set<Modifier> modifiers = field.getModifiers();
      if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.TRANSIENT)) {
        continue;
      }
      properties.add(readProperty(field, field.asType(), assignment(element, field), enclosing));
    }
    return List.copyOf(properties);
  }

  private Assignment assignment(TypeElement owner, VariableElement field) {
    Set<Modifier> modifiers = field.getModifiers();
    String name = field.getSimpleName().toString();
    if (!modifiers.contains(Modifier.PRIVATE) && !modifiers.contains(Modifier.FINAL)) {
      return new Assignment(Assignment.Kind.FIELD, name);
    }
    String setter = setterName(name);
    for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      if (method.getSimpleName().contentEquals(setter) && method.getParameters().size() == 1
          && !method.getModifiers().contains(Modifier.PRIVATE) && !method.getModifiers().contains(Modifier.STATIC)
          && types.isSameType(method.getParameters().get(0).asType(), field.asType())) {
        return new Assignment(Assignment.Kind.SETTER, setter);
      }
    }
    return new Assignment(Assignment.Kind.NONE, "");
  }

  private static String setterName(String field) {
    return "set" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
  }

  private PropertyModel readProperty(Element element, TypeMirror type, Assignment assignment, Deque<String> enclosing) {
    String javaName = element.getSimpleName().toString();
    AnnotationMirror property = Annotations.mirror(element, Property.class);
    AnnotationMirror secret = Annotations.mirror(element, Secret.class);
    AnnotationMirror rangeMirror = Annotations.mirror(element, Range.class);
    AnnotationMirror patternMirror = Annotations.mirror(element, Pattern.class);
    PropertyAttributes attributes = new PropertyAttributes(element, property);
    Attribute<String> name = attributes.string("name");
    Attribute<String> defaultValue = attributes.string("defaultValue");
    PropertyModel.RangeModel range = rangeMirror == null ? null
        : new PropertyModel.RangeModel(rangeMirror, Annotations.attribute(element, rangeMirror, "min", Double.class)
            .value(), Annotations.attribute(element, rangeMirror, "max", Double.class).value());
    PropertyModel.PatternModel pattern = patternMirror == null ? null
        : new PropertyModel.PatternModel(patternMirror,
            Annotations.attribute(element, patternMirror, "value", String.class),
            Annotations.attribute(element, patternMirror, "descriptor", String.class).value());
    ConfigType configType = readType(type, javaName, enclosing);
    return new PropertyModel(element, javaName,
        new Attribute<>(name.written() ? name.value() : javaName, name.written(), name.site()), TypeName.get(type),
        configType, property, attributes.string("title"), attributes.string("description"),
        attributes.attribute("order", Integer.class, -1), attributes.examples(),
        new Attribute<>(defaultValue.written() ? defaultValue.value() : null, defaultValue.written(),
            defaultValue.site()),
        attributes.attribute("required", Boolean.class, true), attributes.string("group"),
        attributes.attribute("alwaysShow", Boolean.class, false),
        attributes.attribute("multiline", Boolean.class, false), secret, range, pattern, assignment,
        rejectedRecordsSettings != null && type.getKind() == TypeKind.DECLARED
            && types.isAssignable(types.erasure(type), rejectedRecordsSettings),
        readAccess(element, assignment));
  }

  /**
   * How generated code in the config's package reads the property from an instance: {@code name()} for a record
   * component, {@code name} for a non-private field, {@code getName()} for a private field with a getter; null when
   * it cannot.
   */
  private static String readAccess(Element element, Assignment assignment) {
    String name = element.getSimpleName().toString();
    if (element.getKind() == ElementKind.RECORD_COMPONENT) {
      return name + "()";
    }
    if (assignment.kind() == Assignment.Kind.FIELD) {
      return name;
    }
    String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosingElement().getEnclosedElements())) {
      if (method.getSimpleName().contentEquals(getter) && method.getParameters().isEmpty()
          && !method.getModifiers().contains(Modifier.PRIVATE) && !method.getModifiers().contains(Modifier.STATIC)) {
        return getter + "()";
      }
    }
    return null;
  }

  /** The {@code @Property} attributes of an element, with their defaults when it has no {@code @Property}. */
  private record PropertyAttributes(Element element, AnnotationMirror mirror) {
    <T> Attribute<T> attribute(String name, Class<T> type, T absent) {
      return mirror == null ? Attribute.absent(absent, Site.of(element))
          : Annotations.attribute(element, mirror, name, type);
    }

    Attribute<String> string(String name) {
      return attribute(name, String.class, "");
    }

    List<Attribute<String>> examples() {
      return mirror == null ? List.of() : Annotations.strings(element, mirror, "examples");
    }
  }

  private ConfigType readType(TypeMirror type, String where, Deque<String> enclosing) {
    switch (type.getKind()) {
      case BOOLEAN:
        return new ConfigType.ScalarType(ConfigType.Scalar.BOOLEAN, true);
      case INT:
        return new ConfigType.ScalarType(ConfigType.Scalar.INT, true);
      case LONG:
        return new ConfigType.ScalarType(ConfigType.Scalar.LONG, true);
      case DOUBLE:
        return new ConfigType.ScalarType(ConfigType.Scalar.DOUBLE, true);
      case ERROR:
        throw new UnresolvedTypeException(type.toString(), where);
      case DECLARED:
        return readDeclared((DeclaredType) type, where, enclosing);
      default:
        return new ConfigType.UnsupportedType(type.toString(), Reason.UNSUPPORTED, null);
    }
  }

  private ConfigType readDeclared(DeclaredType type, String where, Deque<String> enclosing) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    switch (name) {
      case "java.lang.String":
        return new ConfigType.ScalarType(ConfigType.Scalar.STRING, false);
      case "java.lang.Boolean":
        return new ConfigType.ScalarType(ConfigType.Scalar.BOOLEAN, false);
      case "java.lang.Integer":
        return new ConfigType.ScalarType(ConfigType.Scalar.INT, false);
      case "java.lang.Long":
        return new ConfigType.ScalarType(ConfigType.Scalar.LONG, false);
      case "java.lang.Double":
        return new ConfigType.ScalarType(ConfigType.Scalar.DOUBLE, false);
      case "java.math.BigDecimal":
        return new ConfigType.ScalarType(ConfigType.Scalar.DECIMAL, false);
      case "java.util.List":
        if (type.getTypeArguments().size() != 1 || type.getTypeArguments().get(0).getKind() == TypeKind.WILDCARD) {
          return new ConfigType.UnsupportedType(type.toString(), Reason.UNSUPPORTED, null);
        }
        return new ConfigType.ListType(readType(type.getTypeArguments().get(0), where, enclosing));
      default:
        break;
    }
    if (BOXES.contains(name) || name.startsWith("java.") || name.startsWith("javax.")
        || !type.getTypeArguments().isEmpty() || !element.getTypeParameters().isEmpty()) {
      return new ConfigType.UnsupportedType(type.toString(), Reason.UNSUPPORTED, null);
    }
    switch (element.getKind()) {
      case ENUM:
        return readEnum(element);
      case INTERFACE:
      case RECORD:
      case CLASS:
        if (enclosing.contains(name)) {
          return new ConfigType.UnsupportedType(type.toString(), Reason.CYCLE, element);
        }
        return element.getKind() == ElementKind.INTERFACE
            ? readOneOf(element, type, where, enclosing)
            : readObject(element, enclosing);
      default:
        return new ConfigType.UnsupportedType(type.toString(), Reason.UNSUPPORTED, null);
    }
  }

  private ConfigType readEnum(TypeElement element) {
    List<EnumConstant> constants = new ArrayList<>();
    for (Element member : element.getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT) {
        AnnotationMirror value = Annotations.mirror(member, EnumValue.class);
        String javaName = member.getSimpleName().toString();
        constants.add(new EnumConstant(javaName,
            value == null ? javaName : Annotations.attribute(member, value, "value", String.class).value()));
      }
    }
    return new ConfigType.EnumType(ClassName.get(element), List.copyOf(constants));
  }

  private ConfigType readOneOf(TypeElement element, DeclaredType type, String where, Deque<String> enclosing) {
    AnnotationMirror oneOf = Annotations.mirror(element, OneOf.class);
    if (oneOf == null || !element.getModifiers().contains(Modifier.SEALED)) {
      return new ConfigType.UnsupportedType(type.toString(), Reason.NOT_ONE_OF, element);
    }
    List<ChoiceModel> choices = new ArrayList<>();
    enclosing.push(element.getQualifiedName().toString());
    try {
      readChoices(element, where, enclosing, choices);
    } finally {
      enclosing.pop();
    }
    return new ConfigType.OneOfType(ClassName.get(element), element, oneOf,
        Annotations.attribute(element, oneOf, "discriminator", String.class).value(), List.copyOf(choices));
  }

  private void readChoices(TypeElement element, String where, Deque<String> enclosing, List<ChoiceModel> choices) {
    for (TypeMirror permitted : element.getPermittedSubclasses()) {
      if (permitted.getKind() == TypeKind.ERROR) {
        throw new UnresolvedTypeException(permitted.toString(), where);
      }
      TypeElement choice = (TypeElement) types.asElement(permitted);
      AnnotationMirror choiceMirror = Annotations.mirror(choice, Choice.class);
      Attribute<String> value = choiceMirror == null ? Attribute.absent(null, Site.of(choice))
          : Annotations.attribute(choice, choiceMirror, "value", String.class);
      String title = choiceMirror == null ? "" : Annotations.attribute(choice, choiceMirror, "title", String.class)
          .value();
      Attribute<String> description = choiceMirror == null ? Attribute.absent("", Site.of(choice))
          : Annotations.attribute(choice, choiceMirror, "description", String.class);
      ObjectType object = readObject(choice, enclosing);
      choices.add(new ChoiceModel(choice, ClassName.get(choice), choiceMirror, value,
          title.isEmpty() && value.value() != null ? value.value() : title, description, object));
    }
  }
}

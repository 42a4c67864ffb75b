package io.destkit.processor.read;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.sun.source.util.Trees;
import io.destkit.annotations.BreakingChange;
import io.destkit.annotations.BreakingChanges;
import io.destkit.annotations.Check;
import io.destkit.annotations.Choice;
import io.destkit.annotations.ConnectorConfig;
import io.destkit.annotations.Destination;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.annotations.EnumValue;
import io.destkit.annotations.OnClose;
import io.destkit.annotations.OnCommit;
import io.destkit.annotations.OnRecords;
import io.destkit.annotations.OnStreamComplete;
import io.destkit.annotations.OnStreamStart;
import io.destkit.annotations.OneOf;
import io.destkit.annotations.Pattern;
import io.destkit.annotations.Property;
import io.destkit.annotations.Range;
import io.destkit.annotations.Secret;
import io.destkit.annotations.Stream;
import io.destkit.annotations.Streams;
import io.destkit.processor.model.BreakingChangeModel;
import io.destkit.processor.model.CheckModel;
import io.destkit.processor.model.ChoiceModel;
import io.destkit.processor.model.ConfigModel;
import io.destkit.processor.model.ConfigType;
import io.destkit.processor.model.ConfigType.EnumConstant;
import io.destkit.processor.model.ConfigType.ObjectType;
import io.destkit.processor.model.ConfigType.UnsupportedType.Reason;
import io.destkit.processor.model.ConnectorModel;
import io.destkit.processor.model.Construction;
import io.destkit.processor.model.HandlerModel;
import io.destkit.processor.model.PropertyModel;
import io.destkit.processor.model.Site;
import io.destkit.processor.model.StreamModel;
import io.destkit.processor.model.PropertyModel.Assignment;
import java.lang.annotation.Annotation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Stage one: turns annotated elements into the model. It judges nothing (validators do), but records the facts they
 * need. It throws {@link UnresolvedTypeException} when a type is not known yet.
 */
public final class ModelReader {
  private static final Set<String> BOXES = Set.of(
      "java.lang.Boolean", "java.lang.Integer", "java.lang.Long", "java.lang.Double");

  private final Types types;
  private final Elements elements;
  private final Trees trees;

  public ModelReader(ProcessingEnvironment env) {
    this.types = env.getTypeUtils();
    this.elements = env.getElementUtils();
    this.trees = treesOf(env);
  }

  /** javac's trees, or null under another compiler. */
  private static Trees treesOf(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Reads a {@code @Destination} class. */
  public ConnectorModel readConnector(TypeElement element) {
    AnnotationMirror mirror = Annotations.mirror(element, Destination.class);
    // javac gives a class literal it cannot resolve (yet) as the string "<error>", not as an error type.
    Object configValue = Annotations.value(mirror, "config").getValue();
    if (!(configValue instanceof TypeMirror configMirror) || configMirror.getKind() == TypeKind.ERROR) {
      String typeName = configValue instanceof TypeMirror ? configValue.toString() : "(unresolved class)";
      throw new UnresolvedTypeException(typeName, "@Destination config of " + element.getSimpleName());
    }
    // int.class or String[].class name no class: no element, and no config.
    TypeElement configElement = configMirror.getKind() == TypeKind.DECLARED
        ? (TypeElement) types.asElement(configMirror) : null;
    ConfigModel config = configElement == null || Annotations.mirror(configElement, ConnectorConfig.class) == null
        ? null : readConfig(configElement);
    List<CheckModel> checks = new ArrayList<>();
    List<HandlerModel> handlers = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
      if (Annotations.mirror(method, Check.class) != null) {
        checks.add(readCheck(method, configMirror));
      }
      for (HandlerModel.Kind kind : HandlerModel.Kind.values()) {
        AnnotationMirror handler = Annotations.mirror(method, HANDLER_ANNOTATIONS.get(kind));
        if (handler != null) {
          handlers.add(readHandler(kind, method, handler));
        }
      }
    }
    String name = Annotations.string(mirror, "name");
    String dockerRepository = Annotations.string(mirror, "dockerRepository");
    return new ConnectorModel(element, mirror, ClassName.get(element), name,
        Annotations.string(mirror, "title"), Annotations.string(mirror, "documentationUrl"), configElement, config,
        connectorConstruction(element, configMirror), List.copyOf(checks), List.copyOf(handlers),
        readStreams(element), dockerRepository.isEmpty() ? "destkit/" + name : dockerRepository,
        Annotations.string(mirror, "license"), readBreakingChanges(element));
  }

  /** The {@code @BreakingChange} declarations of a destination, repeated or not. */
  public static List<BreakingChangeModel> readBreakingChanges(Element element) {
    List<BreakingChangeModel> changes = new ArrayList<>();
    AnnotationMirror single = Annotations.mirror(element, BreakingChange.class);
    if (single != null) {
      changes.add(breakingChange(single, Site.of(element, single)));
    }
    AnnotationMirror container = Annotations.mirror(element, BreakingChanges.class);
    if (container != null) {
      for (AnnotationValue value : Annotations.list(container, "value")) {
        changes.add(breakingChange((AnnotationMirror) value.getValue(), new Site(element, container, value)));
      }
    }
    return List.copyOf(changes);
  }

  private static BreakingChangeModel breakingChange(AnnotationMirror mirror, Site site) {
    return new BreakingChangeModel(mirror, Annotations.string(mirror, "version"),
        Annotations.string(mirror, "upgradeDeadline"), Annotations.string(mirror, "message"), site);
  }

  /** The {@code @Stream} declarations of a destination, repeated or not. */
  public static List<StreamModel> readStreams(TypeElement element) {
    List<StreamModel> streams = new ArrayList<>();
    AnnotationMirror single = Annotations.mirror(element, Stream.class);
    if (single != null) {
      streams.add(stream(single, Site.of(element, single)));
    }
    AnnotationMirror container = Annotations.mirror(element, Streams.class);
    if (container != null) {
      for (AnnotationValue value : Annotations.list(container, "value")) {
        streams.add(stream((AnnotationMirror) value.getValue(), new Site(element, container, value)));
      }
    }
    return List.copyOf(streams);
  }

  private static StreamModel stream(AnnotationMirror mirror, Site site) {
    String name = Annotations.string(mirror, "name");
    String schema = Annotations.string(mirror, "schema");
    return new StreamModel(mirror, name, Annotations.string(mirror, "type"),
        schema.isEmpty() ? "schemas/" + name + ".json" : schema, site);
  }

  /** Reads a {@code @ConnectorConfig} class. */
  public ConfigModel readConfig(TypeElement element) {
    AnnotationMirror mirror = Annotations.mirror(element, ConnectorConfig.class);
    List<ConfigModel.GroupModel> groups = new ArrayList<>();
    for (AnnotationValue group : Annotations.list(mirror, "groups")) {
      AnnotationMirror groupMirror = (AnnotationMirror) group.getValue();
      String id = Annotations.string(groupMirror, "id");
      String title = Annotations.string(groupMirror, "title");
      groups.add(new ConfigModel.GroupModel(id, title.isEmpty() ? id : title));
    }
    ObjectType root = readObject(element, new ArrayDeque<>());
    return new ConfigModel(element, mirror, Annotations.string(mirror, "title"),
        Annotations.string(mirror, "description"), List.copyOf(groups), root);
  }

  /** The annotation class of each handler kind. */
  public static final Map<HandlerModel.Kind, Class<? extends Annotation>> HANDLER_ANNOTATIONS = new EnumMap<>(Map.of(
      HandlerModel.Kind.STREAM_START, OnStreamStart.class,
      HandlerModel.Kind.RECORDS, OnRecords.class,
      HandlerModel.Kind.COMMIT, OnCommit.class,
      HandlerModel.Kind.STREAM_COMPLETE, OnStreamComplete.class,
      HandlerModel.Kind.CLOSE, OnClose.class));

  private HandlerModel readHandler(HandlerModel.Kind kind, ExecutableElement method, AnnotationMirror annotation) {
    List<String> parameters = method.getParameters().stream()
        .map(p -> types.erasure(p.asType()).toString())
        .toList();
    String recordType = null;
    if (method.getParameters().size() == 1 && method.getParameters().get(0).asType() instanceof DeclaredType declared
        && declared.getTypeArguments().size() == 1) {
      TypeMirror argument = declared.getTypeArguments().get(0);
      if (argument.getKind() == TypeKind.ERROR) {
        throw new UnresolvedTypeException(argument.toString(), "@OnRecords method " + method.getSimpleName());
      }
      recordType = argument.getKind() == TypeKind.DECLARED
          ? ((TypeElement) types.asElement(argument)).getQualifiedName().toString() : argument.toString();
    }
    List<String> modes = List.of();
    String stream = "";
    String namespace = "";
    if (kind == HandlerModel.Kind.RECORDS) {
      modes = Annotations.list(annotation, "modes").stream()
          .map(v -> DestinationSyncMode.valueOf(((VariableElement) v.getValue()).getSimpleName().toString())
              .protocolValue())
          .toList();
      stream = Annotations.string(annotation, "stream");
      namespace = Annotations.string(annotation, "namespace");
    }
    return new HandlerModel(kind, method, annotation, method.getSimpleName().toString(),
        method.getModifiers().contains(Modifier.STATIC), method.getModifiers().contains(Modifier.PRIVATE),
        method.getReturnType().getKind() == TypeKind.VOID, parameters, throwsOnlyExceptions(method), modes, stream,
        namespace, recordType);
  }

  private boolean throwsOnlyExceptions(ExecutableElement method) {
    TypeMirror exception = elements.getTypeElement("java.lang.Exception").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    return method.getThrownTypes().stream()
        .allMatch(t -> types.isAssignable(t, exception) || types.isAssignable(t, error));
  }

  /** How the dispatcher creates the connector: with its config when it has such a constructor, else without. */
  private Construction connectorConstruction(TypeElement element, TypeMirror configType) {
    Construction reachable = reachable(element);
    if (!reachable.possible()) {
      return reachable;
    }
    if (element.getModifiers().contains(Modifier.ABSTRACT) || element.getKind() != ElementKind.CLASS) {
      return Construction.impossible("it is not a concrete class");
    }
    boolean noArguments = false;
    for (ExecutableElement constructor : ElementFilter.constructorsIn(element.getEnclosedElements())) {
      if (constructor.getModifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      List<? extends VariableElement> parameters = constructor.getParameters();
      if (parameters.isEmpty()) {
        noArguments = true;
      } else if (parameters.size() == 1 && types.isSameType(types.erasure(parameters.get(0).asType()),
          types.erasure(configType))) {
        return Construction.of(Construction.Kind.CONFIG_CONSTRUCTOR);
      }
    }
    return noArguments ? Construction.of(Construction.Kind.NO_ARG_CONSTRUCTOR)
        : Construction.impossible(
            "it has no non-private constructor without parameters or with its config as only parameter");
  }

  private CheckModel readCheck(ExecutableElement method, TypeMirror configType) {
    boolean acceptsConfig = method.getParameters().size() == 1
        && types.isSameType(types.erasure(method.getParameters().get(0).asType()), types.erasure(configType));
    return new CheckModel(method, method.getSimpleName().toString(), method.getModifiers().contains(Modifier.STATIC),
        method.getModifiers().contains(Modifier.PRIVATE), method.getReturnType().getKind() == TypeKind.VOID,
        acceptsConfig, throwsOnlyExceptions(method));
  }

  /** How generated code in the element's package can create an instance with no arguments. */
  private Construction construction(TypeElement element) {
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
  private static Construction reachable(TypeElement element) {
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
    String jsonName = javaName;
    String title = "";
    String description = "";
    int order = -1;
    List<String> examples = List.of();
    String defaultValue = null;
    boolean required = true;
    String group = "";
    boolean alwaysShow = false;
    boolean multiline = false;
    if (property != null) {
      if (Annotations.explicitValue(property, "name") != null) {
        jsonName = Annotations.string(property, "name");
      }
      title = Annotations.string(property, "title");
      description = Annotations.string(property, "description");
      order = Annotations.integer(property, "order");
      examples = Annotations.strings(property, "examples");
      if (Annotations.explicitValue(property, "defaultValue") != null) {
        defaultValue = Annotations.string(property, "defaultValue");
      }
      required = Annotations.bool(property, "required");
      group = Annotations.string(property, "group");
      alwaysShow = Annotations.bool(property, "alwaysShow");
      multiline = Annotations.bool(property, "multiline");
    }
    PropertyModel.RangeModel range = rangeMirror == null ? null
        : new PropertyModel.RangeModel(rangeMirror, Annotations.decimal(rangeMirror, "min"),
            Annotations.decimal(rangeMirror, "max"));
    PropertyModel.PatternModel pattern = patternMirror == null ? null
        : new PropertyModel.PatternModel(patternMirror, Annotations.string(patternMirror, "value"),
            Annotations.string(patternMirror, "descriptor"));
    ConfigType configType = readType(type, javaName, enclosing);
    return new PropertyModel(element, javaName, jsonName, TypeName.get(type), configType, property, title,
        description, order, examples, defaultValue, required, group, alwaysShow, multiline, secret, range, pattern,
        assignment);
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
        constants.add(new EnumConstant(javaName, value == null ? javaName : Annotations.string(value, "value")));
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
        Annotations.string(oneOf, "discriminator"), List.copyOf(choices));
  }

  private void readChoices(TypeElement element, String where, Deque<String> enclosing, List<ChoiceModel> choices) {
    for (TypeMirror permitted : element.getPermittedSubclasses()) {
      if (permitted.getKind() == TypeKind.ERROR) {
        throw new UnresolvedTypeException(permitted.toString(), where);
      }
      TypeElement choice = (TypeElement) types.asElement(permitted);
      AnnotationMirror choiceMirror = Annotations.mirror(choice, Choice.class);
      String value = choiceMirror == null ? null : Annotations.string(choiceMirror, "value");
      String title = choiceMirror == null ? "" : Annotations.string(choiceMirror, "title");
      String description = choiceMirror == null ? "" : Annotations.string(choiceMirror, "description");
      ObjectType object = readObject(choice, enclosing);
      choices.add(new ChoiceModel(choice, ClassName.get(choice), choiceMirror, value,
          title.isEmpty() && value != null ? value : title, description, object));
    }
  }
}

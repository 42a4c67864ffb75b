package io.destkit.processor.generate;

import static io.destkit.processor.generate.RuntimeTypes.CONFIG_EXCEPTION;
import static io.destkit.processor.generate.RuntimeTypes.DESTINATION_CATALOG;
import static io.destkit.processor.generate.RuntimeTypes.DESTINATION_DEFINITION;
import static io.destkit.processor.generate.RuntimeTypes.JSON_NODE;
import static io.destkit.processor.generate.RuntimeTypes.LAUNCHER;
import static io.destkit.processor.generate.RuntimeTypes.REJECTED_RECORDS_SETTINGS;
import static io.destkit.processor.generate.RuntimeTypes.SECRET_MASKER;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.destkit.processor.model.GeneratedNames;
import io.destkit.processor.model.CheckModel;
import io.destkit.processor.model.ConnectorModel;
import io.destkit.processor.model.Construction;
import io.destkit.processor.model.DiscoverModel;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Destination>Main}: the jar's entry point and the connector's {@code DestinationDefinition}, calling
 * the author's methods directly.
 */
public final class MainWriter {
  private final ConnectorModel connector;

  public MainWriter(ConnectorModel connector) {
    this.connector = connector;
  }

  /** The main class, without the generated stamp. */
  public TypeSpec.Builder write() {
    ClassName configType = connector.config().root().className();
    ClassName self = GeneratedNames.main(connector.className());
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addJavadoc("Runs {@link $T} as the Airbyte platform does: {@code spec}, {@code check}, $L{@code write}.\n",
            connector.className(), connector.dataActivation() ? "{@code discover}, " : "")
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(DESTINATION_DEFINITION, configType));
    CheckModel check = connector.check();
    type.addMethod(MethodSpec.methodBuilder("main")
        .addJavadoc("Runs the command in {@code args} and exits with its code.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(String[].class, "args")
        .addStatement("$T.main(new $T(), args)", LAUNCHER, self)
        .build());
    type.addMethod(MethodSpec.methodBuilder("name")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $S", connector.name().value())
        .build());
    type.addMethod(MethodSpec.methodBuilder("readConfig")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(configType)
        .addParameter(JSON_NODE, "json")
        .addParameter(SECRET_MASKER, "secrets")
        .addException(CONFIG_EXCEPTION)
        .addStatement("return $T.read(json, secrets)", GeneratedNames.configReader(connector.config().root().className()))
        .build());
    MethodSpec.Builder checkMethod = MethodSpec.methodBuilder("check")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(configType, "config")
        .addException(Exception.class);
    if (check == null) {
      checkMethod.addComment("$T has no @Check method: a config that reads without problems passes.",
          connector.className());
    } else if (check.isStatic()) {
      checkMethod.addStatement("$T.$N(config)", connector.className(), check.name());
    } else {
      checkMethod.addStatement("$L.$N(config)", newDestination(), check.name());
    }
    type.addMethod(checkMethod.build());
    type.addMethod(MethodSpec.methodBuilder("writer")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(DispatcherWriter.WRITE_HANDLERS)
        .addParameter(configType, "config")
        .addException(Exception.class)
        .addStatement("return new $T($L)", GeneratedNames.dispatcher(connector.className()), newDestination())
        .build());
    if (connector.dataActivation()) {
      type.addMethod(discover(configType, self));
    }
    connector.config().rejectedRecords().ifPresent(property -> type.addMethod(
        MethodSpec.methodBuilder("rejectedRecords")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(REJECTED_RECORDS_SETTINGS)
            .addParameter(configType, "config")
            .addStatement("return config.$L", property.readAccess())
            .build()));
    return type;
  }

  /**
   * {@code discover}: the operations declared with {@code @Stream} (the generated resource), followed by those of the
   * {@code @Discover} method when there is one.
   */
  private MethodSpec discover(ClassName configType, ClassName self) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("discover")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(DESTINATION_CATALOG)
        .addParameter(configType, "config")
        .addException(Exception.class);
    DiscoverModel discover = connector.discover();
    if (discover == null) {
      return method.addStatement("return $T.declared($T.class)", DESTINATION_CATALOG, self).build();
    }
    CodeBlock owner = discover.isStatic() ? CodeBlock.of("$T", connector.className()) : newDestination();
    return method.addStatement("return $T.declared($T.class).with($L.$N($L))", DESTINATION_CATALOG, self, owner,
        discover.name(), discover.takesConfig() ? "config" : "").build();
  }

  /** A new instance of the connector, given its config when its constructor takes it. */
  private CodeBlock newDestination() {
    return connector.construction().kind() == Construction.Kind.CONFIG_CONSTRUCTOR
        ? CodeBlock.of("new $T(config)", connector.className())
        : CodeBlock.of("new $T()", connector.className());
  }
}

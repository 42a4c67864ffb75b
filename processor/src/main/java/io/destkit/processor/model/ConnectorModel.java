package io.destkit.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Destination} class and everything read from it.
 *
 * @param configElement the class named in {@code config}
 * @param config the config read from it, or null when it is not annotated {@code @ConnectorConfig}
 * @param checks every {@code @Check} method of the class (valid models have at most one)
 */
public record ConnectorModel(TypeElement element, AnnotationMirror annotation, ClassName className, String name,
    String title, String documentationUrl, TypeElement configElement, ConfigModel config, Construction construction,
    List<CheckModel> checks) {

  /** The check method, when there is one. */
  public CheckModel check() {
    return checks.isEmpty() ? null : checks.get(0);
  }
}

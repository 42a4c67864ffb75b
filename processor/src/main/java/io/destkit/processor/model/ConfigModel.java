package io.destkit.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** A {@code @ConnectorConfig} class: the root object of the spec, with its title and groups. */
public record ConfigModel(TypeElement element, AnnotationMirror annotation, String title, String description,
    List<GroupModel> groups, ConfigType.ObjectType root) {

  /** A declared {@code @Group}. */
  public record GroupModel(String id, String title) {}
}

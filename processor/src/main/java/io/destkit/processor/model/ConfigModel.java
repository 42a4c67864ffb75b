package io.destkit.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** A {@code @ConnectorConfig} class: the root object of the spec, with its title and groups. */
public record ConfigModel(TypeElement element, AnnotationMirror annotation, Attribute<String> title,
    Attribute<String> description, List<GroupModel> groups, ConfigType.ObjectType root) {

  /**
   * A declared {@code @Group}.
   *
   * @param id its id, shown at the group's entry in {@code groups}
   * @param title its title, the id when none is written
   */
  public record GroupModel(Attribute<String> id, String title) {}

  /** The top-level property that holds the rejected-records settings, if the config has one. */
  public java.util.Optional<PropertyModel> rejectedRecords() {
    return root.properties().stream().filter(PropertyModel::rejectedRecords).findFirst();
  }
}

package io.destkit.processor.model;

import javax.lang.model.element.AnnotationMirror;

/**
 * A {@code @Stream} declaration of the connector.
 *
 * @param schemaPath the class-path resource of its schema, the default applied
 * @param site where problems of this declaration are shown: the annotation, or, when {@code @Stream} is repeated,
 *     its entry in the {@code @Streams} container javac made (javac cannot place a message inside that one)
 */
public record StreamModel(AnnotationMirror annotation, String name, String type, String schemaPath, Site site) {}

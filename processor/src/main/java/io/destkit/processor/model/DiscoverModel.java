package io.destkit.processor.model;

import javax.lang.model.element.ExecutableElement;

/**
 * A {@code @Discover} method of the connector, with the facts its validation and the generated {@code discover}
 * need.
 *
 * @param returnsOperations whether it returns {@code List<DestinationOperation>}
 * @param takesConfig whether its one parameter is the connector's config (else it has none)
 * @param parametersOk whether its parameters are none or exactly the config
 */
public record DiscoverModel(ExecutableElement element, String name, boolean isStatic, boolean isPrivate,
    boolean returnsOperations, boolean takesConfig, boolean parametersOk, boolean throwsOnlyExceptions) {}

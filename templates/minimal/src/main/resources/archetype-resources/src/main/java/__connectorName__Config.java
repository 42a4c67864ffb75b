#set( $destinationName = $artifactId.toLowerCase().replaceAll('[^a-z0-9]+', '-').replaceAll('^-|-$', '') )
package ${package};

import io.destkit.annotations.ConnectorConfig;
import io.destkit.annotations.Property;

/**
 * What the connector's user fills in. The spec (JSON Schema with Airbyte's UI hints) and a reader that validates a
 * config against it are generated from this record; add a component for each setting the destination needs.
 */
@ConnectorConfig(title = "${connectorName}")
public record ${connectorName}Config(
    @Property(title = "Label", description = "Printed before each count on standard error.",
        defaultValue = "${destinationName}")
    String label) {}

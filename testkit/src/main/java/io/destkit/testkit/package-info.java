/**
 * Test support for connector authors. {@link io.destkit.testkit.ProtocolSchema} checks what a connector writes
 * against the Airbyte protocol's own schema; {@link io.destkit.testkit.Draft07Validator} checks a generated
 * {@code connectionSpecification} and validates configs against it.
 */
package io.destkit.testkit;

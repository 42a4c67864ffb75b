/**
 * Test support for connector authors.
 *
 * <ul>
 *   <li>{@link io.destkit.testkit.suite.DestinationSuite}: the standard destination test suite; extend it, say how to
 *       run the connector, how to get a fresh destination and how to read back what landed.</li>
 *   <li>{@link io.destkit.testkit.harness.DestinationRunner}: runs {@code spec}, {@code check} and {@code write} in
 *       process or as the packaged jar, and parses what the connector prints.</li>
 *   <li>{@link io.destkit.testkit.messages}: catalogs and messages built in Java, written as the platform sends
 *       them.</li>
 *   <li>{@link io.destkit.testkit.speed}: the protobuf frames a source sends in speed mode, for tests of a
 *       destination's socket reader.</li>
 *   <li>{@link io.destkit.testkit.ProtocolSchema} checks what a connector writes against the Airbyte protocol's own
 *       schema; {@link io.destkit.testkit.Draft07Validator} checks a {@code connectionSpecification} and validates
 *       configs against it; {@link io.destkit.testkit.ConnectorProcess} runs a jar as a child process.</li>
 * </ul>
 */
package io.destkit.testkit;

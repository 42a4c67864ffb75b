/**
 * The annotations of a destkit connector: {@link io.destkit.annotations.Destination} on the connector class,
 * {@link io.destkit.annotations.ConnectorConfig} on its configuration, property metadata on the configuration's
 * fields, and {@link io.destkit.annotations.Check} on the connection test. They are read at compile time only.
 */
package io.destkit.annotations;

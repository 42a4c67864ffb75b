/**
 * What the platform sends a destination, built in Java so that a test reads like its scenario: a
 * {@link io.destkit.testkit.messages.ConfiguredCatalog} of {@link io.destkit.testkit.messages.ConfiguredStream}s
 * (fields typed with {@link io.destkit.testkit.messages.FieldTypes}, v0 or v1 style), and a
 * {@link io.destkit.testkit.messages.SyncInput} of records, states of each kind and stream statuses from
 * {@link io.destkit.testkit.messages.Messages}. Every message is written as one JSON line, fields in the protocol's
 * order, numbers exactly as given.
 */
package io.destkit.testkit.messages;

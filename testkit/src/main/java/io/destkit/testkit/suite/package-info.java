/**
 * The standard destination test suite: {@link io.destkit.testkit.suite.DestinationSuite}, one named JUnit 5 test per
 * behaviour of the destination contract, run against the author's connector. The author supplies a
 * {@link io.destkit.testkit.suite.DestinationReader} to read back what landed, and may declare what the destination
 * lacks with {@link io.destkit.testkit.suite.DestinationFeatures}; tests that do not apply are skipped, saying why.
 */
package io.destkit.testkit.suite;

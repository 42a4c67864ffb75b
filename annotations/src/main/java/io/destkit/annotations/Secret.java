package io.destkit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} property as a secret (a password, a token). The spec flags it {@code airbyte_secret}, and
 * the runtime masks its value in everything the connector prints: messages, logs, errors and stack traces. A record
 * that holds a secret must override {@code toString()}, because the one Java generates would print it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Secret {}

package io.destkit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of the {@link Destination} class that tests a config against the real system: connect, write a
 * little, clean up. Signature: {@code void check(MyConfig config) throws Exception}, non-private, static or not.
 *
 * <p>Returning normally means the connection works. Throwing means it does not: the exception's message (with any
 * secret masked) is what the user reads in the platform's FAILED status, so make it say what to fix. A destination
 * without a check method reports SUCCEEDED for every config that is valid against its spec.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Check {}

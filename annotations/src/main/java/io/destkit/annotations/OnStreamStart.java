package io.destkit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called once per stream of the catalog before any record is read: create tables, staging areas.
 *
 * <p>Signature: {@code void method(io.destkit.runtime.write.StreamContext stream) throws Exception}, non-private, in the {@link Destination} class; at most one per class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnStreamStart {}

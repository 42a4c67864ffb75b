package io.destkit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called once at the end of a write, whether it succeeded or failed: release connections and files. Data written but not committed must not become visible.
 *
 * <p>Signature: {@code void method() throws Exception}, non-private, in the {@link Destination} class; at most one per class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnClose {}

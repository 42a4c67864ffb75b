package io.destkit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The durability point. Called after one or more record batches were written; when it returns, everything written since the last commit must be durable, and the runtime echoes the states those records came before. Without an {@code @OnCommit} method, each batch is durable when its {@link OnRecords} method returns.
 *
 * <p>Signature: {@code void method() throws Exception}, non-private, in the {@link Destination} class; at most one per class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnCommit {}

package io.destkit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of the {@link Destination} class that asks the target, at run time, which objects it has and how
 * they can be written: for data activation destinations whose objects are not known at build time (a CRM's custom
 * objects, say). Signature: {@code List<DestinationOperation> discover(MyConfig config) throws Exception} (the config
 * parameter may be left out), non-private, static or not; {@code DestinationOperation} is the runtime's
 * ({@code io.destkit.runtime.discover}).
 *
 * <p>The generated {@code discover} command prints one DESTINATION_CATALOG with the objects declared with
 * {@link Stream} followed by those this method returns; at write start the same list is what a catalog's
 * {@code update} and {@code soft_delete} streams are checked against. One per destination.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Discover {}

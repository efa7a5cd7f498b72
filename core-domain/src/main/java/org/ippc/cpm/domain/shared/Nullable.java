package org.ippc.cpm.domain.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component that may be null: a command's optional field, or a read model's value that is not known yet. Every
 * other component of the engine's records is always present; the OpenAPI document says which is which.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Nullable {}

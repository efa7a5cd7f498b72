package org.ippc.cpm.domain.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The rule that requires a command's field (e.g. M4 for a closure's outcome statement): a refusal of its value names it (A2). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface RequiredBy {

    String value();
}

package org.ippc.cpm.domain.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The spec's role table, on each command: the roles that may issue it, and the rule that says so. The aggregates
 * check it ({@link Actor#requireMayIssue}) and the web layer refuses other roles before the domain (A3), from this
 * one table ({@link RoleTable}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface IssuedBy {

    Role[] value();

    /** The rule a command from another role breaks (A3 where the spec names no closer one). */
    String rule();
}

package org.ippc.cpm.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Present only where the demo users were asked for: {@code cpm.security.demo-users=true}, which the embedded profile
 * sets and any other profile may (never production). A database profile alone does not.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnProperty(name = WithDemoUsers.SWITCH, havingValue = "true")
public @interface WithDemoUsers {

    /** The property that turns them on. */
    String SWITCH = "cpm.security.demo-users";
}

package org.ippc.cpm.command.security;

import org.ippc.cpm.command.cluster.SharedDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The production profile runs on PostgreSQL only: H2 does not make each commit durable, nor serve several nodes. */
@Configuration(proxyBeanMethods = false)
@Profile("production")
class ProductionDatabase {

    ProductionDatabase(@Value("${spring.datasource.url}") String url) {
        if (!SharedDatabase.isShared(url)) {
            throw new IllegalStateException("The production profile needs PostgreSQL (add the postgres profile and set "
                    + "CPM_DB_URL); the embedded H2 database is not durable on power loss");
        }
    }
}

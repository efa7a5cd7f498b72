package org.ippc.cpm.command.cluster;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;

/** What lets several nodes share one PostgreSQL and still see each other's events at once. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    /** Axon's embedded event store, as its auto-configuration builds it, that another node's commit can wake. */
    @Bean(name = "eventBus")
    WakeableEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        return new WakeableEventStore(WakeableEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    @Bean
    @ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:postgresql:')")
    EventStoreNotifications eventStoreNotifications(DataSourceProperties database, WakeableEventStore eventStore) {
        return new EventStoreNotifications(database, eventStore);
    }
}

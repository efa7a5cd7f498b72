package org.ippc.cpm.command.cluster;

import java.time.Duration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ippc.cpm.eventstore.EventStoreNotifications;
import org.ippc.cpm.eventstore.WakeableEventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;

/** What lets several nodes share one PostgreSQL and still see each other's events at once. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    /**
     * Axon's embedded event store, as its auto-configuration builds it, that another node's commit can wake; between
     * wake-ups it polls every {@code cpm.events.poll-interval} (Axon's default: 1 s).
     */
    @Bean(name = "eventBus")
    WakeableEventStore eventStore(
            EventStorageEngine storageEngine,
            Configuration configuration,
            @Value("${cpm.events.poll-interval:1s}") Duration pollInterval) {
        return new WakeableEventStore(WakeableEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(pollInterval.toMillis())
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    /** On PostgreSQL, unless {@code cpm.events.notify=false} (e.g. behind a pooler in transaction mode, which cannot LISTEN). */
    @Bean
    @ConditionalOnExpression("T(org.ippc.cpm.command.cluster.SharedDatabase).isShared('${spring.datasource.url:}') "
            + "and ${cpm.events.notify:true}")
    EventStoreNotifications eventStoreNotifications(DataSourceProperties database, WakeableEventStore eventStore) {
        return new EventStoreNotifications(database, eventStore);
    }
}

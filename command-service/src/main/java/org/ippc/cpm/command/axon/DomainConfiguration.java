package org.ippc.cpm.command.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.ippc.cpm.command.cluster.SharedDatabase;
import org.ippc.cpm.domain.commission.CommissionModule;
import org.ippc.cpm.domain.commission.SessionRegister;
import org.ippc.cpm.domain.programme.Programme;
import org.ippc.cpm.domain.shared.CpmJson;
import org.ippc.cpm.domain.shared.PersonAndPartyUpcaster;
import org.ippc.cpm.eventstore.EventMetadata;
import org.ippc.cpm.eventstore.HashChainedEventStorageEngine;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Wires core-domain's {@link CommissionModule} into Axon's Spring configuration, with the services' own storage choices. */
@Configuration(proxyBeanMethods = false)
class DomainConfiguration {

    /** A programme collects events for years (pledges, activities, reports); loading it reads the latest snapshot and what follows. */
    private static final int SNAPSHOT_EVERY = 20;

    @Bean
    @Primary
    ObjectMapper objectMapper() {
        ObjectMapper mapper = CpmJson.objectMapper();
        mapper.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
        return mapper;
    }

    /** Axon's transactions on Spring's, with a command's commit that the database did not confirm told apart. */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new CommitsInDoubt(new SpringTransactionManager(transactions));
    }

    /** Axon's Spring snapshotter only knows Spring-stereotyped aggregates; ours are registered as plain classes. */
    @Bean
    Snapshotter snapshotter(EventStore eventStore, TransactionManager transactionManager) {
        return AggregateSnapshotter.builder()
                .eventStore(eventStore)
                .aggregateFactories(new GenericAggregateFactory<>(Programme.class))
                .transactionManager(transactionManager)
                .build();
    }

    /** A duplicate (aggregate, sequence) is a concurrent change on H2 and PostgreSQL alike (SQLState class 23). */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver();
    }

    /** Axon's JDBC storage engine as its auto-configuration builds it, plus the hash chain (ADR 0005). */
    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            JdbcTemplate jdbc) {
        return new HashChainedEventStorageEngine(
                JdbcEventStorageEngine.builder()
                        .snapshotSerializer(defaultSerializer)
                        .upcasterChain(configuration.upcasterChain())
                        .persistenceExceptionResolver(persistenceExceptionResolver)
                        .eventSerializer(eventSerializer)
                        .snapshotFilter(configuration.snapshotFilter())
                        .connectionProvider(connectionProvider)
                        .transactionManager(transactionManager)
                        .schema(new EventSchema())
                        // Events read per query by a tracking processor; a rebuild reads the whole store this way.
                        .batchSize(1000),
                jdbc);
    }

    /** Events of revision 1 read with the person and the party apart (their shape since revision 2). */
    @Bean
    EventUpcaster personAndPartyUpcaster() {
        return new PersonAndPartyUpcaster();
    }

    /**
     * Every event names the command that produced it as the API does (the decision log's "command" column), and the
     * day it took place when the command said so.
     */
    @Bean
    CorrelationDataProvider commandNameOnEvents() {
        return message -> {
            if (!(message instanceof CommandMessage<?> command)) {
                return Map.of();
            }
            Map<String, Object> data = new HashMap<>();
            data.put(CommandMetadata.COMMAND_NAME, EventMetadata.command(command.getCommandName()));
            Object tookPlaceOn = command.getMetaData().get(CommandMetadata.TOOK_PLACE_ON);
            if (tookPlaceOn != null) {
                data.put(CommandMetadata.TOOK_PLACE_ON, tookPlaceOn);
            }
            return data;
        };
    }

    /** Defining a provider replaces Axon's default one, which puts the causing message's id on every event. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /**
     * The domain with snapshots and this node's cache of programmes ({@link CachedReads}: a command that decided on a
     * copy another node had made stale is decided again, {@link CommandSender}). On PostgreSQL, where several nodes
     * share the store, a session is locked on every node while a command uses it ({@link AggregateLocks}): a decision
     * only reads its session (S2), so without the lock it could commit while another node closes that session.
     */
    @Bean
    ConfigurerModule cpmDomain(JdbcTemplate jdbc, @Value("${spring.datasource.url}") String databaseUrl) {
        Cache programmes = new CachedReads();
        boolean shared = SharedDatabase.isShared(databaseUrl);
        return new CommissionModule(
                programme -> programme
                        .configureSnapshotTrigger(
                                c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), SNAPSHOT_EVERY))
                        .configureCache(c -> programmes),
                session -> shared ? session.configureLockFactory(c -> new AggregateLocks(jdbc)) : session);
    }

    /** S1's register of the open session, in the database every node shares. */
    @Bean
    ConfigurerModule sessionRegister(JdbcSessionRegister register) {
        return configurer -> configurer.registerComponent(SessionRegister.class, c -> register);
    }
}

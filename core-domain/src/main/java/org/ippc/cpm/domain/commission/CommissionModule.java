package org.ippc.cpm.domain.commission;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.ippc.cpm.domain.decision.ActionItemDueSaga;
import org.ippc.cpm.domain.decision.CpmDecision;
import org.ippc.cpm.domain.directory.ContactPoints;
import org.ippc.cpm.domain.programme.Programme;
import org.ippc.cpm.domain.round.PrioritisationRound;
import org.ippc.cpm.domain.session.CpmSession;
import org.ippc.cpm.domain.translation.Translations;

/**
 * Everything the Commission's records consist of, for Axon: the six aggregates (the last two, the directory of contact points and the translations, are the engine's own), the handlers that span them and
 * the C3 saga. The services and the tests register this one module, so they cannot drift apart.
 */
public final class CommissionModule implements ConfigurerModule {

    /** The handlers of commands that span aggregates, each with how it is made ({@link Commands} reads this list). */
    static final Map<Class<?>, Function<Configuration, Object>> SPANNING = spanning();

    private static Map<Class<?>, Function<Configuration, Object>> spanning() {
        Map<Class<?>, Function<Configuration, Object>> handlers = new LinkedHashMap<>();
        handlers.put(
                SessionCalendar.class,
                c -> new SessionCalendar(
                        c.repository(CpmSession.class),
                        c.repository(PrioritisationRound.class),
                        c.repository(Programme.class),
                        c.getComponent(SessionRegister.class, SessionRegister::inMemory)));
        handlers.put(
                DecisionsAtSession.class,
                c -> new DecisionsAtSession(
                        c.repository(CpmSession.class),
                        c.repository(Programme.class),
                        c.repository(CpmDecision.class)));
        handlers.put(
                RoundsAtSession.class,
                c -> new RoundsAtSession(
                        c.repository(CpmSession.class),
                        c.repository(PrioritisationRound.class),
                        c.repository(Programme.class)));
        handlers.put(
                TranslationsOfRecord.class,
                c -> new TranslationsOfRecord(
                        c.repository(Programme.class),
                        c.repository(CpmDecision.class),
                        c.repository(Translations.class)));
        return Collections.unmodifiableMap(handlers);
    }

    private final UnaryOperator<AggregateConfigurer<Programme>> programmes;
    private final UnaryOperator<AggregateConfigurer<CpmSession>> sessions;

    /**
     * @param programmes what the host adds to the programme aggregate's configuration (e.g. snapshotting, a cache)
     * @param sessions   what the host adds to the session aggregate's configuration (e.g. a lock across nodes)
     */
    public CommissionModule(
            UnaryOperator<AggregateConfigurer<Programme>> programmes,
            UnaryOperator<AggregateConfigurer<CpmSession>> sessions) {
        this.programmes = programmes;
        this.sessions = sessions;
    }

    public CommissionModule() {
        this(UnaryOperator.identity(), UnaryOperator.identity());
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer
                .configureAggregate(sessions.apply(AggregateConfigurer.defaultConfiguration(CpmSession.class)))
                .configureAggregate(PrioritisationRound.class)
                .configureAggregate(programmes.apply(AggregateConfigurer.defaultConfiguration(Programme.class)))
                .configureAggregate(CpmDecision.class)
                .configureAggregate(ContactPoints.class)
                .configureAggregate(Translations.class)
                .eventProcessing(processing -> processing.registerSaga(ActionItemDueSaga.class));
        SPANNING.values().forEach(configurer::registerCommandHandler);
    }
}

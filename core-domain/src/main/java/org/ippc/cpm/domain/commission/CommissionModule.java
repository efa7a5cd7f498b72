package org.ippc.cpm.domain.commission;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.ippc.cpm.domain.decision.ActionItemDueSaga;
import org.ippc.cpm.domain.decision.CpmDecision;
import org.ippc.cpm.domain.programme.Programme;
import org.ippc.cpm.domain.round.PrioritisationRound;
import org.ippc.cpm.domain.session.CpmSession;

import java.util.function.UnaryOperator;

/**
 * Everything the Commission's records consist of, for Axon: the four aggregates, the handlers that span them and
 * the C3 saga. The services and the tests register this one module, so they cannot drift apart.
 */
public final class CommissionModule implements ConfigurerModule {

    private final UnaryOperator<AggregateConfigurer<Programme>> programmes;
    private final AggregateOptions everyAggregate;

    /**
     * @param programmes     what the host adds to the programme aggregate's configuration (e.g. snapshotting)
     * @param everyAggregate what the host adds to every aggregate's configuration (e.g. its lock factory)
     */
    public CommissionModule(UnaryOperator<AggregateConfigurer<Programme>> programmes, AggregateOptions everyAggregate) {
        this.programmes = programmes;
        this.everyAggregate = everyAggregate;
    }

    public CommissionModule() {
        this(UnaryOperator.identity(), AggregateOptions.NONE);
    }

    /** What a host adds to the configuration of each of the four aggregates. */
    public interface AggregateOptions {
        AggregateOptions NONE = new AggregateOptions() {
            @Override
            public <A> AggregateConfigurer<A> apply(AggregateConfigurer<A> aggregate) {
                return aggregate;
            }
        };

        <A> AggregateConfigurer<A> apply(AggregateConfigurer<A> aggregate);
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer
                .configureAggregate(everyAggregate.apply(AggregateConfigurer.defaultConfiguration(CpmSession.class)))
                .configureAggregate(everyAggregate.apply(AggregateConfigurer.defaultConfiguration(PrioritisationRound.class)))
                .configureAggregate(everyAggregate.apply(programmes.apply(AggregateConfigurer.defaultConfiguration(Programme.class))))
                .configureAggregate(everyAggregate.apply(AggregateConfigurer.defaultConfiguration(CpmDecision.class)))
                .registerCommandHandler(c -> new SessionCalendar(c.repository(CpmSession.class),
                        c.repository(PrioritisationRound.class), c.repository(Programme.class),
                        c.getComponent(SessionRegister.class, SessionRegister::inMemory)))
                .registerCommandHandler(c -> new DecisionsAtSession(c.repository(CpmSession.class),
                        c.repository(Programme.class), c.repository(CpmDecision.class)))
                .registerCommandHandler(c -> new ProposalDesk(c.repository(PrioritisationRound.class),
                        c.repository(Programme.class)))
                .eventProcessing(processing -> processing.registerSaga(ActionItemDueSaga.class));
    }
}

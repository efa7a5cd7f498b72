package org.ippc.cpm.command.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ConfigurerModule;
import org.ippc.cpm.domain.commission.DecisionsAtSession;
import org.ippc.cpm.domain.commission.ProposalDesk;
import org.ippc.cpm.domain.commission.SessionCalendar;
import org.ippc.cpm.domain.decision.ActionItemDueSaga;
import org.ippc.cpm.domain.decision.CpmDecision;
import org.ippc.cpm.domain.programme.Programme;
import org.ippc.cpm.domain.round.PrioritisationRound;
import org.ippc.cpm.domain.session.CpmSession;
import org.ippc.cpm.domain.shared.CpmJson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/** Registers core-domain's plain aggregates, cross-aggregate handlers and saga with Axon (STYLE: no Spring in the domain). */
@Configuration(proxyBeanMethods = false)
class DomainConfiguration {

    @Bean
    @Primary
    ObjectMapper objectMapper() {
        ObjectMapper mapper = CpmJson.objectMapper();
        mapper.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
        return mapper;
    }

    @Bean
    ConfigurerModule cpmDomain() {
        return configurer -> configurer
                .configureAggregate(CpmSession.class)
                .configureAggregate(PrioritisationRound.class)
                .configureAggregate(Programme.class)
                .configureAggregate(CpmDecision.class)
                .registerCommandHandler(c -> new SessionCalendar(c.repository(CpmSession.class),
                        c.repository(PrioritisationRound.class), c.repository(Programme.class)))
                .registerCommandHandler(c -> new DecisionsAtSession(c.repository(CpmSession.class),
                        c.repository(Programme.class), c.repository(CpmDecision.class)))
                .registerCommandHandler(c -> new ProposalDesk(c.repository(PrioritisationRound.class),
                        c.repository(Programme.class)))
                .eventProcessing(processing -> processing.registerSaga(ActionItemDueSaga.class));
    }
}

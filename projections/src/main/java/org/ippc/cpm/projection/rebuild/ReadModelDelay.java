package org.ippc.cpm.projection.rebuild;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.ippc.cpm.projection.ReadModels;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code cpm_read_models_delay_seconds}: how long after its commit an event reached the read models, as a histogram
 * (a rebuild's replayed events are not counted: their age is the store's, not a delay).
 */
@Configuration(proxyBeanMethods = false)
class ReadModelDelay {

    @Bean
    ConfigurerModule readModelDelayHistogram(MeterRegistry registry) {
        Timer delay = Timer.builder("cpm.read_models.delay")
                .description("From an event's commit to its handling by the read models (live events only)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        MessageHandlerInterceptor<EventMessage<?>> measure = (unitOfWork, chain) -> {
            Object result = chain.proceed();
            EventMessage<?> event = unitOfWork.getMessage();
            if (!ReplayToken.isReplay(event)) {
                delay.record(Duration.between(event.getTimestamp(), Instant.now()));
            }
            return result;
        };
        return configurer ->
                configurer.eventProcessing().registerHandlerInterceptor(ReadModels.PROCESSING_GROUP, c -> measure);
    }
}

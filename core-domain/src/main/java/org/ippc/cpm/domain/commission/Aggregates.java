package org.ippc.cpm.domain.commission;

import java.util.Optional;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

final class Aggregates {

    private Aggregates() {}

    static <T> Optional<Aggregate<T>> find(Repository<T> repository, Object id) {
        try {
            return Optional.of(repository.load(id.toString()));
        } catch (AggregateNotFoundException absent) {
            return Optional.empty();
        }
    }
}

package org.ippc.cpm.domain.directory;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.ippc.cpm.domain.shared.RuleViolation;

/**
 * The contact points of one addressee (a party, an RPPO or a CPM body): who is told of its deadlines and decisions,
 * at which address, in which language, and how (N1). The first person named creates it.
 */
@AggregateRoot
public class ContactPoints {

    @AggregateIdentifier
    private Addressee addressee;

    private final Set<String> people = new HashSet<>();

    protected ContactPoints() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterContactPoint command) {
        command.actor().requireMayIssue(command);
        apply(new ContactPointRegistered(
                command.addressee(),
                command.person(),
                command.email(),
                command.language(),
                command.actor(),
                command.rationale()));
    }

    @CommandHandler
    void handle(RemoveContactPoint command) {
        command.actor().requireMayIssue(command);
        requireListed(command.person());
        apply(new ContactPointRemoved(addressee, command.person(), command.actor(), command.rationale()));
    }

    @CommandHandler
    void handle(ChooseNotifications command) {
        command.actor().requireMayIssue(command);
        requireListed(command.person());
        apply(new NotificationsChosen(
                addressee,
                command.person(),
                command.delivery(),
                command.optionalNotices(),
                command.actor(),
                command.rationale()));
    }

    private void requireListed(String person) {
        RuleViolation.check(people.contains(person), "N1", "%s is not a contact point of %s", person, addressee);
    }

    @EventSourcingHandler
    void on(ContactPointRegistered event) {
        addressee = event.addressee();
        people.add(event.person());
    }

    @EventSourcingHandler
    void on(ContactPointRemoved event) {
        people.remove(event.person());
    }
}

package org.ippc.cpm.command.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.SQLException;
import java.time.Duration;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ippc.cpm.eventstore.StoredEvents;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A command whose COMMIT the database did not confirm is answered by what the store holds once the database answers:
 * its 2xx if its events are there, its failure (503) if not, and "outcome unknown" (500) if the database stays away.
 */
class CommitInDoubtTest {

    private static final CommandAccepted ANSWER = new CommandAccepted("pledgeResources", "pilot", 7);
    private static final RuntimeException STOPPED = new DataAccessResourceFailureException(
            "JDBC commit failed", new SQLException("An I/O error occurred while sending to the backend.", "08006"));

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final StoredEvents store = mock(StoredEvents.class);

    CommitInDoubtTest() {
        when(gateway.sendAndWait(any())).thenThrow(new CommitInDoubt(STOPPED, "event-1", ANSWER));
    }

    @Test
    void a_commit_found_in_the_store_once_the_database_is_back_gets_its_answer() {
        when(store.contains("event-1")).thenThrow(STOPPED).thenThrow(STOPPED).thenReturn(true);
        assertThat((Object) sender(Duration.ofSeconds(5)).send(command())).isEqualTo(ANSWER);
    }

    @Test
    void a_commit_not_in_the_store_is_the_failure_it_was() {
        when(store.contains("event-1")).thenReturn(false);
        assertThatThrownBy(() -> sender(Duration.ofSeconds(5)).send(command())).isSameAs(STOPPED);
    }

    @Test
    void a_database_that_stays_away_makes_the_outcome_unknown_not_a_guess() {
        when(store.contains("event-1")).thenThrow(STOPPED);
        assertThatThrownBy(() -> sender(Duration.ofMillis(600)).send(command()))
                .isInstanceOf(OutcomeUnknown.class)
                .hasMessageContaining("Outcome unknown");
    }

    private CommandSender sender(Duration wait) {
        return new CommandSender(gateway, store, wait);
    }

    private static GenericCommandMessage<String> command() {
        return new GenericCommandMessage<>("pledge");
    }
}

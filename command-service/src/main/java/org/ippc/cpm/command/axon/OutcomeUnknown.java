package org.ippc.cpm.command.axon;

import org.ippc.cpm.platform.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A 500 problem for a command whose commit the database did not confirm and which it could not be asked about within
 * the wait: the command may or may not be recorded, and the answer says so instead of guessing.
 */
public class OutcomeUnknown extends ErrorResponseException {

    OutcomeUnknown(String aggregateId, CommitInDoubt inDoubt) {
        super(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemTypes.problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Outcome unknown",
                        ("The database stopped while this command on %s committed and has not answered since: whether it"
                                        + " was recorded is not known. Read the record, or retry with the same"
                                        + " Idempotency-Key, once the database is back.")
                                .formatted(aggregateId),
                        null),
                inDoubt);
    }
}

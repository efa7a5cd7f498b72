package org.ippc.cpm.query.papers;

import org.ippc.cpm.platform.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A 503 problem: events kept arriving while a paper was read, so no reading matched one state of the record. */
class RecordMoving extends ErrorResponseException {

    RecordMoving() {
        super(
                HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Record changing",
                        "events kept arriving while the paper was made; ask again in a moment",
                        null),
                null);
        getHeaders().set("Retry-After", "1");
    }
}

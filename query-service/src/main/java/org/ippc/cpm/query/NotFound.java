package org.ippc.cpm.query;

import org.ippc.cpm.command.api.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A 404 problem for a record the read side does not know. */
public class NotFound extends ErrorResponseException {

    public NotFound(String detail) {
        super(HttpStatus.NOT_FOUND, Problems.problem(HttpStatus.NOT_FOUND, "Not found", detail, null), null);
    }
}

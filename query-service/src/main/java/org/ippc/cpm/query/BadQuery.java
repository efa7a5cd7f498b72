package org.ippc.cpm.query;

import org.ippc.cpm.platform.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A query the read side cannot answer as asked (a bad filter, sort or date): 400 problem+json. */
public class BadQuery extends ErrorResponseException {

    public BadQuery(String detail) {
        super(
                HttpStatus.BAD_REQUEST,
                ProblemTypes.problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, null),
                null);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}

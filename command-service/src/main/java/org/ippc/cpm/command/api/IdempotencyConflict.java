package org.ippc.cpm.command.api;

class IdempotencyConflict extends RuntimeException {

    IdempotencyConflict(String key) {
        super("Idempotency-Key '%s' was first used with a different request; use a new key for a new request"
                .formatted(key));
    }
}

package org.ippc.cpm.baseline;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Reads a body shaped like the engine's pledgeResources command and answers one shaped like the engine's answer. */
@RestController
class PledgeController {

    record Resource(String kind, BigDecimal valueUsd, String description) {}

    record Pledge(String programmeId, Resource resource, String rationale) {}

    record Answer(String command, String aggregateId, long version, String correlationId) {}

    private final AtomicLong versions = new AtomicLong();

    @PostMapping("/api/commands/{command}")
    Answer pledge(@PathVariable String command, @RequestBody Pledge pledge) {
        long version = versions.incrementAndGet();
        return new Answer(command, pledge.programmeId(), version, Long.toHexString(version));
    }
}

package org.ippc.cpm.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.ippc.cpm.domain.shared.Nullable;
import org.ippc.cpm.platform.DatabaseUnavailable;
import org.ippc.cpm.platform.ProblemTypes;
import org.ippc.cpm.platform.openapi.ApiContract;
import org.ippc.cpm.projection.ReadModels;
import org.ippc.cpm.projection.rebuild.ReadModelRebuild;
import org.ippc.cpm.projection.rebuild.RebuildNotCancellable;
import org.ippc.cpm.projection.rebuild.RebuildRunning;
import org.ippc.cpm.projection.rebuild.RebuildStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operating the read models: rebuild them with progress, list and retry the events they could not handle (AUDITOR). */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Read-model administration", description = "Rebuild and dead letters (AUDITOR)")
class AdminController {

    private final ReadModelRebuild rebuild;
    private final EventProcessingConfiguration processing;

    AdminController(ReadModelRebuild rebuild, EventProcessingConfiguration processing) {
        this.rebuild = rebuild;
        this.processing = processing;
    }

    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            operationId = "rebuildReadModels",
            summary = "Empties and rebuilds every read model from the event store",
            responses = {
                @ApiResponse(responseCode = "202", description = "Accepted"),
                @ApiResponse(
                        responseCode = "409",
                        description = "A rebuild is running (on any node)",
                        content = @Content(mediaType = ApiContract.PROBLEM_JSON, schema = @Schema(ref = "Problem")))
            })
    RebuildStatus rebuild(Principal principal) {
        return rebuild.start(principal.getName());
    }

    @DeleteMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            operationId = "cancelRebuild",
            summary = "Cancels the running rebuild in bulk: it stops at its next chunk and the read models stay as they"
                    + " were",
            responses = {
                @ApiResponse(responseCode = "202", description = "Accepted"),
                @ApiResponse(
                        responseCode = "409",
                        description = "No rebuild in bulk is running (a replay in the processor cannot be cancelled)",
                        content = @Content(mediaType = ApiContract.PROBLEM_JSON, schema = @Schema(ref = "Problem")))
            })
    RebuildStatus cancelRebuild(Principal principal) {
        return rebuild.cancel(principal.getName());
    }

    @GetMapping("/rebuild")
    @Operation(
            operationId = "rebuildStatus",
            summary = "Progress of the latest rebuild: phase, percent, events/s and time left")
    RebuildStatus rebuildStatus() {
        return rebuild.status();
    }

    @GetMapping("/dead-letters")
    @Operation(
            operationId = "deadLetters",
            summary = "Events a projection failed on, grouped by aggregate (later events of it wait behind the first)")
    List<DeadLetterView> deadLetters() {
        List<DeadLetterView> letters = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue().deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                letters.add(DeadLetterView.of(letter));
            }
        }
        return letters;
    }

    @PostMapping("/dead-letters/retry")
    @Operation(
            operationId = "retryDeadLetters",
            summary = "Retries every dead-lettered sequence once; what fails again stays queued")
    RetryResult retry() {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(ReadModels.PROCESSING_GROUP)
                .orElseThrow();
        long before = queue().amountOfSequences();
        int processed = 0;
        String failure = null;
        try {
            for (long i = 0; i < before && processor.processAny(); i++) {
                processed++;
            }
        } catch (RuntimeException failedAgain) {
            if (DatabaseUnavailable.causes(failedAgain)) {
                throw failedAgain;
            }
            // The letter stays queued; the answer says why rather than failing as a 500.
            failure = DatabaseUnavailable.describe(failedAgain);
        }
        return new RetryResult(before, processed, queue().amountOfSequences(), failure);
    }

    @ExceptionHandler(RebuildRunning.class)
    ErrorResponseException running(RebuildRunning running) {
        return new ErrorResponseException(
                HttpStatus.CONFLICT,
                ProblemTypes.problem(HttpStatus.CONFLICT, "Rebuild not started", running.getMessage(), null),
                running);
    }

    @ExceptionHandler(RebuildNotCancellable.class)
    ErrorResponseException notCancellable(RebuildNotCancellable none) {
        return new ErrorResponseException(
                HttpStatus.CONFLICT,
                ProblemTypes.problem(HttpStatus.CONFLICT, "Rebuild not cancelled", none.getMessage(), null),
                none);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue() {
        return processing.deadLetterQueue(ReadModels.PROCESSING_GROUP).orElseThrow();
    }

    /** {@code failure}: why a retry stopped early, if one did (the sequences left stay queued). */
    record RetryResult(
            long sequencesBefore,
            long sequencesProcessed,
            long sequencesLeft,
            @Nullable String failure) {}
}

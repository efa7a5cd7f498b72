package org.ippc.cpm.domain.programme;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.ippc.cpm.domain.history.EventMetadata;

/** One arrow of the programme lifecycle: a command of type {@code type} moves a programme from {@code from} to {@code to}. */
public record Transition(ProgrammeStage from, @JsonIgnore Class<?> type, ProgrammeStage to, String rule) {

    @JsonProperty
    public String command() {
        return EventMetadata.command(type.getSimpleName());
    }
}

package org.ippc.cpm.domain.programme;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.ippc.cpm.domain.shared.ApiName;

/**
 * One arrow of the programme lifecycle: a command of type {@code type} moves a programme from {@code from} to
 * {@code to}, which the programme records as an event of type {@code recorded} (the aggregate, the board and the
 * dashboard take the stage after that event from here).
 */
public record Transition(
        ProgrammeStage from,
        @JsonIgnore Class<?> type,
        @JsonIgnore Class<? extends ProgrammeEvent> recorded,
        ProgrammeStage to,
        String rule) {

    @JsonProperty
    public String command() {
        return ApiName.of(type);
    }

    @JsonProperty
    public String event() {
        return recorded.getSimpleName();
    }
}

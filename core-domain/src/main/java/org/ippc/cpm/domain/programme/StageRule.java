package org.ippc.cpm.domain.programme;

import java.util.Set;
import org.ippc.cpm.domain.shared.ApiName;

/** A command that acts on a programme without moving it to another stage: the stages that accept it, and the rule. */
public record StageRule(Class<?> type, Set<ProgrammeStage> stages, String rule) {

    public String command() {
        return ApiName.of(type);
    }
}

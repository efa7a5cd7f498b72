package org.ippc.cpm.domain.round;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ippc.cpm.domain.programme.HighLevelPlan;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.IssuedBy;
import org.ippc.cpm.domain.shared.Nullable;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.RequiredBy;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.Summary;
import org.ippc.cpm.domain.shared.Validation;

/** The Secretariat proposes one analysed option to the round's CPM session as a priority, with its high-level work plan (P3-P6). */
@Summary("The Secretariat proposes an analysed option as a priority (P3-P6)")
@IssuedBy(value = Role.SECRETARIAT, rule = "A3")
public record ProposePriority(
        @TargetAggregateIdentifier RoundId roundId,
        ProgrammeId programmeId,
        @RequiredBy("P5") String optionId,
        String title,
        @Nullable @RequiredBy("P5") String conventionArticle,
        @RequiredBy("P6") HighLevelPlan highLevelPlan,
        Actor actor,
        String rationale) {

    public ProposePriority {
        Validation.requireValue(roundId, "roundId");
        Validation.requireValue(programmeId, "programmeId");
        Validation.requireText(optionId, "optionId");
        Validation.requireText(title, "title");
        conventionArticle = conventionArticle == null || conventionArticle.isBlank()
                ? null
                : Validation.requireText(conventionArticle, "conventionArticle");
        Validation.requireValue(highLevelPlan, "highLevelPlan");
        Validation.requireValue(actor, "actor");
        Validation.requireText(rationale, "rationale");
    }
}

package org.ippc.cpm.domain.programme;

import org.ippc.cpm.domain.shared.AboutProgramme;
import org.ippc.cpm.domain.shared.CpmEvent;

/** Every event of the {@link Programme} aggregate; sealed so that projections can switch over them exhaustively. */
public sealed interface ProgrammeEvent extends CpmEvent, AboutProgramme
        permits DetailedPlanCommented,
                DetailedPlanRevised,
                DetailedPlanSubmitted,
                DevelopmentDelegated,
                ExpertAppointed,
                ExpertReleased,
                GuidanceGiven,
                HighLevelPlanApproved,
                ManagementActivityRecorded,
                PartyEngagementRecorded,
                PlanPresented,
                PrioritySelected,
                ProgrammeClosed,
                ProgrammeProposed,
                ProgressReported,
                ProposalNotSelected,
                ProposalWithdrawn,
                RecordCorrected,
                ResourcesContributed,
                ResourcesMobilised,
                ResourcesPledged,
                SideSessionRecorded {}

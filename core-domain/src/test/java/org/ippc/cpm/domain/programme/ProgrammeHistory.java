package org.ippc.cpm.domain.programme;

import static org.ippc.cpm.domain.Seed.*;

import java.util.ArrayList;
import java.util.List;
import org.ippc.cpm.domain.shared.Body;

/** Given-events for the pilot programme at each stage of its lifecycle. */
final class ProgrammeHistory {

    private ProgrammeHistory() {}

    static List<Object> proposed() {
        return List.of(pilotProposed());
    }

    static List<Object> approved() {
        List<Object> events = new ArrayList<>(proposed());
        events.add(new PrioritySelected(PILOT, CPM_10, CPM_CHAIR, "CPM-10 selects surveillance"));
        events.add(new HighLevelPlanApproved(PILOT, CPM_10, highLevelPlan(), false, CPM_CHAIR, "Approved as proposed"));
        return events;
    }

    static List<Object> delegated() {
        List<Object> events = new ArrayList<>(approved());
        events.add(
                new DevelopmentDelegated(PILOT, CPM_10, Body.SECRETARIAT, Body.BUREAU, CPM_CHAIR, "Develop the plan"));
        return events;
    }

    static List<Object> planSubmitted() {
        List<Object> events = new ArrayList<>(delegated());
        events.add(new ExpertAppointed(PILOT, EXPERT_ID, "Ana Expert", "Surveillance design", SECRETARIAT, "Advice"));
        events.add(new DetailedPlanSubmitted(PILOT, 1, detailedPlan(), SECRETARIAT, "First version"));
        return events;
    }

    static List<Object> underManagement() {
        List<Object> events = new ArrayList<>(planSubmitted());
        events.add(new PlanPresented(
                PILOT,
                CPM_11,
                1,
                "Summary",
                "https://www.ippc.int/surveillance-plan",
                false,
                SECRETARIAT,
                "Year-2 presentation"));
        return events;
    }
}

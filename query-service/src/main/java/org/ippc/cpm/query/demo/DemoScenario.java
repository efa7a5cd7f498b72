package org.ippc.cpm.query.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The spec's seed story as commands: CPM-9 (2014) decisions 4-6 with action items; the CPM-10 (2015) round with
 * input from five contracting parties and two RPPOs; the pilot on surveillance selected, approved and delegated while
 * the diagnostics proposal lapses; experts and the detailed plan; the presentation at CPM-11 (2016) with its side
 * session; pledges, contributions, mobilisation, management activities and progress reports.
 */
final class DemoScenario {

    private static final String PLAN = """
            {"situationAnalysis":"Surveillance capacity differs widely between contracting parties",
             "highLevelGoal":"Surveillance systems that support safe trade","objective":"Implement ISPM 6 in pilot regions",
             "scope":"Developing contracting parties first","potentialActivities":"Guides, e-learning and regional workshops",
             "indicatorsOfSuccess":"Contracting parties reporting surveillance results"}""";
    private static final String DIAGNOSTICS_PLAN = """
            {"situationAnalysis":"Few laboratories can confirm regulated pests","highLevelGoal":"Reliable diagnostics",
             "objective":"Share diagnostic protocols","scope":"All regions","potentialActivities":"Laboratory network",
             "indicatorsOfSuccess":"Protocols in use"}""";

    private DemoScenario() {}

    /**
     * The round's input deadline must be in the future when the round opens (P1), and the same on every load so that
     * a second load replays the first one's answers (the Idempotency-Key covers the body); input closes early.
     */
    private static final String DEADLINE = "2099-12-31T23:59:59Z";

    static List<DemoStep> steps() {
        List<DemoStep> steps = new ArrayList<>();
        String deadline = DEADLINE;
        step(steps, "cpm", "scheduleSession", """
                {"sessionId":"CPM-9","year":2014,"rationale":"Ninth session, Rome, March-April 2014"}""");
        step(steps, "cpm", "openSession", """
                {"sessionId":"CPM-9","rationale":"Opening of CPM-9"}""");
        step(steps, "cpm", "recordDecision", """
                {"decisionId":"CPM-9-4","sessionId":"CPM-9","number":4,
                 "text":"The CPM agreed that implementation programmes are prioritised at its sessions",
                 "actionItems":[{"itemId":"4a","addressee":"SECRETARIAT","dueSession":"CPM-10",
                                 "request":"Prepare the prioritisation procedure"}],
                 "rationale":"Report of the Strategic Planning Group"}""");
        step(steps, "cpm", "recordDecision", """
                {"decisionId":"CPM-9-5","sessionId":"CPM-9","number":5,
                 "text":"The CPM asked the SPG to advise on criteria for selecting priorities",
                 "actionItems":[{"itemId":"5a","addressee":"SPG","dueSession":"CPM-10","request":"Propose selection criteria"}],
                 "rationale":"Discussion in plenary"}""");
        step(steps, "cpm", "recordDecision", """
                {"decisionId":"CPM-9-6","sessionId":"CPM-9","number":6,
                 "text":"The CPM requested a pilot implementation programme on surveillance",
                 "actionItems":[{"itemId":"6a","addressee":"SECRETARIAT","dueSession":"CPM-10","request":"Submit the pilot proposal"},
                                {"itemId":"6b","addressee":"FINANCE_COMMITTEE","dueSession":"CPM-10",
                                 "request":"Seek resources for the pilot"}],
                 "rationale":"Open-ended working group on implementation"}""");
        step(steps, "cpm", "closeSession", """
                {"sessionId":"CPM-9","rationale":"Close of CPM-9"}""");
        step(steps, "cpm", "scheduleSession", """
                {"sessionId":"CPM-10","year":2015,"rationale":"Tenth session, Rome, March 2015"}""");
        step(steps, "secretariat", "openRound", """
                {"sessionId":"CPM-10","inputDeadline":"%s","rationale":"Call for input on implementation priorities"}""".formatted(deadline));
        for (String party : List.of("nz", "ke", "br", "fr", "jp", "eppo", "nappo")) {
            step(steps, party, "submitInput", """
                    {"roundId":"ROUND-CPM-10","documentReference":"CPM 2015/INF/%s","rationale":"Priorities of %s"}""".formatted(party.toUpperCase(), party.toUpperCase()));
        }
        step(steps, "secretariat", "reportOnActionItem", """
                {"decisionId":"CPM-9-4","itemId":"4a","documentReference":"CPM 2015/03","rationale":"Procedure prepared"}""");
        step(steps, "secretariat", "reportOnActionItem", """
                {"decisionId":"CPM-9-6","itemId":"6a","documentReference":"CPM 2015/04","rationale":"Pilot proposal submitted"}""");
        step(steps, "secretariat", "establishSelectionCriteria", """
                {"roundId":"ROUND-CPM-10","criteria":["strategic global impact","feasibility","availability of resources"],
                 "rationale":"Criteria advised by the SPG"}""");
        step(steps, "secretariat", "closeInput", """
                {"roundId":"ROUND-CPM-10","rationale":"All regions have submitted input"}""");
        step(steps, "secretariat", "completeAnalysis", """
                {"roundId":"ROUND-CPM-10","documentReference":"CPM 2015/05","rationale":"Options weighed against the criteria",
                 "options":[
                  {"optionId":"surveillance","title":"Pilot on surveillance","assessments":[
                    {"criterion":"strategic global impact","finding":"high"},{"criterion":"feasibility","finding":"good"},
                    {"criterion":"availability of resources","finding":"partly pledged"}]},
                  {"optionId":"diagnostics","title":"Diagnostic protocols","assessments":[
                    {"criterion":"strategic global impact","finding":"medium"},{"criterion":"feasibility","finding":"fair"},
                    {"criterion":"availability of resources","finding":"none yet"}]}]}""");
        step(steps, "secretariat", "proposePriority", """
                {"roundId":"ROUND-CPM-10","programmeId":"surveillance-pilot","optionId":"surveillance",
                 "title":"Pilot implementation programme on surveillance","conventionArticle":"Article IV.2(b)",
                 "highLevelPlan":%s,"rationale":"Ranked first against the criteria"}""".formatted(PLAN));
        step(steps, "secretariat", "proposePriority", """
                {"roundId":"ROUND-CPM-10","programmeId":"diagnostics","optionId":"diagnostics",
                 "title":"Implementation programme on diagnostic protocols","conventionArticle":"Article IV.2(c)",
                 "highLevelPlan":%s,"rationale":"Ranked second"}""".formatted(DIAGNOSTICS_PLAN));
        step(steps, "cpm", "openSession", """
                {"sessionId":"CPM-10","rationale":"Opening of CPM-10"}""");
        step(steps, "cpm", "selectPriority", """
                {"programmeId":"surveillance-pilot","sessionId":"CPM-10","rationale":"Selected by consensus"}""");
        step(steps, "cpm", "approveHighLevelPlan", """
                {"programmeId":"surveillance-pilot","sessionId":"CPM-10","rationale":"High-level work plan approved"}""");
        step(steps, "cpm", "delegateDevelopment", """
                {"programmeId":"surveillance-pilot","sessionId":"CPM-10","developer":"SECRETARIAT",
                 "operationalGuidance":"BUREAU","rationale":"Secretariat develops, Bureau guides"}""");
        step(steps, "nz", "pledgeResources", """
                {"programmeId":"surveillance-pilot","resource":{"kind":"FUNDS","valueUsd":250000,
                 "description":"Contribution to the trust fund"},"rationale":"Pledged in plenary"}""");
        step(steps, "cpm", "closeSession", """
                {"sessionId":"CPM-10","rationale":"Close of CPM-10; proposals not selected lapse"}""");
        step(steps, "secretariat", "appointExpert", """
                {"programmeId":"surveillance-pilot","expertId":"expert","name":"Ana Ferreira","expertise":"Surveillance design",
                 "rationale":"Advice on the detailed plan"}""");
        step(steps, "secretariat", "appointExpert", """
                {"programmeId":"surveillance-pilot","expertId":"expert-2","name":"Kwame Mensah",
                 "expertise":"Laboratory networks","rationale":"Advice on sampling"}""");
        String detailed = """
                {"elements":%s,"risks":"Resources arrive late","strategicManagement":"Bureau guidance at each meeting",
                 "operationalManagement":"Quarterly work packages","projects":["Surveillance guide","E-learning course",
                 "Regional workshops"],"resourcesNeededUsd":%s}""";
        step(steps, "secretariat", "submitDetailedPlan", """
                {"programmeId":"surveillance-pilot","plan":%s,"rationale":"Detailed plan, version 1"}""".formatted(detailed.formatted(PLAN, "1200000")));
        step(steps, "expert", "commentOnDetailedPlan", """
                {"programmeId":"surveillance-pilot","planVersion":1,"rationale":"Add a sampling design to the guide"}""");
        step(steps, "secretariat", "reviseDetailedPlan", """
                {"programmeId":"surveillance-pilot","plan":%s,"rationale":"Version 2 with the sampling design"}""".formatted(detailed.formatted(PLAN, "1350000")));
        step(steps, "bureau", "giveGuidance", """
                {"programmeId":"surveillance-pilot","rationale":"Start with two regions"}""");
        step(steps, "secretariat", "releaseExpert", """
                {"programmeId":"surveillance-pilot","expertId":"expert-2","rationale":"Sampling advice delivered"}""");
        step(steps, "cpm", "scheduleSession", """
                {"sessionId":"CPM-11","year":2016,"rationale":"Eleventh session, Rome, April 2016"}""");
        step(steps, "cpm", "openSession", """
                {"sessionId":"CPM-11","rationale":"Opening of CPM-11"}""");
        step(steps, "secretariat", "presentPlan", """
                {"programmeId":"surveillance-pilot","sessionId":"CPM-11","summary":"Three projects over four years",
                 "fullPlanLocation":"https://www.ippc.int/en/core-activities/capacity-development/surveillance-pilot",
                 "rationale":"Year-2 presentation"}""");
        step(steps, "secretariat", "recordSideSession", """
                {"programmeId":"surveillance-pilot","sessionId":"CPM-11","title":"Contributing to the surveillance pilot",
                 "rationale":"Side session held on day 2"}""");
        step(steps, "ke", "pledgeResources", """
                {"programmeId":"surveillance-pilot","resource":{"kind":"IN_KIND","valueUsd":40000,
                 "description":"Hosting the East Africa workshop"},"rationale":"Pledged at the side session"}""");
        step(steps, "nz", "contributeResources", """
                {"programmeId":"surveillance-pilot","resource":{"kind":"FUNDS","valueUsd":250000,
                 "description":"Trust fund transfer"},"rationale":"Pledge honoured"}""");
        step(steps, "eppo", "contributeResources", """
                {"programmeId":"surveillance-pilot","resource":{"kind":"IN_KIND","valueUsd":30000,
                 "description":"Translation of the guide into Russian"},"rationale":"In-kind contribution"}""");
        step(steps, "finance-committee", "recordResourceMobilisation", """
                {"programmeId":"surveillance-pilot","resource":{"kind":"FUNDS","valueUsd":300000,
                 "description":"Grant from a donor agency"},"rationale":"Resource mobilisation"}""");
        step(steps, "secretariat", "recordManagementActivity", """
                {"programmeId":"surveillance-pilot","activity":"MONITORING","rationale":"First quarterly review"}""");
        step(steps, "secretariat", "recordManagementActivity", """
                {"programmeId":"surveillance-pilot","activity":"COMMUNICATIONS","rationale":"Newsletter to contact points"}""");
        step(steps, "ke", "recordPartyEngagement", """
                {"programmeId":"surveillance-pilot","engagement":"COMMITMENT","rationale":"Kenya joins the pilot"}""");
        step(steps, "br", "recordPartyEngagement", """
                {"programmeId":"surveillance-pilot","engagement":"COMMITMENT","rationale":"Brazil joins the pilot"}""");
        step(steps, "secretariat", "reportProgress", """
                {"programmeId":"surveillance-pilot","sessionId":"CPM-11","documentReference":"CPM 2016/12",
                 "rationale":"First progress report"}""");
        return steps;
    }

    private static void step(List<DemoStep> steps, String user, String command, String body) {
        steps.add(new DemoStep(user, command, body));
    }
}

package org.ippc.cpm.domain.seed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ippc.cpm.domain.decision.ActionItem;
import org.ippc.cpm.domain.decision.RecordDecision;
import org.ippc.cpm.domain.decision.ReportOnActionItem;
import org.ippc.cpm.domain.directory.Addressee;
import org.ippc.cpm.domain.directory.ChooseNotifications;
import org.ippc.cpm.domain.directory.Delivery;
import org.ippc.cpm.domain.directory.RegisterContactPoint;
import org.ippc.cpm.domain.directory.RemoveContactPoint;
import org.ippc.cpm.domain.programme.*;
import org.ippc.cpm.domain.programme.CloseProgramme;
import org.ippc.cpm.domain.programme.CorrectRecord;
import org.ippc.cpm.domain.programme.WithdrawProposal;
import org.ippc.cpm.domain.round.AnalysedOption;
import org.ippc.cpm.domain.round.Assessment;
import org.ippc.cpm.domain.round.CloseInput;
import org.ippc.cpm.domain.round.CompleteAnalysis;
import org.ippc.cpm.domain.round.EstablishSelectionCriteria;
import org.ippc.cpm.domain.round.OpenRound;
import org.ippc.cpm.domain.round.ProposePriority;
import org.ippc.cpm.domain.round.SubmitInput;
import org.ippc.cpm.domain.session.CloseSession;
import org.ippc.cpm.domain.session.OpenSession;
import org.ippc.cpm.domain.session.ScheduleSession;
import org.ippc.cpm.domain.shared.Actor;
import org.ippc.cpm.domain.shared.ApiName;
import org.ippc.cpm.domain.shared.Body;
import org.ippc.cpm.domain.shared.CpmJson;
import org.ippc.cpm.domain.shared.DecisionId;
import org.ippc.cpm.domain.shared.ExpertId;
import org.ippc.cpm.domain.shared.Language;
import org.ippc.cpm.domain.shared.ProgrammeId;
import org.ippc.cpm.domain.shared.Role;
import org.ippc.cpm.domain.shared.RoundId;
import org.ippc.cpm.domain.shared.SessionId;
import org.ippc.cpm.domain.translation.TextSubject;
import org.ippc.cpm.domain.translation.TranslatableText;
import org.ippc.cpm.domain.translation.TranslateText;

/**
 * The spec's seed story as command records, in order: CPM-9 (2014) decisions 4-6 with action items; the CPM-10 (2015)
 * round with input from five contracting parties and two RPPOs; the pilot on surveillance selected, approved and
 * delegated while the diagnostics proposal lapses; experts and the detailed plan; the presentation at CPM-11 (2016)
 * with its side session; pledges, contributions, mobilisation, management activities and a progress report. Each
 * actor's person is the embedded profile's demo user of that role or party, so the demo loader sends each step as
 * that user. The domain's test walks it through the aggregates and the demo loader through the API.
 */
public final class SeedStory {

    /**
     * In the future when the round opens (P1), and the same on every load, so that a second load replays the first
     * one's answers; input closes early.
     */
    public static final Instant INPUT_DEADLINE = Instant.parse("2099-12-31T23:59:59Z");

    public static final ProgrammeId PILOT = new ProgrammeId("surveillance-pilot");
    public static final ProgrammeId DIAGNOSTICS = new ProgrammeId("diagnostics");

    private static final Actor CPM = new Actor(Role.CPM, "cpm");
    private static final Actor SECRETARIAT = new Actor(Role.SECRETARIAT, "secretariat");
    private static final Actor BUREAU = new Actor(Role.BUREAU, "bureau");
    private static final Actor FINANCE_COMMITTEE = new Actor(Role.FINANCE_COMMITTEE, "finance-committee");
    private static final Actor EXPERT = new Actor(Role.EXPERT, "expert");
    private static final SessionId CPM_9 = SessionId.of(9);
    private static final SessionId CPM_10 = SessionId.of(10);
    private static final SessionId CPM_11 = SessionId.of(11);
    private static final SessionId CPM_12 = SessionId.of(12);
    private static final RoundId ROUND = RoundId.forSession(CPM_10);
    private static final RoundId NEXT_ROUND = RoundId.forSession(CPM_12);
    private static final DecisionId CPM_11_DECISION = new DecisionId("CPM-11-3");
    private static final ProgrammeId PEST_FREE_AREAS = new ProgrammeId("pest-free-areas");

    private static final HighLevelPlan PLAN = new HighLevelPlan(
            "Surveillance capacity differs widely between contracting parties",
            "Surveillance systems that support safe trade",
            "Implement ISPM 6 in pilot regions",
            "Developing contracting parties first",
            "Guides, e-learning and regional workshops",
            "Contracting parties reporting surveillance results");
    private static final HighLevelPlan DIAGNOSTICS_PLAN = new HighLevelPlan(
            "Few laboratories can confirm regulated pests",
            "Reliable diagnostics",
            "Share diagnostic protocols",
            "All regions",
            "Laboratory network",
            "Protocols in use");

    private SeedStory() {}

    /** A command of the story with the day it took place (its {@code Took-Place-On}). */
    public record Dated(LocalDate tookPlaceOn, Object command) {}

    /**
     * One step as a client of the command API sends it: the demo user, the command's name, its body without the actor,
     * and the day it took place.
     */
    public record Step(String user, String command, String body, LocalDate tookPlaceOn) {

        public static Step of(Dated dated) {
            ObjectNode body = CpmJson.objectMapper().valueToTree(dated.command());
            String user = body.remove("actor").get("person").asText();
            body.properties().removeIf(field -> field.getValue().isNull());
            return new Step(user, ApiName.of(dated.command().getClass()), body.toString(), dated.tookPlaceOn());
        }
    }

    /** The story as API requests, serialized with the engine's one Jackson configuration. */
    public static List<Step> steps() {
        return story().stream().map(Step::of).toList();
    }

    public static List<Object> commands() {
        return story().stream().map(Dated::command).toList();
    }

    /** The story in order, each command with the day it took place. */
    public static List<Dated> story() {
        Chronicle story = new Chronicle();
        story.on("2013-10-01");
        story.add(new ScheduleSession(
                CPM_9, 2014, day("2014-03-31"), day("2014-04-04"), CPM, "Ninth session, Rome, March-April 2014"));
        story.on("2014-03-31");
        story.add(new OpenSession(CPM_9, CPM, "Opening of CPM-9"));
        story.on("2014-04-04");
        story.add(decision(
                4,
                "The CPM agreed that implementation programmes are prioritised at its sessions",
                "Report of the Strategic Planning Group",
                new ActionItem("4a", Body.SECRETARIAT, CPM_10, "Prepare the prioritisation procedure")));
        story.add(decision(
                5,
                "The CPM asked the SPG to advise on criteria for selecting priorities",
                "Discussion in plenary",
                new ActionItem("5a", Body.SPG, CPM_10, "Propose selection criteria")));
        story.add(decision(
                6,
                "The CPM requested a pilot implementation programme on surveillance",
                "Open-ended working group on implementation",
                new ActionItem("6a", Body.SECRETARIAT, CPM_10, "Submit the pilot proposal"),
                new ActionItem("6b", Body.FINANCE_COMMITTEE, CPM_10, "Seek resources for the pilot")));
        story.add(new CloseSession(CPM_9, CPM, "Close of CPM-9"));
        story.on("2014-04-04");
        story.add(new ScheduleSession(
                CPM_10, 2015, day("2015-03-16"), day("2015-03-20"), CPM, "Tenth session, Rome, March 2015"));
        story.on("2014-05-15");
        story.add(new OpenRound(CPM_10, INPUT_DEADLINE, SECRETARIAT, "Call for input on implementation priorities"));
        story.on("2014-07-31");
        for (String code : List.of("NZ", "KE", "BR", "FR", "JP", "EPPO", "NAPPO")) {
            story.add(new SubmitInput(ROUND, "CPM 2015/INF/" + code, party(code), "Priorities of " + code));
        }
        story.on("2014-09-15");
        story.add(new ReportOnActionItem(
                new DecisionId("CPM-9-4"), "4a", "CPM 2015/03", SECRETARIAT, "Procedure prepared"));
        story.add(new ReportOnActionItem(
                new DecisionId("CPM-9-6"), "6a", "CPM 2015/04", SECRETARIAT, "Pilot proposal submitted"));
        story.on("2014-10-01");
        List<String> criteria = List.of("strategic global impact", "feasibility", "availability of resources");
        story.add(new EstablishSelectionCriteria(ROUND, criteria, SECRETARIAT, "Criteria advised by the SPG"));
        story.on("2014-10-31");
        story.add(new CloseInput(ROUND, SECRETARIAT, "All regions have submitted input"));
        story.on("2014-12-12");
        story.add(new CompleteAnalysis(
                ROUND,
                List.of(
                        option("surveillance", "Pilot on surveillance", criteria, "high", "good", "partly pledged"),
                        option("diagnostics", "Diagnostic protocols", criteria, "medium", "fair", "none yet")),
                "CPM 2015/05",
                SECRETARIAT,
                "Options weighed against the criteria"));
        story.on("2015-01-20");
        story.add(new ProposePriority(
                ROUND,
                PILOT,
                "surveillance",
                "Pilot implementation programme on surveillance",
                "Article IV.2(b)",
                PLAN,
                SECRETARIAT,
                "Ranked first against the criteria"));
        story.add(new ProposePriority(
                ROUND,
                DIAGNOSTICS,
                "diagnostics",
                "Implementation programme on diagnostic protocols",
                "Article IV.2(c)",
                DIAGNOSTICS_PLAN,
                SECRETARIAT,
                "Ranked second"));
        story.on("2015-03-16");
        story.add(new OpenSession(CPM_10, CPM, "Opening of CPM-10"));
        story.on("2015-03-18");
        story.add(new SelectPriority(PILOT, CPM_10, CPM, "Selected by consensus"));
        story.add(new ApproveHighLevelPlan(PILOT, CPM_10, null, CPM, "High-level work plan approved"));
        story.add(new DelegateDevelopment(
                PILOT, CPM_10, Body.SECRETARIAT, Body.BUREAU, CPM, "Secretariat develops, Bureau guides"));
        story.add(new PledgeResources(
                PILOT, funds("250000", "Contribution to the trust fund"), party("NZ"), "Pledged in plenary"));
        story.on("2015-03-20");
        story.add(new CloseSession(CPM_10, CPM, "Close of CPM-10; proposals not selected lapse"));
        story.on("2015-06-01");
        story.add(new AppointExpert(
                PILOT,
                new ExpertId("expert"),
                "Ana Ferreira",
                "Surveillance design",
                SECRETARIAT,
                "Advice on the detailed plan"));
        story.add(new AppointExpert(
                PILOT,
                new ExpertId("expert-2"),
                "Kwame Mensah",
                "Laboratory networks",
                SECRETARIAT,
                "Advice on sampling"));
        story.on("2015-09-15");
        story.add(new SubmitDetailedPlan(PILOT, detailedPlan("1200000"), SECRETARIAT, "Detailed plan, version 1"));
        story.on("2015-10-01");
        story.add(new CommentOnDetailedPlan(PILOT, 1, EXPERT, "Add a sampling design to the guide"));
        story.on("2015-11-16");
        story.add(new ReviseDetailedPlan(
                PILOT, detailedPlan("1350000"), SECRETARIAT, "Version 2 with the sampling design"));
        story.on("2015-12-01");
        story.add(new GiveGuidance(PILOT, BUREAU, "Start with two regions"));
        story.on("2016-01-15");
        story.add(new ReleaseExpert(PILOT, new ExpertId("expert-2"), SECRETARIAT, "Sampling advice delivered"));
        story.on("2016-01-15");
        story.add(new ScheduleSession(
                CPM_11, 2016, day("2016-04-04"), day("2016-04-08"), CPM, "Eleventh session, Rome, April 2016"));
        story.on("2016-04-04");
        story.add(new OpenSession(CPM_11, CPM, "Opening of CPM-11"));
        story.on("2016-04-05");
        story.add(new PresentPlan(
                PILOT,
                CPM_11,
                "Three projects over four years",
                "https://www.ippc.int/en/core-activities/capacity-development/surveillance-pilot",
                SECRETARIAT,
                "Year-2 presentation"));
        story.on("2016-04-06");
        story.add(new RecordSideSession(
                PILOT, CPM_11, "Contributing to the surveillance pilot", SECRETARIAT, "Side session held on day 2"));
        story.add(new PledgeResources(
                PILOT,
                new Resource(ResourceKind.IN_KIND, new BigDecimal("40000"), "Hosting the East Africa workshop"),
                party("KE"),
                "Pledged at the side session"));
        story.on("2016-04-07");
        story.add(
                new ContributeResources(PILOT, funds("250000", "Trust fund transfer"), party("NZ"), "Pledge honoured"));
        story.add(new ContributeResources(
                PILOT,
                new Resource(ResourceKind.IN_KIND, new BigDecimal("30000"), "Translation of the guide into Russian"),
                party("EPPO"),
                "In-kind contribution"));
        story.add(new RecordResourceMobilisation(
                PILOT, funds("300000", "Grant from a donor agency"), FINANCE_COMMITTEE, "Resource mobilisation"));
        story.on("2016-04-08");
        story.add(new RecordManagementActivity(
                PILOT, ManagementActivity.MONITORING, SECRETARIAT, "First quarterly review"));
        story.add(new RecordManagementActivity(
                PILOT, ManagementActivity.COMMUNICATIONS, SECRETARIAT, "Newsletter to contact points"));
        story.add(new RecordPartyEngagement(PILOT, PartyEngagement.COMMITMENT, party("KE"), "Kenya joins the pilot"));
        story.add(new RecordPartyEngagement(PILOT, PartyEngagement.COMMITMENT, party("BR"), "Brazil joins the pilot"));
        story.add(new ReportProgress(PILOT, CPM_11, "CPM 2016/12", SECRETARIAT, "First progress report"));
        directory().forEach(story::add);
        story.add(new RecordDecision(
                CPM_11_DECISION,
                CPM_11,
                3,
                "The CPM welcomed the detailed plan of the surveillance pilot and its first progress report",
                List.of(
                        new ActionItem(
                                "3a", Body.SECRETARIAT, CPM_12, "Report on the first year of the surveillance pilot"),
                        new ActionItem("3b", Body.BUREAU, CPM_12, "Review the two regions the pilot starts with")),
                CPM,
                "Discussion in plenary"));
        translations().forEach(story::add);
        return story.entries;
    }

    /**
     * Translations of the pilot's texts and of CPM-11's decision (T1, T2): by the Secretariat, and by parties that
     * contribute them (Morocco into Arabic; the EPPO into Russian, as its in-kind contribution says).
     */
    private static List<Object> translations() {
        TextSubject pilot = TextSubject.of(PILOT);
        TextSubject decision = TextSubject.of(CPM_11_DECISION);
        Actor morocco = party("MA");
        return List.of(
                translate(
                        pilot,
                        TranslatableText.PROGRAMME_TITLE,
                        null,
                        Language.FR,
                        "Programme pilote de mise en œuvre sur la surveillance",
                        SECRETARIAT),
                translate(
                        pilot,
                        TranslatableText.PROGRAMME_TITLE,
                        null,
                        Language.AR,
                        "البرنامج التجريبي للتنفيذ بشأن المراقبة",
                        morocco),
                translate(pilot, TranslatableText.PROGRAMME_TITLE, null, Language.ZH, "监测实施试点计划", SECRETARIAT),
                translate(
                        pilot,
                        TranslatableText.PROGRAMME_TITLE,
                        null,
                        Language.RU,
                        "Пилотная программа по осуществлению в области эпиднадзора",
                        party("EPPO")),
                translate(
                        pilot,
                        TranslatableText.PLAN_SUMMARY,
                        null,
                        Language.FR,
                        "Trois projets sur quatre ans",
                        SECRETARIAT),
                translate(
                        pilot,
                        TranslatableText.PLAN_SUMMARY,
                        null,
                        Language.AR,
                        "ثلاثة مشاريع على مدى أربع سنوات",
                        morocco),
                translate(
                        decision,
                        TranslatableText.DECISION_TEXT,
                        null,
                        Language.FR,
                        "La CMP a accueilli avec satisfaction le plan détaillé du programme pilote sur la surveillance"
                                + " et son premier rapport d'activité",
                        SECRETARIAT),
                translate(
                        decision,
                        TranslatableText.DECISION_TEXT,
                        null,
                        Language.AR,
                        "رحبت هيئة تدابير الصحة النباتية بالخطة التفصيلية للبرنامج التجريبي بشأن المراقبة"
                                + " وبتقريره المرحلي الأول",
                        morocco),
                translate(
                        decision,
                        TranslatableText.ACTION_ITEM_REQUEST,
                        "3a",
                        Language.FR,
                        "Rendre compte de la première année du programme pilote sur la surveillance",
                        SECRETARIAT));
    }

    private static TranslateText translate(
            TextSubject subject,
            TranslatableText text,
            String itemId,
            Language language,
            String translation,
            Actor translator) {
        return new TranslateText(
                subject, text, itemId, Language.EN, language, translation, translator, "Translation provided");
    }

    /** The contact points the story's deadlines and decisions reach (N1): NZ, the SPG and the Finance Committee. */
    private static List<Object> directory() {
        return List.of(
                contact(new Addressee("NZ"), "nz-contact-point", "ippc.contact@mpi.example.nz", Language.EN),
                contact(Addressee.of(Body.SPG), "spg-chair", "spg.chair@example.org", Language.FR),
                contact(
                        Addressee.of(Body.FINANCE_COMMITTEE),
                        "finance-committee-chair",
                        "fc.chair@example.org",
                        Language.ES));
    }

    /**
     * What the API guide runs after the story, so that it shows every command once on data a reader has: the next
     * round proposes a priority that is then withdrawn, a record is corrected, and the pilot is closed (M4).
     */
    public static List<Dated> epilogue() {
        List<String> criteria = List.of("strategic global impact", "feasibility");
        Chronicle epilogue = new Chronicle();
        epilogue.on("2016-04-08");
        epilogue.add(new ScheduleSession(
                CPM_12, 2017, day("2017-04-05"), day("2017-04-11"), CPM, "Twelfth session, Incheon, April 2017"));
        epilogue.add(new CorrectRecord(PILOT, 2, "Approved at the second sitting", SECRETARIAT, "Minutes corrected"));
        epilogue.add(new CloseProgramme(PILOT, CPM_11, "Surveillance guide adopted", CPM, "Objectives met"));
        epilogue.add(new ChooseNotifications(
                Addressee.of(Body.SPG),
                "spg-chair",
                Delivery.DAILY_DIGEST,
                true,
                SECRETARIAT,
                "The chair asked for one e-mail a day"));
        epilogue.add(new RemoveContactPoint(
                Addressee.of(Body.FINANCE_COMMITTEE), "finance-committee-chair", SECRETARIAT, "A new chair"));
        epilogue.on("2016-05-16");
        epilogue.add(new OpenRound(CPM_12, INPUT_DEADLINE, SECRETARIAT, "Call for input for CPM-12"));
        epilogue.on("2016-07-29");
        epilogue.add(new SubmitInput(NEXT_ROUND, "CPM 2017/INF/NZ", party("NZ"), "Priorities of NZ"));
        epilogue.on("2016-09-30");
        epilogue.add(new EstablishSelectionCriteria(NEXT_ROUND, criteria, SECRETARIAT, "Criteria advised by the SPG"));
        epilogue.on("2016-10-31");
        epilogue.add(new CloseInput(NEXT_ROUND, SECRETARIAT, "Input complete"));
        epilogue.on("2016-12-09");
        epilogue.add(new CompleteAnalysis(
                NEXT_ROUND,
                List.of(option("pest-free-areas", "Pest free areas", criteria, "high", "fair")),
                "CPM 2017/05",
                SECRETARIAT,
                "One option weighed"));
        epilogue.on("2017-01-20");
        epilogue.add(new ProposePriority(
                NEXT_ROUND,
                PEST_FREE_AREAS,
                "pest-free-areas",
                "Implementation programme on pest free areas",
                "Article IV.2(e)",
                PLAN,
                SECRETARIAT,
                "Ranked first"));
        epilogue.on("2017-02-15");
        epilogue.add(new WithdrawProposal(
                PEST_FREE_AREAS, SECRETARIAT, "Merged into the surveillance pilot's second phase"));
        return epilogue.entries;
    }

    /** Collects commands with the day they took place: {@code on} sets the day for the commands added after it. */
    private static final class Chronicle {
        private final List<Dated> entries = new ArrayList<>();
        private LocalDate day;

        void on(String date) {
            day = LocalDate.parse(date);
        }

        void add(Object command) {
            entries.add(new Dated(day, command));
        }
    }

    private static LocalDate day(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    private static RegisterContactPoint contact(Addressee addressee, String person, String email, Language language) {
        return new RegisterContactPoint(
                addressee, person, email, language, SECRETARIAT, "Contact point as notified to the Secretariat");
    }

    private static RecordDecision decision(int number, String text, String rationale, ActionItem... items) {
        return new RecordDecision(
                new DecisionId("CPM-9-" + number), CPM_9, number, text, List.of(items), CPM, rationale);
    }

    private static AnalysedOption option(String id, String title, List<String> criteria, String... findings) {
        List<Assessment> assessments = new ArrayList<>();
        for (int i = 0; i < criteria.size(); i++) {
            assessments.add(new Assessment(criteria.get(i), findings[i]));
        }
        return new AnalysedOption(id, title, assessments);
    }

    private static DetailedPlan detailedPlan(String resourcesNeededUsd) {
        return new DetailedPlan(
                PLAN,
                "Resources arrive late",
                "Bureau guidance at each meeting",
                "Quarterly work packages",
                List.of("Surveillance guide", "E-learning course", "Regional workshops"),
                new BigDecimal(resourcesNeededUsd));
    }

    private static Resource funds(String usd, String description) {
        return new Resource(ResourceKind.FUNDS, new BigDecimal(usd), description);
    }

    /** A contracting party's or an RPPO's demo user: the party code in lower case. */
    private static Actor party(String code) {
        Role role = code.length() > 2 ? Role.RPPO : Role.CONTRACTING_PARTY;
        return new Actor(role, code.toLowerCase(Locale.ROOT), code);
    }
}

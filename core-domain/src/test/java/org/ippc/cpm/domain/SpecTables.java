package org.ippc.cpm.domain;

import static org.ippc.cpm.domain.shared.Role.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ippc.cpm.domain.shared.Role;

/**
 * The spec's role table ("Who acts") written out by hand, command by command: the expectation of the role-matrix
 * tests, never read from the code. Where the spec names no role, the choice is in docs/spec-notes.md
 * (CorrectRecord: the Secretariat and the CPM; ReportOnActionItem: the four addressee bodies, C2).
 */
public final class SpecTables {

    public static final Map<String, Set<Role>> WHO_MAY_ISSUE = new TreeMap<>(Map.ofEntries(
            // CPM: select, approve, delegate, close a programme, schedule/open/close sessions, record decisions (C1)
            Map.entry("ScheduleSession", EnumSet.of(CPM)),
            Map.entry("OpenSession", EnumSet.of(CPM)),
            Map.entry("CloseSession", EnumSet.of(CPM)),
            Map.entry("SelectPriority", EnumSet.of(CPM)),
            Map.entry("ApproveHighLevelPlan", EnumSet.of(CPM)),
            Map.entry("DelegateDevelopment", EnumSet.of(CPM)),
            Map.entry("CloseProgramme", EnumSet.of(CPM)),
            Map.entry("RecordDecision", EnumSet.of(CPM)),
            // Secretariat: rounds, criteria, analysis, proposals, the detailed plan, experts, presenting, managing,
            // reporting
            Map.entry("OpenRound", EnumSet.of(SECRETARIAT)),
            Map.entry("CloseInput", EnumSet.of(SECRETARIAT)),
            Map.entry("EstablishSelectionCriteria", EnumSet.of(SECRETARIAT)),
            Map.entry("CompleteAnalysis", EnumSet.of(SECRETARIAT)),
            Map.entry("ProposePriority", EnumSet.of(SECRETARIAT)),
            Map.entry("WithdrawProposal", EnumSet.of(SECRETARIAT)),
            Map.entry("AppointExpert", EnumSet.of(SECRETARIAT)),
            Map.entry("ReleaseExpert", EnumSet.of(SECRETARIAT)),
            Map.entry("SubmitDetailedPlan", EnumSet.of(SECRETARIAT)),
            Map.entry("ReviseDetailedPlan", EnumSet.of(SECRETARIAT)),
            Map.entry("PresentPlan", EnumSet.of(SECRETARIAT)),
            Map.entry("RecordSideSession", EnumSet.of(SECRETARIAT)),
            Map.entry("RecordManagementActivity", EnumSet.of(SECRETARIAT)),
            Map.entry("ReportProgress", EnumSet.of(SECRETARIAT)),
            // contracting parties and RPPOs: input, commitments and reports, resources
            Map.entry("SubmitInput", EnumSet.of(CONTRACTING_PARTY, RPPO)),
            Map.entry("PledgeResources", EnumSet.of(CONTRACTING_PARTY, RPPO)),
            Map.entry("ContributeResources", EnumSet.of(CONTRACTING_PARTY, RPPO)),
            Map.entry("RecordPartyEngagement", EnumSet.of(CONTRACTING_PARTY, RPPO)),
            // Bureau: operational guidance; Finance Committee: mobilisation; experts: comments on their plan
            Map.entry("GiveGuidance", EnumSet.of(BUREAU)),
            Map.entry("RecordResourceMobilisation", EnumSet.of(FINANCE_COMMITTEE)),
            Map.entry("CommentOnDetailedPlan", EnumSet.of(EXPERT)),
            // C2: the addressee body reports; C3: the engine marks overdue; A1: a correction (spec-notes)
            Map.entry("ReportOnActionItem", EnumSet.of(SECRETARIAT, BUREAU, SPG, FINANCE_COMMITTEE)),
            Map.entry("MarkActionItemOverdue", EnumSet.of(ENGINE)),
            Map.entry("CorrectRecord", EnumSet.of(SECRETARIAT, CPM)),
            // N1, the engine's own (spec-notes): the Secretariat keeps the directory of contact points; a person's
            // choices come through the Secretariat or the signed link of an e-mail (the engine)
            Map.entry("RegisterContactPoint", EnumSet.of(SECRETARIAT)),
            Map.entry("RemoveContactPoint", EnumSet.of(SECRETARIAT)),
            Map.entry("ChooseNotifications", EnumSet.of(SECRETARIAT, ENGINE)),
            // the engine's own (T1): the Secretariat, or a party contributing a translation
            Map.entry("TranslateText", EnumSet.of(SECRETARIAT, CONTRACTING_PARTY, RPPO))));

    private SpecTables() {}
}
